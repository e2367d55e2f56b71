#!/usr/bin/env node
/**
 * `npm run fuzz [-- --count N --seed S]`: the long fuzz run. Every input must end with findings,
 * never an exception or a rule crash, and take at most 1 s per MB of input (at least 1 s).
 */
import { readFileSync, readdirSync, existsSync } from 'node:fs';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { mutatedInputs } from './fuzz-core.js';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
// The budget is dockside's own time; ShellCheck is a separate binary with its own time limit.
process.env.DOCKSIDE_SHELLCHECK ??= 'off';
const { lintSource } = await import(join(ROOT, 'dist/engine/lint.js'));
const { defaultRegistry } = await import(join(ROOT, 'dist/rules/index.js'));

const argument = (name, fallback) => {
  const index = process.argv.indexOf(name);
  return index === -1 ? fallback : Number(process.argv[index + 1]);
};
const count = argument('--count', 5000);
const seed = argument('--seed', Date.now() % 1_000_000);
const corpus = join(ROOT, '..', 'shared', 'corpus', 'dockerfiles');
const seeds = existsSync(corpus)
  ? readdirSync(corpus).filter((name) => name.endsWith('.Dockerfile')).sort().filter((_, index) => index % 20 === 0).map((name) => readFileSync(join(corpus, name)))
  : [readFileSync(join(ROOT, 'fixtures/examples/Dockerfile'))];

const registry = defaultRegistry();
const rules = new Map(registry.rules.filter((rule) => rule.meta.requiresContext).map((rule) => [rule.meta.code, { level: 'off' }]));
const config = { rules, ignore: [], trustedRegistries: [], labelSchema: {}, strictLabels: false, disableIgnorePragma: false, precisePositions: false, source: null };
let failures = 0;
let slow = 0;
let bytes = 0;
const started = performance.now();
const byMutation = new Map();
for (const { index, label, input } of mutatedInputs(seeds, count, seed)) {
  const begin = performance.now();
  let problem = null;
  try {
    const result = await lintSource(input, `fuzz-${index}`, { registry, config });
    const crash = result.findings.find((finding) => finding.code === 'internal-error');
    if (crash) problem = crash.message;
  } catch (error) {
    problem = `threw ${error.message}`;
  }
  const elapsed = performance.now() - begin;
  bytes += input.length;
  const budget = Math.max(1000, (input.length / 1_000_000) * 1000);
  if (elapsed > budget) {
    slow++;
    console.log(`slow #${index} ${label}: ${elapsed.toFixed(0)} ms for ${input.length} bytes`);
  }
  if (problem) {
    failures++;
    console.log(`FAIL #${index} ${label}: ${problem}`);
  }
  byMutation.set(label.split('+')[0], (byMutation.get(label.split('+')[0]) ?? 0) + 1);
}
const seconds = (performance.now() - started) / 1000;
console.log(`fuzz: seed ${seed}, ${count} inputs (${(bytes / 1e6).toFixed(1)} MB) in ${seconds.toFixed(1)} s: ${failures} failures, ${slow} over the 1 s/MB budget`);
console.log(`by mutation: ${[...byMutation].map(([name, n]) => `${name} ${n}`).join(', ')}`);
process.exitCode = failures > 0 || slow > 0 ? 1 : 0;
