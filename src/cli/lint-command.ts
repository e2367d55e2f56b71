/**
 * `dockside lint`: paths → config → engine → reporters → exit code. Thin on purpose: every
 * decision about Dockerfiles lives in the parser, the engine and the rules.
 */
import { readFileSync, statSync, writeFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { ConfigError, EMPTY_CONFIG, discoverConfigFile, loadConfigFile, type Config } from '../engine/config.js';
import { activeRules, lintSource, type EngineOptions } from '../engine/lint.js';
import type { RuleRegistry } from '../engine/registry.js';
import { SEVERITY_RANK, type FileResult, type Severity } from '../engine/types.js';
import type { Dockerfile } from '../parser/types.js';
import { FORMAT_NAMES, loadReporter } from '../reporters/index.js';
import type { ReporterContext } from '../reporters/types.js';
import { discoverTargets } from './files.js';

/** Files larger than this are refused before reading: no Dockerfile is 20 MiB. */
export const MAX_FILE_BYTES = 20 * 1024 * 1024;

export interface CliIO {
  readonly stdout: (text: string) => void;
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

  let explicitConfig: Config | null = null;
  if (typeof options.config === 'string') {
    try {
      explicitConfig = await loadConfigFile(resolve(io.cwd, options.config), registry);
    } catch (error) {
      io.stderr(`dockside: config error: ${(error as Error).message}\n`);
      return 2;
    }
  }
  const configByFolder = new Map<string, Config | ConfigError>();
  const configFor = async (dockerfilePath: string): Promise<Config | ConfigError> => {
    if (explicitConfig) return explicitConfig;
    if (options.config === false) return EMPTY_CONFIG;
    const folder = resolve(io.cwd, dirname(dockerfilePath));
    const cached = configByFolder.get(folder);
    if (cached) return cached;
    const file = discoverConfigFile(folder);
    let config: Config | ConfigError = EMPTY_CONFIG;
    if (file) {
      try {
        config = await loadConfigFile(file, registry);
      } catch (error) {
        config = error instanceof ConfigError ? error : new ConfigError(file, (error as Error).message);
      }
    }
    configByFolder.set(folder, config);
    return config;
  };

  const discovery = usesStdin ? { targets: [{ path: '-' }], problems: [] } : await discoverTargets(paths);
  let operationalError = false;
  for (const problem of discovery.problems) {
    io.stderr(`dockside: ${problem}\n`);
    operationalError = true;
  }
  const buildArgs = parseBuildArgs(options.buildArg, io.env);
  const needsContext = activeRules(null, { registry, config: explicitConfig ?? EMPTY_CONFIG }).some(
    (active) => active.rule.meta.requiresContext,
  );
  const contextModule = needsContext ? await import('../context/index.js') : null;
  const reportedConfigErrors = new Set<string>();
  const results: FileResult[] = [];
  const defaultThreshold: Severity = (options.failureThreshold as Severity | undefined) ?? 'warning';
  /** The failure threshold of each file's config (a `.hadolint.yaml` one is honoured). */
  const thresholdOf = new Map<FileResult, Severity>();

  for (const target of discovery.targets) {
    const reportedPath = target.path === '-' ? (options.stdinFilename ?? '-') : target.path;
    const configPath = target.path === '-' ? (options.stdinFilename ?? 'Dockerfile') : target.path;
    const config = await configFor(configPath);
    if (config instanceof ConfigError) {
      if (!reportedConfigErrors.has(config.message)) io.stderr(`dockside: config error: ${config.message}\n`);
      reportedConfigErrors.add(config.message);
      results.push({ file: reportedPath, findings: [], error: `not linted: config error in ${config.file}` });
      operationalError = true;
      continue;
    }
    const threshold = options.failureThreshold === undefined ? (config.failureThreshold ?? defaultThreshold) : defaultThreshold;
    let bytes: Buffer;
    try {
      if (target.path === '-') bytes = await io.readStdin();
      else {
        const stats = statSync(target.path);
        if (stats.isDirectory()) throw Object.assign(new Error('is a folder'), { code: 'EISDIR' });
        if (stats.size > MAX_FILE_BYTES) {
          results.push({
            file: reportedPath,
            findings: [],
            error: `file too large to be a Dockerfile (${stats.size} bytes, limit ${MAX_FILE_BYTES})`,
          });
          operationalError = true;
          continue;
        }
        bytes = readFileSync(target.path);
      }
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code ?? 'error';
      const reason = code === 'EACCES' ? 'permission denied' : code === 'ENOENT' ? 'no such file' : code === 'EISDIR' ? 'is a folder' : code;
      results.push({ file: reportedPath, findings: [], error: `cannot read file: ${reason}` });
      operationalError = true;
      continue;
    }
    const absolutePath = resolve(io.cwd, configPath);
    const contextDir = resolve(io.cwd, options.context ?? dirname(configPath));
    const engineOptions: EngineOptions = {
      registry,
      config,
      buildArgs,
      precisePositions: options.precisePositions || config.precisePositions,
      ...(contextModule
        ? { loadBuildContext: (_dockerfile: Dockerfile) => contextModule.loadBuildContext(absolutePath, contextDir) }
        : {}),
    };
    try {
      const result = await lintSource(bytes, reportedPath, engineOptions);
      const fileResult: FileResult = { file: result.file, findings: result.findings, source: result.source ?? '' };
      results.push(fileResult);
      thresholdOf.set(fileResult, threshold);
    } catch (error) {
      // The parser and engine turn bad input into findings; reaching here is a dockside bug.
      results.push({ file: reportedPath, findings: [], error: `internal error while linting: ${(error as Error).message}` });
      operationalError = true;
    }
  }

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
    const reporter = await loadReporter(format);
    if (!reporter) continue;
    const machine = format !== 'text';
    const output = reporter(shown, { ...reporterContext, color: machine ? false : reporterContext.color });
    const outputFile = options.outputFile[index];
    if (outputFile && outputFile !== '-') {
      try {
        writeFileSync(resolve(io.cwd, outputFile), output);
      } catch (error) {
        io.stderr(`dockside: cannot write ${outputFile}: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}\n`);
        operationalError = true;
      }
    } else if (output !== '') io.stdout(output);
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
