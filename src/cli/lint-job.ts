/**
 * Linting one file, from its path to its result: config discovery (cached per folder), reading
 * with limits, the engine. The same code runs on the main thread and in worker threads.
 */
import { dirname, resolve } from 'node:path';
import { ConfigError, EMPTY_CONFIG, discoverConfigFile, loadConfigFile, type Config } from '../engine/config.js';
import { activeRules, lintSource, type EngineOptions } from '../engine/lint.js';
import type { RuleRegistry } from '../engine/registry.js';
import { SEVERITY_RANK, type FileResult, type FixApplicability, type Severity } from '../engine/types.js';
import type { PartwiseReporter, ReporterContext, ReportTally } from '../reporters/types.js';
import { fixSource } from '../engine/fixer.js';
import { decodeDockerfile } from '../parser/parse.js';
import { shellcheckAvailability, shellcheckFilesInFlight } from '../shellcheck/runner.js';
import { MAX_FILE_BYTES, OVER_LIMIT, readDockerfileBytes, type ReadOutcome } from './read-dockerfile.js';
import { writeFileAtomically } from './write.js';

/** Options every file of a run shares; plain data so it can be sent to a worker thread. */
export interface SharedLintOptions {
  readonly cwd: string;
  /** Absolute path of `--config`, or null. */
  readonly explicitConfigFile: string | null;
  readonly noConfig: boolean;
  readonly buildArgs: readonly (readonly [string, string])[];
  /** `--target`, or null. */
  readonly target: string | null;
  readonly context: string | null;
  readonly precisePositions: boolean;
  readonly failureThreshold: Severity | null;
  readonly stdinFilename: string | null;
  /** Keep the source text in results (the fixer needs it; reporters do not). */
  readonly keepSource: boolean;
  /** `--fix` (safe), `--unsafe-fixes` (unsafe), or off. */
  readonly fix: 'off' | FixApplicability;
  /** `--fix-dry-run`/`--diff`: compute the fixes and a diff, write nothing. */
  readonly fixDryRun: boolean;
  /**
   * Render each file's part of the report here, where it is linted, and hand back the parts
   * instead of the findings (every requested format partwise, no fixing), or null.
   */
  readonly parts: PartsRequest | null;
}

/** What rendering report parts where a file is linted needs; plain data, like the rest. */
export interface PartsRequest {
  /** Partwise format names (reporters/index.ts PARTWISE_REPORTERS), in the run's output order. */
  readonly formats: readonly string[];
  /** `--color` for the human format (machine formats never colour). */
  readonly color: boolean;
  /** `--quiet`: the report shows errors only (the exit code still counts everything). */
  readonly quiet: boolean;
  readonly toolName: string;
  readonly toolVersion: string;
  readonly informationUri: string;
}

/** One file's report parts (SharedLintOptions `parts`), and what the exit code needs from it. */
export interface RenderedParts {
  /** Per format, in `PartsRequest.formats` order. */
  readonly parts: readonly string[];
  readonly tallies: readonly (ReportTally | undefined)[];
  /** A finding at or above the file's failure threshold. */
  readonly failing: boolean;
  /** Warning-level findings, for `--max-warnings`. */
  readonly warnings: number;
}

export interface JobOutcome {
  readonly result: FileResult;
  /** The failure threshold that applies to this file (its config's, or the run's). */
  readonly threshold: Severity;
  /** A config error to print once (the message is the key). */
  readonly configError: string | null;
  /** The file could not be linted: the run exits 2. */
  readonly operationalError: boolean;
  /** With fixing on: how many fixes went in, the unified diff, and the fixed text. */
  readonly fixesApplied?: number;
  readonly diff?: string;
  readonly fixedText?: string;
  /** A fix was refused (its result would not parse) or the file could not be written. */
  readonly fixProblem?: string;
  /** With `SharedLintOptions.parts`: the report parts; `result` then carries no findings. */
  readonly rendered?: RenderedParts;
}

/** What the exit code needs from one file: a finding at or above its threshold, and its warnings. */
export function exitCounts(result: FileResult, threshold: Severity): { failing: boolean; warnings: number } {
  const failingRank = SEVERITY_RANK[threshold];
  let warnings = 0;
  let failing = false;
  for (const finding of result.findings) {
    if (finding.level === 'warning') warnings++;
    if (SEVERITY_RANK[finding.level] <= failingRank) failing = true;
  }
  return { failing, warnings };
}

/** The result as the report shows it: with `--quiet`, errors only (the exit code still counts everything). */
export function shownResult(result: FileResult, quiet: boolean): FileResult {
  return quiet ? { ...result, findings: result.findings.filter((finding) => finding.level === 'error') } : result;
}

/** A config file's content, or the error that names it (never a rejection). */
async function loadOrError(file: string, registry: RuleRegistry): Promise<Config | ConfigError> {
  try {
    return await loadConfigFile(file, registry);
  } catch (error) {
    return error instanceof ConfigError ? error : new ConfigError(file, (error as Error).message);
  }
}

/**
 * Reading a run's files a group at a time, each group just before it is linted: the system calls
 * of 32 reads in a row stay in the CPU's caches, where a read between two files' parsing and rules
 * found them cold. Measured over the corpus in one thread: ~47 µs a file read between files,
 * ~25-30 µs in groups. A group stops at 4 MiB so that it never holds many large files at once.
 * Off when fixing (a file is read as the fixer finds it) and for stdin (`-`, read when its turn comes).
 */
const READ_AHEAD_FILES = 32;
const READ_AHEAD_BYTES = 4 * 1024 * 1024;

class ReadAhead {
  private group: (ReadOutcome | null)[] = [];
  private start = 0;

  constructor(
    private readonly paths: readonly string[],
    private readonly enabled: boolean,
  ) {}

  /** The content of `paths[index]`, read with its group; null where the caller reads for itself. */
  take(index: number): ReadOutcome | null {
    if (!this.enabled) return null;
    if (index < this.start || index >= this.start + this.group.length) this.readGroupFrom(index);
    const offset = index - this.start;
    const read = offset < this.group.length ? this.group[offset]! : null;
    // Handed over once: the group does not keep a file's bytes alive while it is linted.
    if (read) this.group[offset] = null;
    return read;
  }

  private readGroupFrom(index: number): void {
    this.start = index;
    this.group = [];
    let bytes = 0;
    for (let cursor = index; cursor < this.paths.length && cursor < index + READ_AHEAD_FILES && bytes < READ_AHEAD_BYTES; cursor++) {
      const path = this.paths[cursor]!;
      if (path === '-') break;
      const read = readDockerfileBytes(path);
      bytes += read.bytes?.length ?? 0;
      this.group.push(read);
    }
  }
}

/** Per-thread state: the config cache and the lazily loaded build-context module. */
export class LintJobRunner {
  private readonly configByFolder = new Map<string, Promise<Config | ConfigError>>();
  private explicitConfig: Promise<Config | ConfigError> | null = null;
  private contextLoading: Promise<typeof import('../context/index.js')> | null = null;
  private readonly buildArgs: Map<string, string>;
  /** What the build contexts of one run share: one walk per (context, ignore file), and the ignore-file lookups. */
  private contextLoadOptions: import('../context/index.js').LoadOptions = {};
  /** The partwise formats of `shared.parts`, loaded on first use. */
  private partFormats: { format: PartwiseReporter; context: ReporterContext }[] | null = null;
  private shellcheckAnswer: boolean | undefined;
  /**
   * Asked by the ShellCheck rule, answered once per thread: the environment does not change during a
   * run, and reading it (two `process.env` lookups) for every file was ~1% of a whole-corpus run.
   * Asked only when the rule runs, so a run that disables it never probes the binary.
   */
  private readonly shellcheckAvailable = (): boolean => (this.shellcheckAnswer ??= shellcheckAvailability(process.env).available);

  /**
   * How many files to lint at once: one, unless ShellCheck has been found to run. Then enough for
   * the ShellCheck processes, which take ~25 ms a file against ~1 ms for everything else: the files
   * in flight share processes, and the thread lints while they run.
   */
  private filesInFlight(): number {
    return this.shellcheckAnswer === true ? shellcheckFilesInFlight() : 1;
  }

  /**
   * Lints `paths` (`-` reads `readStdin`), at most `filesInFlight()` at once, and hands each outcome
   * to `deliver` with its index as it comes (out of order when more than one is in flight).
   * `beforeEach` is awaited before each file starts; false stops there (the files in flight finish).
   */
  async runEach(
    paths: readonly string[],
    deliver: (index: number, outcome: JobOutcome) => void,
    beforeEach: () => Promise<boolean> | boolean = () => true,
    readStdin: (() => Promise<Buffer>) | null = null,
  ): Promise<void> {
    const lintOne = async (path: string): Promise<JobOutcome> => this.run(path, path === '-' && readStdin ? await readStdin() : null);
    const inFlight = new Set<Promise<void>>();
    const readAhead = new ReadAhead(paths, this.shared.fix === 'off');
    for (const [index, path] of paths.entries()) {
      if (!(await beforeEach())) break;
      if (inFlight.size === 0 && this.filesInFlight() === 1) {
        // The common case, one file at a time: no bookkeeping.
        const read = readAhead.take(index);
        deliver(index, await (read ? this.run(path, null, read) : lintOne(path)));
        continue;
      }
      const job: Promise<void> = lintOne(path).then((outcome) => {
        inFlight.delete(job);
        deliver(index, outcome);
      });
      inFlight.add(job);
      while (inFlight.size >= this.filesInFlight()) await Promise.race(inFlight);
    }
    await Promise.all(inFlight);
  }

  constructor(
    private readonly registry: RuleRegistry,
    private readonly shared: SharedLintOptions,
  ) {
    this.buildArgs = new Map(shared.buildArgs);
  }

  /**
   * The config of one file. Cached as promises: the files a run has in flight at once (while
   * ShellCheck runs) would otherwise each load the same config file.
   */
  configFor(dockerfilePath: string): Promise<Config | ConfigError> {
    const { shared } = this;
    if (shared.explicitConfigFile) return (this.explicitConfig ??= loadOrError(shared.explicitConfigFile, this.registry));
    if (shared.noConfig) return Promise.resolve(EMPTY_CONFIG);
    const folder = resolve(shared.cwd, dirname(dockerfilePath));
    let config = this.configByFolder.get(folder);
    if (!config) {
      const file = discoverConfigFile(folder);
      config = file ? loadOrError(file, this.registry) : Promise.resolve(EMPTY_CONFIG);
      this.configByFolder.set(folder, config);
    }
    return config;
  }

  private async buildContextModule(config: Config): Promise<typeof import('../context/index.js') | null> {
    if (this.contextLoading) return this.contextLoading;
    const needsContext = activeRules(null, { registry: this.registry, config }).some((active) => active.rule.meta.requiresContext);
    if (!needsContext) return null;
    // Only runs whose rules need the build context pay for loading (and walking) it; once, even
    // for files in flight together.
    this.contextLoading = import('../context/index.js').then((module) => {
      this.contextLoadOptions = { walkCache: new module.WalkCache(), ignoreFileLookup: new module.IgnoreFileLookup() };
      return module;
    });
    return this.contextLoading;
  }

  /** Lints one path (`-` with `stdinBytes` for stdin), and renders its report parts if asked. Never throws. */
  async run(path: string, stdinBytes: Buffer | null = null, read: ReadOutcome | null = null): Promise<JobOutcome> {
    const outcome = await this.lint(path, stdinBytes, read);
    return this.shared.parts ? this.renderParts(outcome, this.shared.parts) : outcome;
  }

  private async renderParts(outcome: JobOutcome, request: PartsRequest): Promise<JobOutcome> {
    if (!this.partFormats) {
      const { PARTWISE_REPORTERS, contextForFormat } = await import('../reporters/index.js');
      const context: ReporterContext = {
        color: request.color,
        rules: this.registry.rules,
        toolName: request.toolName,
        toolVersion: request.toolVersion,
        informationUri: request.informationUri,
        cwd: this.shared.cwd,
      };
      this.partFormats = await Promise.all(
        request.formats.map(async (name) => ({ format: await PARTWISE_REPORTERS[name]!(), context: contextForFormat(name, context) })),
      );
    }
    const { result, threshold } = outcome;
    const shown = shownResult(result, request.quiet);
    const { failing, warnings } = exitCounts(result, threshold);
    // Object literals written out, not spread with keys after them: V8 copies such a spread on its
    // slow path, ~10 µs per file here (--cpu-prof of a whole-corpus run's workers).
    const rendered: RenderedParts = {
      parts: this.partFormats.map(({ format, context }) => format.part(shown, context)),
      tallies: this.partFormats.map(({ format }) => format.tally?.(shown)),
      failing,
      warnings,
    };
    const bare: FileResult = result.error === undefined ? { file: result.file, findings: [] } : { file: result.file, findings: [], error: result.error };
    // Parts are only asked for with fixing off (lint-command.ts), so the outcome has no fix fields.
    return { result: bare, threshold, configError: outcome.configError, operationalError: outcome.operationalError, rendered };
  }

  private async lint(path: string, stdinBytes: Buffer | null, alreadyRead: ReadOutcome | null): Promise<JobOutcome> {
    const { shared } = this;
    const defaultThreshold: Severity = shared.failureThreshold ?? 'warning';
    const reportedPath = path === '-' ? (shared.stdinFilename ?? '-') : path;
    const configPath = path === '-' ? (shared.stdinFilename ?? 'Dockerfile') : path;
    const config = await this.configFor(configPath);
    if (config instanceof ConfigError) {
      return {
        result: { file: reportedPath, findings: [], error: `not linted: config error in ${config.file}` },
        threshold: defaultThreshold,
        configError: config.message,
        operationalError: true,
      };
    }
    const threshold = shared.failureThreshold ?? config.failureThreshold ?? defaultThreshold;
    const failed = (error: string): JobOutcome => ({
      result: { file: reportedPath, findings: [], error },
      threshold,
      configError: null,
      operationalError: true,
    });
    let bytes: Buffer;
    if (stdinBytes) {
      // Stdin's size is known only once read (up to one byte past the limit, see main.ts).
      if (stdinBytes.length > MAX_FILE_BYTES) return failed(OVER_LIMIT);
      bytes = stdinBytes;
    } else {
      const read = alreadyRead ?? readDockerfileBytes(path);
      if (read.error !== undefined) return failed(read.error);
      bytes = read.bytes;
    }
    const contextModule = await this.buildContextModule(config);
    const absolutePath = resolve(shared.cwd, configPath);
    const contextDir = resolve(shared.cwd, shared.context ?? dirname(configPath));
    const engineOptions: EngineOptions = {
      registry: this.registry,
      config,
      buildArgs: this.buildArgs,
      target: shared.target,
      precisePositions: shared.precisePositions || config.precisePositions,
      keepFixes: shared.fix !== 'off',
      shellcheckAvailable: this.shellcheckAvailable,
      loadBuildContext: contextModule ? () => contextModule.loadBuildContext(absolutePath, contextDir, this.contextLoadOptions) : undefined,
    };
    if (shared.fix !== 'off') return this.fix(path, reportedPath, bytes, engineOptions, threshold);
    try {
      const linted = await lintSource(bytes, reportedPath, engineOptions);
      const result: FileResult = shared.keepSource
        ? { file: linted.file, findings: linted.findings, source: linted.source ?? '' }
        : { file: linted.file, findings: linted.findings };
      return { result, threshold, configError: null, operationalError: false };
    } catch (error) {
      // The parser and engine turn bad input into findings; reaching here is a dockside bug.
      return failed(`internal error while linting: ${(error as Error).message}`);
    }
  }

  /** `--fix`: fix to a fixed point, then write atomically (or diff, or hand stdin's text back). */
  private async fix(
    path: string,
    reportedPath: string,
    bytes: Buffer,
    engineOptions: EngineOptions,
    threshold: Severity,
  ): Promise<JobOutcome> {
    const { shared } = this;
    const decoded = decodeDockerfile(bytes);
    const bom = bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf;
    // Only UTF-8 text is rewritten: a UTF-16 or undecodable file would not round-trip.
    const rewritable = decoded.errors.length === 0 && (!decoded.hasBom || bom);
    if (!rewritable) {
      const linted = await lintSource(bytes, reportedPath, engineOptions);
      return {
        result: { file: linted.file, findings: linted.findings },
        threshold,
        configError: null,
        operationalError: false,
        fixesApplied: 0,
        fixProblem: `${reportedPath}: not fixed: only UTF-8 files are rewritten`,
      };
    }
    const original = (bom ? '\uFEFF' : '') + decoded.text;
    const outcome = await fixSource(original, reportedPath, engineOptions, { applicability: shared.fix as FixApplicability });
    let fixProblem = outcome.refused ? `${reportedPath}: ${outcome.refused}` : undefined;
    let diff: string | undefined;
    if (outcome.changed && shared.fixDryRun) {
      const { unifiedDiff } = await import('./unified-diff.js');
      diff = unifiedDiff(`a/${reportedPath}`, `b/${reportedPath}`, original, outcome.output);
    } else if (outcome.changed && path !== '-') {
      try {
        writeFileAtomically(path, outcome.output);
      } catch (error) {
        fixProblem = `${reportedPath}: cannot write the fixed file: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}`;
      }
    }
    return {
      result: { file: reportedPath, findings: outcome.remaining },
      threshold,
      configError: null,
      operationalError: fixProblem !== undefined && fixProblem.includes('cannot write'),
      fixesApplied: outcome.fixesApplied,
      ...(diff !== undefined ? { diff } : {}),
      ...(path === '-' ? { fixedText: outcome.output } : {}),
      ...(fixProblem !== undefined ? { fixProblem } : {}),
    };
  }
}
