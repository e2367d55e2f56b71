/**
 * `dockside analyze [paths...]`: a build report per Dockerfile (stage graph, layers, cache-break
 * points, build context, findings). Thin: reads files, loads the context, runs the engine, renders.
 */
import { execFileSync } from 'node:child_process';
import { statSync } from 'node:fs';
import { dirname, isAbsolute, join, relative, resolve, sep } from 'node:path';
import { buildAnalyzeReport, type AnalyzeReport } from '../analyze/model.js';
import { ANALYZE_FORMATS, renderJson, renderMarkdown, renderText, type AnalyzeFormat } from '../analyze/render.js';
import { IgnoreFileLookup, loadBuildContext, WalkCache } from '../context/index.js';
import type { BuildContext } from '../context/types.js';
import type { Config } from '../engine/config.js';
import { lintSource } from '../engine/lint.js';
import { defaultRegistry } from '../rules/index.js';
import { contextFolderProblem } from './files.js';
import { readDockerfileBytes } from './read-dockerfile.js';

export interface AnalyzeCommandOptions {
  /** `text` (default), `json` or `markdown`. */
  readonly format?: string;
  /** `--context DIR`; defaults to each Dockerfile's folder. */
  readonly context?: string;
  /** `--changed FILE...`: paths relative to the current directory. */
  readonly changed?: readonly string[];
  /** `--since GIT_REF`: the changes are `git diff --name-only GIT_REF` in the context folder. */
  readonly since?: string;
  /** `--build-arg NAME=VALUE` already parsed. */
  readonly buildArgs?: ReadonlyMap<string, string>;
  /** `--target STAGE`: the stage the build ends with (default: the last). */
  readonly target?: string;
  /** Colour for `text`; the caller decides (TTY, NO_COLOR, --no-color). */
  readonly color?: boolean;
  /** The loaded dockside config (rules, severities, options); defaults to none. */
  readonly config?: Config;
}

export interface AnalyzeIO {
  readonly stdout: (text: string) => void;
  readonly stderr: (text: string) => void;
  readonly cwd: string;
}

const DEFAULT_IO: AnalyzeIO = {
  stdout: (text) => process.stdout.write(text),
  stderr: (text) => process.stderr.write(text),
  cwd: process.cwd(),
};

/**
 * git's one line on why it failed: its `fatal:`/`error:` line. Outside a repository `git diff`
 * prints a warning and then its whole usage, sixty lines nobody asked for.
 */
function gitFailure(error: unknown): string {
  const lines = String((error as { stderr?: unknown }).stderr ?? (error as Error).message)
    .split('\n')
    .map((line) => line.trim())
    .filter((line) => line !== '');
  return lines.find((line) => /^(fatal|error):/.test(line)) ?? lines[0] ?? 'failed';
}

/** Context-relative paths of what changed, or null when neither option was given. */
function changedPaths(options: AnalyzeCommandOptions, contextDir: string, cwd: string): string[] | null {
  if (options.changed === undefined && options.since === undefined) return null;
  const paths: string[] = [];
  for (const path of options.changed ?? []) paths.push(relative(contextDir, resolve(cwd, path)));
  if (options.since !== undefined) {
    // `--relative` makes git print paths relative to the folder given with -C (the context root).
    const output = execFileSync('git', ['-C', contextDir, 'diff', '--name-only', '--relative', options.since, '--'], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
    paths.push(...output.split('\n').filter((line) => line !== ''));
  }
  return paths.filter((path) => path !== '' && !path.startsWith('..') && !isAbsolute(path)).map((path) => path.split(sep).join('/'));
}

/**
 * Runs the analyze command. Returns the exit code: 0, 1 when a finding is an error, 2 when a
 * Dockerfile cannot be read, an option is invalid, or git fails for `--since`.
 */
export async function runAnalyze(paths: readonly string[], options: AnalyzeCommandOptions, io: AnalyzeIO = DEFAULT_IO): Promise<number> {
  const format = (options.format ?? 'text') as AnalyzeFormat;
  if (!ANALYZE_FORMATS.includes(format)) {
    io.stderr(`dockside analyze: unknown format "${options.format}" (expected ${ANALYZE_FORMATS.join(', ')})\n`);
    return 2;
  }
  if (options.context !== undefined) {
    const problem = contextFolderProblem(resolve(io.cwd, options.context));
    if (problem !== null) {
      io.stderr(`dockside analyze: --context ${options.context}: ${problem}\n`);
      return 2;
    }
  }
  const registry = defaultRegistry();
  // Shared by every Dockerfile of the run, as lint shares them: Dockerfiles of one context (a
  // monorepo's services) reuse its walk and its ignore file. Each loaded its own: 2,000 corpus
  // files in one folder of 5,000 took 92 s, 46 ms each, walking that folder again every time.
  const contextLoadOptions = { walkCache: new WalkCache(), ignoreFileLookup: new IgnoreFileLookup() };
  const reports: AnalyzeReport[] = [];
  let exitCode = 0;
  for (const given of paths.length > 0 ? paths : ['Dockerfile']) {
    let dockerfilePath = resolve(io.cwd, given);
    // The path as given, for messages: a folder given stands for its Dockerfile.
    let shownPath = given;
    try {
      if (statSync(dockerfilePath).isDirectory()) {
        dockerfilePath = join(dockerfilePath, 'Dockerfile');
        shownPath = join(given, 'Dockerfile');
      }
    } catch {
      // Reported below when reading.
    }
    // The limits lint reads with: a device without end (`/dev/zero`) or a 1 GB file is refused.
    const read = readDockerfileBytes(dockerfilePath);
    if (read.error !== undefined) {
      io.stderr(`dockside analyze: ${shownPath}: ${read.error}\n`);
      exitCode = 2;
      continue;
    }
    const source = read.bytes;
    const contextDir = resolve(io.cwd, options.context ?? dirname(dockerfilePath));
    let changed: string[] | null;
    try {
      changed = changedPaths(options, contextDir, io.cwd);
    } catch (error) {
      io.stderr(`dockside analyze: git diff failed for --since ${options.since}: ${gitFailure(error)}\n`);
      return 2;
    }
    const context: BuildContext = loadBuildContext(dockerfilePath, contextDir, contextLoadOptions);
    const displayPath = relative(io.cwd, dockerfilePath) || dockerfilePath;
    const result = await lintSource(source, displayPath, {
      registry,
      ...(options.config ? { config: options.config } : {}),
      buildArgs: options.buildArgs ?? new Map(),
      target: options.target ?? null,
      loadBuildContext: () => context,
    });
    if (result.findings.some((finding) => finding.level === 'error')) exitCode = Math.max(exitCode, 1);
    reports.push(buildAnalyzeReport(result.dockerfile, context, result.findings, { changed }));
  }
  if (reports.length > 0) {
    io.stdout(format === 'json' ? renderJson(reports) : format === 'markdown' ? renderMarkdown(reports) : renderText(reports, { color: options.color ?? false }));
  }
  return exitCode;
}
