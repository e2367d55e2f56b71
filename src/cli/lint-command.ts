/**
 * `dockside lint`: paths → config → engine → reporters → exit code. Thin on purpose: every
 * decision about Dockerfiles lives in the parser, the engine and the rules.
 */
import { closeSync, openSync, writeSync } from 'node:fs';
import { resolve } from 'node:path';
import { ConfigError } from '../engine/config.js';
import { activeRules } from '../engine/lint.js';
import type { RuleRegistry } from '../engine/registry.js';
import type { FileResult, Severity } from '../engine/types.js';
import { FORMAT_NAMES, FORMATS_USING_SOURCE, PARTWISE_REPORTERS, contextForFormat, loadReporter } from '../reporters/index.js';
import { ReportAssembler, reportPieces } from '../reporters/partwise.js';
import type { ReporterContext } from '../reporters/types.js';
import { contextFolderProblem, discoverTargets, type DiscoveryResult } from './files.js';
import { LintJobRunner, exitCounts, shownResult, type JobOutcome, type SharedLintOptions } from './lint-job.js';
import { WorkerPool, earlyWorkerCount, workerCount } from './pool.js';

export interface CliIO {
  /** May return a promise when the text is queued, not written (a full pipe): await it to not pile up. */
  readonly stdout: (text: string) => void | Promise<void>;
  readonly stderr: (text: string) => void;
  readonly readStdin: () => Promise<Buffer>;
  readonly cwd: string;
  readonly env: NodeJS.ProcessEnv;
  readonly stdoutIsTTY: boolean;
  /** Whether stdout can no longer be written (its reader went away, or a write failed); left out where it always can. */
  readonly stdoutClosed?: () => boolean;
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
  /** `--target <stage>`. */
  readonly target?: string;
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
  if (options.context !== undefined) {
    const problem = contextFolderProblem(resolve(io.cwd, options.context));
    if (problem !== null) {
      io.stderr(`dockside: --context ${options.context}: ${problem}\n`);
      return 2;
    }
  }
  const usesStdin = paths.includes('-');
  if (usesStdin && paths.length > 1) {
    io.stderr('dockside: "-" (stdin) cannot be combined with other paths\n');
    return 2;
  }

  const formatsRequested = options.format.length > 0 ? options.format : ['text'];
  const fix: SharedLintOptions['fix'] = options.fix || options.unsafeFixes || options.fixDryRun ? (options.unsafeFixes ? 'unsafe' : 'safe') : 'off';
  const reporterContext: ReporterContext = {
    color: options.color,
    rules: registry.rules,
    toolName: 'dockside',
    toolVersion: dependencies.toolVersion,
    informationUri: 'https://github.com/dockside/dockside',
    cwd: io.cwd,
  };
  // With stdin and --fix, stdout carries the fixed text; the report moves to stderr.
  const reportToStderr = usesStdin && fix !== 'off' && !options.fixDryRun;
  const destinations = formatsRequested.map((_, index) => new ReportDestination(options.outputFile[index], io, reportToStderr));
  // Reports written while the files are linted: each file's part is rendered where it is linted
  // and written once the files before it are, so the run never gathers all its findings (a
  // whole-corpus run held ~50 MB of them) and no report is left to render after the last file.
  // Only when every format is partwise, fixing is off (its diffs share stdout) and no two reports
  // share a destination (they would interleave; gathered, the later one replaces a file's).
  const destinationKeys = destinations.map((destination) => destination.key);
  const streamed =
    fix === 'off' &&
    formatsRequested.every((format) => PARTWISE_REPORTERS[format] !== undefined) &&
    new Set(destinationKeys).size === destinationKeys.length;
  const shared: SharedLintOptions = {
    cwd: io.cwd,
    explicitConfigFile: typeof options.config === 'string' ? resolve(io.cwd, options.config) : null,
    noConfig: options.config === false,
    buildArgs: [...parseBuildArgs(options.buildArg, io.env)],
    target: options.target ?? null,
    context: options.context ?? null,
    precisePositions: options.precisePositions,
    failureThreshold: (options.failureThreshold as Severity | undefined) ?? null,
    stdinFilename: options.stdinFilename ?? null,
    // SARIF's GitHub line-hash fingerprints need the text; other formats do not.
    keepSource: formatsRequested.some((format) => FORMATS_USING_SOURCE.has(format)),
    fix,
    fixDryRun: options.fixDryRun,
    parts: streamed
      ? {
          formats: formatsRequested,
          color: options.color,
          quiet: options.quiet,
          toolName: reporterContext.toolName,
          toolVersion: reporterContext.toolVersion,
          informationUri: reporterContext.informationUri,
        }
      : null,
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

  // A run that will use worker threads whatever else it finds starts them as soon as it knows:
  // they load on their own threads while this one walks the rest of the folders.
  const started: { pool: WorkerPool | null; found: number } = { pool: null, found: 0 };
  const onFound = (): void => {
    started.found++;
    if (started.pool === null) {
      const early = earlyWorkerCount(started.found, io.env);
      if (early > 0) started.pool = WorkerPool.start(shared, early, io.env);
    }
  };
  // Workers still running after an error would keep the process alive: they are stopped first.
  const stoppingWorkersOnError = async <T>(work: () => Promise<T>): Promise<T> => {
    try {
      return await work();
    } catch (error) {
      await started.pool?.close();
      throw error;
    }
  };
  const discovery: DiscoveryResult = await stoppingWorkersOnError(async () =>
    usesStdin ? { targets: [{ path: '-' }], problems: [] } : discoverTargets(paths, onFound),
  );
  let operationalError = false;
  for (const problem of discovery.problems) {
    io.stderr(`dockside: ${problem}\n`);
    operationalError = true;
  }
  const targetPaths = discovery.targets.map((target) => target.path);
  const workers = usesStdin ? 0 : workerCount(targetPaths.length, io.env);
  // The early pool has the final count (earlyWorkerCount), unless the files found were fewer
  // after all (repeated paths): then it is not used.
  if (started.pool !== null && workers === 0) {
    await started.pool.close();
    started.pool = null;
  }
  const assemblers = await stoppingWorkersOnError(async () => {
    if (targetPaths.length > 0) await printShellcheckNotice(registry, runner, targetPaths[0]!, io);
    return streamed
      ? Promise.all(
          formatsRequested.map(async (format) => new ReportAssembler(await PARTWISE_REPORTERS[format]!(), contextForFormat(format, reporterContext))),
        )
      : [];
  });
  if (streamed) for (const destination of destinations) destination.open();
  // `dockside lint … | head`: once the reader of a report written to stdout alone has gone (or a
  // write to stdout failed), nothing the run still does can be seen, so no more files are linted.
  // It exits 2: the report is cut short, as when a report file cannot be written. Not when a report
  // also goes to a file (it is finished), nor with --fix (streamed excludes it, and with it the
  // report that --fix on stdin moves to stderr).
  const onlyToStdout = streamed && destinations.every((destination) => destination.isStandardStream);
  const readerLeft = (): boolean => onlyToStdout && io.stdoutClosed?.() === true;

  const reportedConfigErrors = new Set<string>();
  const results: FileResult[] = [];
  let fixesApplied = 0;
  let failing = false;
  let warnings = 0;
  const consume = (outcome: JobOutcome): void => {
    fixesApplied += outcome.fixesApplied ?? 0;
    if (outcome.fixProblem) io.stderr(`dockside: ${outcome.fixProblem}\n`);
    if (outcome.diff) io.stdout(outcome.diff);
    if (outcome.fixedText !== undefined && !shared.fixDryRun) io.stdout(outcome.fixedText);
    if (outcome.configError && !reportedConfigErrors.has(outcome.configError)) {
      reportedConfigErrors.add(outcome.configError);
      io.stderr(`dockside: config error: ${outcome.configError}\n`);
    }
    if (outcome.operationalError) operationalError = true;
    const { rendered } = outcome;
    if (rendered) {
      if (rendered.failing) failing = true;
      warnings += rendered.warnings;
      assemblers.forEach((assembler, index) => destinations[index]!.write(assembler.add(rendered.parts[index]!, rendered.tallies[index])));
      return;
    }
    results.push(outcome.result);
    const counts = exitCounts(outcome.result, outcome.threshold);
    if (counts.failing) failing = true;
    warnings += counts.warnings;
  };
  // Outcomes arrive from the workers out of order; they are consumed in the order of the files.
  const waiting = new Map<number, JobOutcome>();
  let nextIndex = 0;
  const deliver = (index: number, outcome: JobOutcome): void => {
    waiting.set(index, outcome);
    for (let next = waiting.get(nextIndex); next !== undefined; next = waiting.get(nextIndex)) {
      waiting.delete(nextIndex);
      nextIndex++;
      consume(next);
    }
  };
  if (workers > 0) {
    const deaths = new Set<string>();
    const pool = (started.pool ??= WorkerPool.start(shared, workers, io.env));
    // A full stdout pipe holds back the batches not yet handed out (see the one-thread loop below).
    const room = (): Promise<void> | undefined => {
      const full = streamed ? destinations.filter((destination) => destination.waitingForDrain) : [];
      return full.length > 0 ? Promise.all(full.map((destination) => destination.settled())).then(() => {}) : undefined;
    };
    await stoppingWorkersOnError(() => pool.lint(targetPaths, runner, deliver, (reason) => deaths.add(reason), room, readerLeft));
    for (const reason of deaths) io.stderr(`dockside: a worker thread stopped (${reason}); its files were linted on the main thread\n`);
  } else {
    // A full stdout pipe (`dockside lint … | jq`, a slow reader) holds the run up before each file.
    // The loop otherwise only awaits promises that are already settled, never giving the event loop
    // the turn that brings the pipe's 'drain': the whole report queued in memory until the last
    // file (the corpus with one thread, its reader starting after 16 s: a 295 MB peak, now 162 MB).
    const drained = async (): Promise<void> => {
      if (streamed) for (const destination of destinations) await destination.settled();
    };
    await runner.runEach(
      targetPaths,
      deliver,
      async () => {
        await drained();
        return !readerLeft();
      },
      () => io.readStdin(),
    );
    await drained();
  }

  if (readerLeft()) return 2;
  if (streamed) {
    assemblers.forEach((assembler, index) => destinations[index]!.write(assembler.finish()));
  } else {
    const shown = results.map((result) => shownResult(result, options.quiet));
    for (const [index, format] of formatsRequested.entries()) {
      const destination = destinations[index]!;
      destination.open();
      const partwise = PARTWISE_REPORTERS[format];
      if (partwise) {
        // Written in pieces: a large run never holds its whole report as one string.
        for (const piece of reportPieces(await partwise(), shown, contextForFormat(format, reporterContext))) destination.write(piece);
      } else {
        const reporter = await loadReporter(format);
        if (reporter) destination.write(reporter(shown, contextForFormat(format, reporterContext)));
      }
      await destination.close();
    }
  }
  for (const destination of destinations) {
    await destination.close();
    if (destination.failed) operationalError = true;
  }
  if (shared.fix !== 'off' && fixesApplied > 0 && !options.quiet) {
    io.stderr(`dockside: ${shared.fixDryRun ? 'would apply' : 'applied'} ${fixesApplied} fix${fixesApplied === 1 ? '' : 'es'}\n`);
  }
  if (operationalError) return 2;
  if (options.noFail) return 0;
  if (failing) return 1;
  if (options.maxWarnings >= 0 && warnings > options.maxWarnings) {
    io.stderr(`dockside: too many warnings (${warnings} found, max ${options.maxWarnings})\n`);
    return 1;
  }
  return 0;
}

/** Pieces of at least this many characters are written at once. */
const WRITE_CHARS = 64 * 1024;

/**
 * Where one format's report goes: `-o` file (written synchronously as it comes) or stdout (stderr
 * with stdin and --fix), whose writes are awaited in order so a full pipe never piles text up.
 */
class ReportDestination {
  private descriptor: number | null = null;
  private opened = false;
  private pending = '';
  private writing: Promise<void> = Promise.resolve();
  /** A write to a standard stream is queued until its pipe drains. */
  waitingForDrain = false;
  /** Opening or writing the file failed (said once on stderr). */
  failed = false;

  constructor(
    private readonly outputFile: string | undefined,
    private readonly io: CliIO,
    private readonly toStderr: boolean,
  ) {}

  get isStandardStream(): boolean {
    return !this.outputFile || this.outputFile === '-';
  }

  /** Equal for two destinations that write to the same place. */
  get key(): string {
    return this.isStandardStream ? '-' : resolve(this.io.cwd, this.outputFile!);
  }

  open(): void {
    if (this.opened) return;
    this.opened = true;
    if (this.isStandardStream) return;
    try {
      this.descriptor = openSync(resolve(this.io.cwd, this.outputFile!), 'w');
    } catch (error) {
      this.fail(error);
    }
  }

  write(text: string): void {
    this.pending += text;
    if (this.pending.length >= WRITE_CHARS) this.flush();
  }

  /** Settles once what was handed to a standard stream is written (at once, unless a pipe is full). */
  settled(): Promise<void> {
    return this.writing;
  }

  async close(): Promise<void> {
    this.flush();
    await this.writing;
    if (this.descriptor !== null) {
      closeSync(this.descriptor);
      this.descriptor = null;
    }
  }

  private flush(): void {
    const piece = this.pending;
    this.pending = '';
    if (piece === '' || this.failed) return;
    if (this.isStandardStream) {
      const { io, toStderr } = this;
      this.writing = this.writing.then(() => {
        // Only stdout's writes are waited for (stderr is a report's place with stdin and --fix).
        if (toStderr) {
          io.stderr(piece);
          return undefined;
        }
        const queued = io.stdout(piece);
        if (!queued) return undefined;
        this.waitingForDrain = true;
        return queued.then(() => {
          this.waitingForDrain = false;
        });
      });
      return;
    }
    if (this.descriptor === null) return;
    try {
      writeSync(this.descriptor, piece);
    } catch (error) {
      this.fail(error);
    }
  }

  private fail(error: unknown): void {
    this.failed = true;
    this.io.stderr(`dockside: cannot write ${this.outputFile}: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}\n`);
  }
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
