/**
 * Robustness over the shared corpus (20,000 real Dockerfiles): every file gets a result, nothing
 * throws, no rule crashes. Only aggregate properties are asserted; corpus files never enter the repo.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { discoverTargets } from '../../src/cli/files.js';
import { EMPTY_CONFIG } from '../../src/engine/config.js';
import { lintSource } from '../../src/engine/lint.js';
import { defaultRegistry } from '../../src/rules/index.js';
import { CORPUS_DIR, hasCorpus, skipMessage } from '../support/shared.js';

// ShellCheck costs ~40 ms of CPU per file (a separate binary with its own tests in test/shellcheck):
// over 20,000 files it would dominate CI. This run is about dockside's own robustness.
process.env.DOCKSIDE_SHELLCHECK = 'off';

describe.skipIf(!hasCorpus)('the shared corpus', () => {
  if (!hasCorpus) it.skip(skipMessage('corpus'), () => {});

  it('lints every Dockerfile with every default rule: a result per file, no crash', async () => {
    const folder = join(CORPUS_DIR, 'dockerfiles');
    const { targets, problems } = await discoverTargets([folder]);
    expect(problems).toEqual([]);
    expect(targets.length).toBeGreaterThan(19_000);
    const registry = defaultRegistry();
    let results = 0;
    let parseFailures = 0;
    const ruleCrashes: string[] = [];
    for (const target of targets) {
      const result = await lintSource(readFileSync(target.path), target.path, {
        registry,
        // Build-context rules need a real context; the corpus holds loose files.
        config: {
          ...EMPTY_CONFIG,
          rules: new Map(
            registry.rules.filter((rule) => rule.meta.requiresContext).map((rule) => [rule.meta.code, { level: 'off' as const }]),
          ),
        },
      });
      results++;
      if (result.findings.some((finding) => finding.code === 'DL1000' && finding.level === 'error')) parseFailures++;
      for (const finding of result.findings) if (finding.code === 'internal-error') ruleCrashes.push(`${target.path}: ${finding.message}`);
    }
    expect(results).toBe(targets.length);
    expect(ruleCrashes.slice(0, 10)).toEqual([]);
    // Broken files exist in the corpus, but they are a small minority.
    expect(parseFailures / results).toBeLessThan(0.05);
  }, 900_000);
});
