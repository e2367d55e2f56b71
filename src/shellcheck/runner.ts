/**
 * Runs the `shellcheck` binary (linter-anchors.md §6.10): optional, found on PATH (or named by
 * `DOCKSIDE_SHELLCHECK=/path`, disabled by `DOCKSIDE_SHELLCHECK=off`), one process per Dockerfile
 * for all of its scripts.
 *
 * Why one process with one temp file per script: a ShellCheck start costs ~13 ms while checking a
 * script costs well under 1 ms, so 30 scripts take 64 ms in one call against ~260 ms in 30 calls;
 * stdin carries only one script. Results are cached per script text (shell, exported names and
 * RUN text are all in it), which pays off on files that repeat the same RUN lines.
 */
import { accessSync, constants, mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { delimiter, join } from 'node:path';
import { createRequire } from 'node:module';
import type { Severity } from '../engine/types.js';

/**
 * node:child_process is loaded on the first ShellCheck call, not at import: loading it costs ~6 ms
 * of every cold start, and runs with ShellCheck off or absent never need it.
 */
let childProcessModule: typeof import('node:child_process') | null = null;
function childProcess(): typeof import('node:child_process') {
  childProcessModule ??= createRequire(import.meta.url)('node:child_process') as typeof import('node:child_process');
  return childProcessModule;
}

export const SHELLCHECK_MISSING_NOTICE =
  'shellcheck not found on PATH: ShellCheck checks of RUN scripts are skipped (install shellcheck to enable them)';

/** ShellCheck checks hadolint always excludes (§2 "SC rules"): ash support, unresolvable `source`. */
export const EXCLUDED_CHECKS = ['SC2187', 'SC1090', 'SC1091'] as const;

/** The env var that names the binary, or turns the integration off (`off`, `false`, `0`). */
export const SHELLCHECK_ENV_VAR = 'DOCKSIDE_SHELLCHECK';

export interface ShellcheckAvailability {
  readonly available: boolean;
  /** The binary that will run, or null. */
  readonly binary: string | null;
  /** `0.9.0`, or null when unavailable. */
  readonly version: string | null;
  /** One line for stderr when ShellCheck checks are skipped for a reason the user did not choose. */
  readonly notice: string | null;
}

/** One ShellCheck finding in a generated script (json1: 1-based, code point columns, end exclusive). */
export interface ShellcheckComment {
  readonly line: number;
  readonly endLine: number;
  readonly column: number;
  readonly endColumn: number;
  readonly level: Severity;
  /** ShellCheck's number (`2086`). */
  readonly code: number;
  readonly message: string;
}

interface Resolved extends ShellcheckAvailability {
  /** `--norc` (ignore `.shellcheckrc` files) exists since ShellCheck 0.7.x; older ones lack it. */
  readonly supportsNorc: boolean;
  /** The child's environment, without SHELLCHECK_OPTS so the user's defaults cannot change results. */
  readonly childEnv: NodeJS.ProcessEnv;
}

const DISABLED_VALUES = new Set(['off', 'false', '0', 'no']);
/**
 * ShellCheck's analysis grows faster than linearly on very long scripts (a 5,000-command `&&`
 * chain takes it about a minute); past this it is stopped and the file gets one notice instead.
 */
const SPAWN_TIMEOUT_MS = 15_000;

/** Thrown when ShellCheck ran past its time limit; the rule turns it into a notice. */
export class ShellcheckTimeout extends Error {
  constructor() {
    super(`ShellCheck ran longer than ${SPAWN_TIMEOUT_MS / 1000} s on this file and was stopped: its checks of these RUN scripts are missing`);
    this.name = 'ShellcheckTimeout';
  }
}
const CACHE_LIMIT = 20_000;

const resolvedByEnvironment = new Map<string, Resolved>();
const resultCache = new Map<string, readonly ShellcheckComment[]>();

function isExecutableFile(path: string): boolean {
  try {
    accessSync(path, constants.X_OK);
    return statSync(path).isFile();
  } catch {
    return false;
  }
}

function findOnPath(name: string, pathVariable: string): string | null {
  const extensions =
    process.platform === 'win32' ? ['', ...(process.env['PATHEXT'] ?? '.EXE;.CMD;.BAT').split(';')] : [''];
  for (const directory of pathVariable.split(delimiter)) {
    if (directory === '') continue;
    for (const extension of extensions) {
      const candidate = join(directory, name + extension);
      if (isExecutableFile(candidate)) return candidate;
    }
  }
  return null;
}

function unavailable(notice: string | null, childEnv: NodeJS.ProcessEnv): Resolved {
  return { available: false, binary: null, version: null, notice, supportsNorc: false, childEnv };
}

function resolve(env: NodeJS.ProcessEnv): Resolved {
  const childEnv: NodeJS.ProcessEnv = { ...env };
  delete childEnv['SHELLCHECK_OPTS'];
  const override = env[SHELLCHECK_ENV_VAR]?.trim() ?? '';
  if (DISABLED_VALUES.has(override.toLowerCase())) return unavailable(null, childEnv);
  let binary: string | null;
  if (override !== '') {
    binary = override.includes('/') || override.includes('\\') ? override : findOnPath(override, env['PATH'] ?? '');
    if (binary === null || !isExecutableFile(binary)) {
      return unavailable(
        `shellcheck not found at ${override} (${SHELLCHECK_ENV_VAR}): ShellCheck checks of RUN scripts are skipped`,
        childEnv,
      );
    }
  } else {
    binary = findOnPath('shellcheck', env['PATH'] ?? '');
    if (binary === null) return unavailable(SHELLCHECK_MISSING_NOTICE, childEnv);
  }
  // One probe: a ShellCheck without `--norc` rejects the option, and is asked again without it.
  let supportsNorc = true;
  let probe = childProcess().spawnSync(binary, ['--norc', '--version'], { encoding: 'utf8', env: childEnv, timeout: SPAWN_TIMEOUT_MS });
  if (probe.status !== 0 && !probe.error) {
    supportsNorc = false;
    probe = childProcess().spawnSync(binary, ['--version'], { encoding: 'utf8', env: childEnv, timeout: SPAWN_TIMEOUT_MS });
  }
  const version = /version:\s*(\S+)/.exec(probe.stdout ?? '')?.[1] ?? null;
  if (probe.error || probe.status !== 0 || version === null) {
    const reason = probe.error?.message ?? `exit status ${String(probe.status)}`;
    return unavailable(`shellcheck at ${binary} could not be run (${reason}): ShellCheck checks of RUN scripts are skipped`, childEnv);
  }
  const [major = 0, minor = 0] = version.split('.').map((part) => Number.parseInt(part, 10));
  // `--format=json1` appeared in ShellCheck 0.7.0.
  if (major === 0 && minor < 7) {
    return unavailable(
      `shellcheck ${version} at ${binary} is too old (0.7.0 or later is needed): ShellCheck checks of RUN scripts are skipped`,
      childEnv,
    );
  }
  return { available: true, binary, version, notice: null, supportsNorc, childEnv };
}

/** The last answer and what it was for: the rule asks once per file, nearly always the same question. */
let lastAsked: { override: string | undefined; path: string | undefined; resolved: Resolved; availability: ShellcheckAvailability } | null = null;

function resolved(env: NodeJS.ProcessEnv): Resolved {
  return lookUp(env).resolved;
}

function lookUp(env: NodeJS.ProcessEnv): NonNullable<typeof lastAsked> {
  const override = env[SHELLCHECK_ENV_VAR];
  const path = env['PATH'];
  if (lastAsked && lastAsked.override === override && lastAsked.path === path) return lastAsked;
  // Keyed by what decides the answer, so a test (or an embedding program) may change them.
  const key = `${override ?? ''}\0${path ?? ''}`;
  let entry = resolvedByEnvironment.get(key);
  if (!entry) {
    entry = resolve(env);
    resolvedByEnvironment.set(key, entry);
  }
  const { available, binary, version, notice } = entry;
  lastAsked = { override, path, resolved: entry, availability: { available, binary, version, notice } };
  return lastAsked;
}

export function shellcheckAvailability(env: NodeJS.ProcessEnv = process.env): ShellcheckAvailability {
  return lookUp(env).availability;
}

const LEVELS: ReadonlySet<string> = new Set<Severity>(['error', 'warning', 'info', 'style']);

interface Json1Comment {
  readonly file: string;
  readonly line: number;
  readonly endLine: number;
  readonly column: number;
  readonly endColumn: number;
  readonly level: string;
  readonly code: number;
  readonly message: string;
}

function toComment(raw: Json1Comment): ShellcheckComment {
  return {
    line: raw.line,
    endLine: raw.endLine,
    column: raw.column,
    endColumn: raw.endColumn,
    // hadolint's getDLSeverity: anything unknown is an error.
    level: LEVELS.has(raw.level) ? (raw.level as Severity) : 'error',
    code: raw.code,
    message: raw.message,
  };
}

function runBatch(shellcheck: Resolved, texts: readonly string[]): (readonly ShellcheckComment[])[] {
  const directory = mkdtempSync(join(tmpdir(), 'dockside-shellcheck-'));
  try {
    const names = texts.map((text, index) => {
      const name = `run${index}.sh`;
      writeFileSync(join(directory, name), text);
      return name;
    });
    const args = [
      ...(shellcheck.supportsNorc ? ['--norc'] : []),
      '--format=json1',
      `--exclude=${EXCLUDED_CHECKS.join(',')}`,
      ...names,
    ];
    const result = childProcess().spawnSync(shellcheck.binary!, args, {
      cwd: directory,
      encoding: 'utf8',
      env: shellcheck.childEnv,
      maxBuffer: 256 * 1024 * 1024,
      timeout: SPAWN_TIMEOUT_MS,
    });
    if ((result.error as NodeJS.ErrnoException | undefined)?.code === 'ETIMEDOUT') throw new ShellcheckTimeout();
    if (result.error) throw new Error(`shellcheck could not be run: ${result.error.message}`);
    let parsed: { comments?: Json1Comment[] };
    try {
      parsed = JSON.parse(result.stdout) as { comments?: Json1Comment[] };
    } catch {
      const detail = (result.stderr ?? '').trim().split('\n')[0] ?? '';
      throw new Error(`shellcheck failed (exit status ${String(result.status)}): ${detail}`);
    }
    const byIndex: ShellcheckComment[][] = texts.map(() => []);
    const indexByName = new Map(names.map((name, index) => [name, index]));
    for (const raw of parsed.comments ?? []) {
      const index = indexByName.get(raw.file);
      if (index !== undefined) byIndex[index]!.push(toComment(raw));
    }
    return byIndex;
  } finally {
    rmSync(directory, { recursive: true, force: true });
  }
}

/**
 * ShellCheck's findings for each script (same order), from one process for all scripts not seen
 * before; null when ShellCheck is not available. Throws when the binary fails to produce output.
 */
export function runShellcheck(
  texts: readonly string[],
  env: NodeJS.ProcessEnv = process.env,
): (readonly ShellcheckComment[])[] | null {
  const shellcheck = resolved(env);
  if (!shellcheck.available) return null;
  const cacheKeyPrefix = `${shellcheck.binary!}\0`;
  const answers = new Map<string, readonly ShellcheckComment[]>();
  const missingSet = new Set<string>();
  for (const text of texts) {
    const cached = resultCache.get(cacheKeyPrefix + text);
    if (cached) answers.set(text, cached);
    else missingSet.add(text);
  }
  const missing = [...missingSet];
  if (missing.length > 0) {
    const results = runBatch(shellcheck, missing);
    if (resultCache.size + missing.length > CACHE_LIMIT) resultCache.clear();
    missing.forEach((text, index) => {
      answers.set(text, results[index]!);
      resultCache.set(cacheKeyPrefix + text, results[index]!);
    });
  }
  return texts.map((text) => answers.get(text) ?? []);
}
