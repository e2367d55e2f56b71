#!/usr/bin/env node
/**
 * `npm run fuzz [-- --count N --seed S] [--fix]`: the long fuzz run. Every input must end with
 * findings, never an exception or a rule crash, and take at most 1 s per MB of input (at least 1 s).
 * `--fix` runs the fixer instead (unsafe fixes on, then the `--fix-dry-run` diff): the same
 * conditions on what is left, and the diff must turn the input into the fixed text. Its budget is
 * three lints' (3 s per MB, at least 3 s): a file the fixer changes is linted before and after
 * its fixes, and again after each further pass (fixes the first ones made possible: a fuzzed file
 * of 6,000 RUNs took three lints, 1.05 s for 0.48 MB).
 * `--context` lints with the build-context rules on, against a small made-up context (a symlink
 * loop and a dangling link in it) whose `.dockerignore` is a corpus one, half the time with the
 * mutated input's first lines appended, so broken patterns reach the ignore-file compiler too.
 * `--analyze` (implies `--context`) also builds `dockside analyze`'s report of each input, with two
 * changed files, and renders it as text, markdown and JSON. Its budget is two lints': the report
 * walks every stage and layer again, and lists what each COPY pulls from the context.
 */
import { readFileSync, readdirSync, existsSync, mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { mutatedInputs, random } from './fuzz-core.js';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
// The budget is dockside's own time; ShellCheck is a separate binary with its own time limit.
process.env.DOCKSIDE_SHELLCHECK ??= 'off';
const { lintSource } = await import(join(ROOT, 'dist/engine/lint.js'));
const { fixSource } = await import(join(ROOT, 'dist/engine/fixer.js'));
const { unifiedDiff } = await import(join(ROOT, 'dist/cli/unified-diff.js'));
const { defaultRegistry } = await import(join(ROOT, 'dist/rules/index.js'));
const { loadBuildContext } = await import(join(ROOT, 'dist/context/index.js'));
const { buildAnalyzeReport } = await import(join(ROOT, 'dist/analyze/model.js'));
const { renderMarkdown, renderText } = await import(join(ROOT, 'dist/analyze/render.js'));
const { applyPatch } = await import('diff');

const argument = (name, fallback) => {
  const index = process.argv.indexOf(name);
  return index === -1 ? fallback : Number(process.argv[index + 1]);
};
const count = argument('--count', 5000);
const seed = argument('--seed', Date.now() % 1_000_000);
const fixing = process.argv.includes('--fix');
/** The lints a fix run is allowed (see above): the multiple of the lint budget it gets. */
const FIX_LINTS = 3;
const analyzing = process.argv.includes('--analyze');
/** The lints an analyze run is allowed (see above). */
const ANALYZE_LINTS = 2;
const withContext = analyzing || process.argv.includes('--context');
/** The run's budget per input, in lints (1 s per MB each). */
const lintsPerInput = fixing ? FIX_LINTS : analyzing ? ANALYZE_LINTS : 1;
const corpus = join(ROOT, '..', 'shared', 'corpus', 'dockerfiles');
const corpusNames = existsSync(corpus) ? readdirSync(corpus).sort() : [];
const seeds =
  corpusNames.length > 0
    ? corpusNames.filter((name) => name.endsWith('.Dockerfile')).filter((_, index) => index % 20 === 0).map((name) => readFileSync(join(corpus, name)))
    : [readFileSync(join(ROOT, 'fixtures/examples/Dockerfile'))];

const registry = defaultRegistry();
const rules = withContext ? new Map() : new Map(registry.rules.filter((rule) => rule.meta.requiresContext).map((rule) => [rule.meta.code, { level: 'off' }]));
const config = { rules, ignore: [], trustedRegistries: [], labelSchema: {}, strictLabels: false, disableIgnorePragma: false, precisePositions: false, source: null };
const context = withContext ? madeUpContext() : null;
let failures = 0;
let slow = 0;
let fixed = 0;
let refused = 0;
let bytes = 0;
const started = performance.now();
const byMutation = new Map();
for (const { index, label, input } of mutatedInputs(seeds, count, seed)) {
  const begin = performance.now();
  let problem = null;
  try {
    if (fixing) problem = await fixProblem(input, `fuzz-${index}`);
    else {
      const result = context ? await lintInContext(input) : await lintSource(input, `fuzz-${index}`, { registry, config });
      const crash = result.findings.find((finding) => finding.code === 'internal-error');
      if (crash) problem = crash.message;
      else if (analyzing) analyze(result);
    }
  } catch (error) {
    problem = `threw ${error.message}`;
  }
  const elapsed = performance.now() - begin;
  bytes += input.length;
  const budget = lintsPerInput * Math.max(1000, (input.length / 1_000_000) * 1000);
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
if (context) rmSync(context.root, { recursive: true, force: true });
const seconds = (performance.now() - started) / 1000;
const fixCounts = fixing ? ` (fixer: ${fixed} changed, ${refused} refused a fix that broke parsing)` : '';
const mode = fixing ? ' --fix' : analyzing ? ' --analyze' : withContext ? ' --context' : '';
console.log(`fuzz${mode}: seed ${seed}, ${count} inputs (${(bytes / 1e6).toFixed(1)} MB) in ${seconds.toFixed(1)} s: ${failures} failures, ${slow} over the ${lintsPerInput} s/MB budget${fixCounts}`);
console.log(`by mutation: ${[...byMutation].map(([name, n]) => `${name} ${n}`).join(', ')}`);
process.exitCode = failures > 0 || slow > 0 ? 1 : 0;

/** The fixer on one input, as `--unsafe-fixes --fix-dry-run` runs it: what went wrong, or null. */
async function fixProblem(input, path) {
  // The CLI rewrites UTF-8 text only; the fixer sees what it would.
  const text = input.toString('utf8');
  const outcome = await fixSource(text, path, { registry, config }, { applicability: 'unsafe' });
  if (outcome.refused) refused++;
  const crash = outcome.remaining.find((finding) => finding.code === 'internal-error');
  if (crash) return crash.message;
  if (!outcome.changed) return null;
  fixed++;
  const diff = unifiedDiff(`a/${path}`, `b/${path}`, text, outcome.output);
  return applyPatch(text, diff) === outcome.output ? null : 'the printed diff does not turn the input into the fixed text';
}

/** A small project to lint against: typical files, a symlink loop, a dangling link. */
function madeUpContext() {
  const root = mkdtempSync(join(tmpdir(), 'dockside-fuzz-context-'));
  const files = ['src/a.js', 'src/b.ts', 'package.json', 'package-lock.json', 'node_modules/x/index.js', '.git/HEAD', '.env', 'id_rsa',
    'app/main.py', 'requirements.txt', 'go.mod', 'docs/README.md', 'build/out.bin', 'config/settings.yaml'];
  for (const file of files) {
    mkdirSync(join(root, file, '..'), { recursive: true });
    writeFileSync(join(root, file), 'x\n');
  }
  mkdirSync(join(root, 'loop'));
  symlinkSync('..', join(root, 'loop', 'up'));
  symlinkSync(join(root, 'missing', 'target'), join(root, 'dangling'));
  const ignoreFiles = corpusNames.filter((name) => name.endsWith('.dockerignore')).map((name) => readFileSync(join(corpus, name), 'utf8'));
  return { root, ignoreFiles: ignoreFiles.length > 0 ? ignoreFiles : ['node_modules\n*.md\n!README.md\n'], next: random(seed + 1) };
}

/** Lints `input` as the context's Dockerfile, after writing this input's ignore file. */
async function lintInContext(input) {
  const { root, ignoreFiles, next } = context;
  const dockerfile = join(root, 'Dockerfile');
  const ignore = ignoreFiles[Math.floor(next() * ignoreFiles.length)];
  writeFileSync(join(root, '.dockerignore'), next() < 0.5 ? ignore : `${ignore}\n${input.subarray(0, 2000).toString('utf8')}`);
  let buildContext = null;
  const loaded = () => (buildContext ??= loadBuildContext(dockerfile, root, { onProgress: null }));
  const result = await lintSource(input, dockerfile, { registry, config, loadBuildContext: loaded });
  return { ...result, buildContext: loaded() };
}

/** `dockside analyze`'s report of a linted input, in every format (throws what it throws). */
function analyze(result) {
  const report = buildAnalyzeReport(result.dockerfile, result.buildContext, result.findings, { changed: ['src/a.js', 'package.json'] });
  renderText([report], { color: false });
  renderMarkdown([report]);
  JSON.stringify(report);
}
