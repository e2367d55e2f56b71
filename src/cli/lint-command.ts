/**
 * `dockside lint`: paths → config → engine → reporters → exit code. Thin on purpose: every
 * decision about Dockerfiles lives in the parser, the engine and the rules.
 */
import { closeSync, openSync, writeSync } from 'node:fs';
import { resolve } from 'node:path';
import { ConfigError } from '../engine/config.js';
import { activeRules } from '../engine/lint.js';
import type { RuleRegistry } from '../engine/registry.js';
import { SEVERITY_RANK, type FileResult, type Severity } from '../engine/types.js';
import { FORMAT_NAMES, FORMATS_USING_SOURCE, STREAMING_REPORTERS, loadReporter } from '../reporters/index.js';
import type { ReporterContext } from '../reporters/types.js';
import { discoverTargets } from './files.js';
import { LintJobRunner, type JobOutcome, type SharedLintOptions } from './lint-job.js';
import { lintInWorkers, workerCount } from './pool.js';

export interface CliIO {
  /** May return a promise when the text is queued, not written (a full pipe): await it to not pile up. */
  readonly stdout: (text: string) => void | Promise<void>;
  readonly stderr: (text: string) => void;
  readonly readStdin: () => Promise<Buffer>;
  readonly cwd: string;
  readonly env: NodeJS.ProcessEnv;
  readonly stdoutIsTTY: boolean;
}

export interface LintCommandOptions {
  readonly format: readonly string[];
  readonly outputFile: readonly string[];
  readonly failureThreshold?: string;
  readonly quiet: boolean;
  readonly maxWarnings: number;
  readonly color: boolean;
  /** A path, `false` for `--no-config`, or undefined to discover. */
  readonly config: string | false | undefined;
  readonly buildArg: readonly string[];
  readonly context?: string;
  readonly stdinFilename?: string;
  readonly precisePositions: boolean;
  readonly noFail: boolean;
  /** `--fix`, `--unsafe-fixes` (implies fixing), `--fix-dry-run`/`--diff`. */
  readonly fix: boolean;
  readonly unsafeFixes: boolean;
  readonly fixDryRun: boolean;
}

export interface LintRunDependencies {
  readonly registry: RuleRegistry;
  readonly toolVersion: string;
}

const THRESHOLDS = ['error', 'warning', 'info', 'style'];

export function parseBuildArgs(values: readonly string[], env: NodeJS.ProcessEnv): Map<string, string> {
  const buildArgs = new Map<string, string>();
  for (const value of values) {
    const equals = value.indexOf('=');
    // `--build-arg NAME` takes the value from the environment, as `docker build` does.
    if (equals === -1) {
      const fromEnv = env[value];
      if (fromEnv !== undefined) buildArgs.set(value, fromEnv);
    } else buildArgs.set(value.slice(0, equals), value.slice(equals + 1));
  }
  return buildArgs;
}

export async function runLint(
  paths: readonly string[],
  options: LintCommandOptions,
  io: CliIO,
  dependencies: LintRunDependencies,
): Promise<number> {
  const { registry } = dependencies;
  for (const format of options.format) {
    if (!FORMAT_NAMES.includes(format)) {
      io.stderr(`dockside: unknown format "${format}" (choose from ${FORMAT_NAMES.join(', ')})\n`);
      return 2;
    }
  }
  if (options.failureThreshold !== undefined && !THRESHOLDS.includes(options.failureThreshold)) {
    io.stderr(`dockside: --failure-threshold must be one of ${THRESHOLDS.join(', ')}\n`);
    return 2;
  }
  const usesStdin = paths.includes('-');
  if (usesStdin && paths.length > 1) {
    io.stderr('dockside: "-" (stdin) cannot be combined with other paths\n');
    return 2;
  }

  const formatsRequested = options.format.length > 0 ? options.format : ['text'];
  const shared: SharedLintOptions = {
    cwd: io.cwd,
    explicitConfigFile: typeof options.config === 'string' ? resolve(io.cwd, options.config) : null,
    noConfig: options.config === false,
    buildArgs: [...parseBuildArgs(options.buildArg, io.env)],
    context: options.context ?? null,
    precisePositions: options.precisePositions,
    failureThreshold: (options.failureThreshold as Severity | undefined) ?? null,
    stdinFilename: options.stdinFilename ?? null,
    // SARIF's GitHub line-hash fingerprints need the text; other formats do not.
    keepSource: formatsRequested.some((format) => FORMATS_USING_SOURCE.has(format)),
    fix: options.fix || options.unsafeFixes || options.fixDryRun ? (options.unsafeFixes ? 'unsafe' : 'safe') : 'off',
    fixDryRun: options.fixDryRun,
  };
  const runner = new LintJobRunner(registry, shared);
  if (shared.explicitConfigFile) {
    // An explicit --config that is broken stops the run before any file: nothing could be right.
    const config = await runner.configFor(shared.explicitConfigFile);
    if (config instanceof ConfigError) {
      io.stderr(`dockside: config error: ${config.message}\n`);
      return 2;
    }
  }

  const discovery = usesStdin ? { targets: [{ path: '-' }], problems: [] } : await discoverTargets(paths);
  let operationalError = false;
  for (const problem of discovery.problems) {
    io.stderr(`dockside: ${problem}\n`);
    operationalError = true;
  }
  const targetPaths = discovery.targets.map((target) => target.path);
  if (targetPaths.length > 0) await printShellcheckNotice(registry, runner, targetPaths[0]!, io);
  const workers = usesStdin ? 0 : workerCount(targetPaths.length, io.env);
  let outcomes: JobOutcome[];
  if (workers > 0) {
    const deaths = new Set<string>();
    outcomes = await lintInWorkers(targetPaths, shared, workers, runner, io.env, (reason) => deaths.add(reason));
    for (const reason of deaths) io.stderr(`dockside: a worker thread stopped (${reason}); its files were linted on the main thread\n`);
  }
  else {
    outcomes = [];
    for (const path of targetPaths) outcomes.push(await runner.run(path, path === '-' ? await io.readStdin() : null));
  }
  const reportedConfigErrors = new Set<string>();
  const results: FileResult[] = [];
  const thresholdOf = new Map<FileResult, Severity>();
  let fixesApplied = 0;
  // With stdin and --fix, stdout carries the fixed text; the report moves to stderr.
  const reportToStderr = usesStdin && shared.fix !== 'off' && !shared.fixDryRun;
  for (const outcome of outcomes) {
    fixesApplied += outcome.fixesApplied ?? 0;
    if (outcome.fixProblem) io.stderr(`dockside: ${outcome.fixProblem}\n`);
    if (outcome.diff) io.stdout(outcome.diff);
    if (outcome.fixedText !== undefined && !shared.fixDryRun) io.stdout(outcome.fixedText);
    if (outcome.configError && !reportedConfigErrors.has(outcome.configError)) {
      reportedConfigErrors.add(outcome.configError);
      io.stderr(`dockside: config error: ${outcome.configError}\n`);
    }
    if (outcome.operationalError) operationalError = true;
    results.push(outcome.result);
    thresholdOf.set(outcome.result, outcome.threshold);
  }
  const defaultThreshold: Severity = shared.failureThreshold ?? 'warning';

  const shown: FileResult[] = options.quiet
    ? results.map((result) => ({ ...result, findings: result.findings.filter((finding) => finding.level === 'error') }))
    : results;
  const reporterContext: ReporterContext = {
    color: options.color,
    rules: registry.rules,
    toolName: 'dockside',
    toolVersion: dependencies.toolVersion,
    informationUri: 'https://github.com/dockside/dockside',
    cwd: io.cwd,
  };
  const formats = options.format.length > 0 ? options.format : ['text'];
  for (const [index, format] of formats.entries()) {
    const streaming = STREAMING_REPORTERS[format];
    const reporter = streaming ? await streaming() : await loadReporter(format);
    if (!reporter) continue;
    const machine = format !== 'text';
    const output = reporter(shown, { ...reporterContext, color: machine ? false : reporterContext.color });
    // A streaming reporter's pieces are written as they come: a large run never holds its whole report.
    const pieces = typeof output === 'string' ? [output] : output;
    const outputFile = options.outputFile[index];
    if (outputFile && outputFile !== '-') {
      let descriptor: number | null = null;
      try {
        descriptor = openSync(resolve(io.cwd, outputFile), 'w');
        for (const piece of pieces) writeSync(descriptor, piece);
      } catch (error) {
        io.stderr(`dockside: cannot write ${outputFile}: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}\n`);
        operationalError = true;
      } finally {
        if (descriptor !== null) closeSync(descriptor);
      }
    } else {
      // Waiting for a full pipe to drain keeps a large report from piling up in memory.
      for (const piece of pieces) if (piece !== '') await (reportToStderr ? io.stderr : io.stdout)(piece);
    }
  }
  if (shared.fix !== 'off' && fixesApplied > 0 && !options.quiet) {
    io.stderr(`dockside: ${shared.fixDryRun ? 'would apply' : 'applied'} ${fixesApplied} fix${fixesApplied === 1 ? '' : 'es'}\n`);
  }
  if (operationalError) return 2;
  if (options.noFail) return 0;
  const failing = results.some((result) => {
    const threshold = thresholdOf.get(result) ?? defaultThreshold;
    return result.findings.some((finding) => SEVERITY_RANK[finding.level] <= SEVERITY_RANK[threshold]);
  });
  if (failing) return 1;
  const all = results.flatMap((result) => result.findings);
  const warnings = all.filter((finding) => finding.level === 'warning').length;
  if (options.maxWarnings >= 0 && warnings > options.maxWarnings) {
    io.stderr(`dockside: too many warnings (${warnings} found, max ${options.maxWarnings})\n`);
    return 1;
  }
  return 0;
}

/**
 * When the shellcheck rule is on but the binary is missing: one notice per run, on stderr, never
 * an error (workers look the binary up on their own but never print).
 */
async function printShellcheckNotice(registry: RuleRegistry, runner: LintJobRunner, firstPath: string, io: CliIO): Promise<void> {
  const config = await runner.configFor(firstPath === '-' ? 'Dockerfile' : firstPath);
  if (config instanceof ConfigError) return;
  const enabled = activeRules(null, { registry, config }).some((active) => active.rule.meta.family === 'shellcheck');
  if (!enabled) return;
  const { shellcheckAvailability } = await import('../shellcheck/index.js');
  const { notice } = shellcheckAvailability(io.env);
  if (notice) io.stderr(`dockside: ${notice}\n`);
}
