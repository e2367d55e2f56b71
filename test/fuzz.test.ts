/**
 * A bounded, seeded fuzz run (issue 8): mutated corpus files through the whole engine; every run
 * ends with findings, never an exception or a rule crash. `npm run fuzz` runs the long version and
 * also checks the time budget (1 s per MB), which unit tests never time.
 */
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { applyPatch } from 'diff';
import { describe, expect, it } from 'vitest';
// @ts-expect-error -- plain ESM JavaScript shared with bench/fuzz.js, no type declarations
import { mutatedInputs } from '../bench/fuzz-core.js';
import { unifiedDiff } from '../src/cli/unified-diff.js';
import { EMPTY_CONFIG } from '../src/engine/config.js';
import { fixSource } from '../src/engine/fixer.js';
import { lintSource } from '../src/engine/lint.js';
import { defaultRegistry } from '../src/rules/index.js';
import { CORPUS_DIR, hasCorpus } from './support/shared.js';

// dockside's own robustness: ShellCheck is a separate binary, bounded by its own time limit.
process.env.DOCKSIDE_SHELLCHECK = 'off';

const FIXTURE_SEEDS = ['fixtures/examples/Dockerfile', 'fixtures/examples/clean/Dockerfile'];

function seeds(): Buffer[] {
  if (!hasCorpus) return FIXTURE_SEEDS.map((path) => readFileSync(path));
  const folder = join(CORPUS_DIR, 'dockerfiles');
  const names = readdirSync(folder).filter((name) => name.endsWith('.Dockerfile')).sort();
  return names.filter((_, index) => index % 400 === 0).map((name) => readFileSync(join(folder, name)));
}

const registry = defaultRegistry();
const contextFree = new Map(
  registry.rules.filter((rule) => rule.meta.requiresContext).map((rule) => [rule.meta.code, { level: 'off' as const }]),
);

describe('fuzz (seeded, bounded)', () => {
  it('never throws and no rule crashes on 300 mutated Dockerfiles', async () => {
    const failures: string[] = [];
    let runs = 0;
    for (const { index, label, input } of mutatedInputs(seeds(), 300, 20261123) as Iterable<{ index: number; label: string; input: Buffer }>) {
      runs++;
      try {
        const result = await lintSource(input, `fuzz-${index}`, {
          registry,
          config: { ...EMPTY_CONFIG, rules: contextFree },
        });
        const crash = result.findings.find((finding) => finding.code === 'internal-error');
        if (crash) failures.push(`#${index} ${label}: ${crash.message}`);
      } catch (error) {
        failures.push(`#${index} ${label}: threw ${(error as Error).message}`);
      }
    }
    expect(runs).toBe(300);
    expect(failures).toEqual([]);
  }, 600_000);

  it('the fixer (unsafe fixes on) never throws, and its diff turns each of 150 mutated Dockerfiles into the fixed text', async () => {
    const failures: string[] = [];
    let changed = 0;
    for (const { index, label, input } of mutatedInputs(seeds(), 150, 20261207) as Iterable<{ index: number; label: string; input: Buffer }>) {
      const text = input.toString('utf8');
      try {
        const outcome = await fixSource(text, `fuzz-${index}`, { registry, config: { ...EMPTY_CONFIG, rules: contextFree } }, { applicability: 'unsafe' });
        const crash = outcome.remaining.find((finding) => finding.code === 'internal-error');
        if (crash) failures.push(`#${index} ${label}: ${crash.message}`);
        if (!outcome.changed) continue;
        changed++;
        const diff = unifiedDiff('a/Dockerfile', 'b/Dockerfile', text, outcome.output);
        if (applyPatch(text, diff) !== outcome.output) failures.push(`#${index} ${label}: the diff does not reproduce the fixed text`);
      } catch (error) {
        failures.push(`#${index} ${label}: threw ${(error as Error).message}`);
      }
    }
    expect(failures).toEqual([]);
    // The fixer had work to do: most mutated files keep fixable findings.
    expect(changed).toBeGreaterThan(0);
  }, 600_000);
});
