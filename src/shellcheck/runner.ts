/**
 * Runs the `shellcheck` binary (linter-anchors.md §6.10): optional, found on PATH (or named by
 * `DOCKSIDE_SHELLCHECK=/path`, disabled by `DOCKSIDE_SHELLCHECK=off`). A run's files share
 * processes (`shellcheckInBackground`): the scripts of up to 32 files go to one process, with a
 * process per core on the main thread and one in each worker thread. A file linted on its own
 * (`runShellcheck`) gets one process for all of its scripts.
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
import { hostCapacity } from '../io/host-capacity.js';

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
let spawnTimeoutMs = SPAWN_TIMEOUT_MS;

/** Tests only: a shorter time limit, so that a slow binary can be tested in a second. */
export function setShellcheckTimeoutForTests(milliseconds: number | null): void {
  spawnTimeoutMs = milliseconds ?? SPAWN_TIMEOUT_MS;
}

/** Thrown when ShellCheck ran past its time limit; the rule turns it into a notice. */
export class ShellcheckTimeout extends Error {
  constructor() {
    super(`ShellCheck ran longer than ${spawnTimeoutMs / 1000} s on this file and was stopped: its checks of these RUN scripts are missing`);
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

/** Whether a lint runs ShellCheck: the engine's `shellcheckAvailable` answer if it gives one, else the binary's. */
export function shellcheckRunsWith(engineAnswer: (() => boolean) | undefined): boolean {
  return engineAnswer?.() ?? shellcheckAvailability().available;
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

/** One ShellCheck invocation: its scripts written to a temp folder, one file each, and its arguments. */
interface Invocation {
  readonly directory: string;
  readonly names: readonly string[];
  readonly args: readonly string[];
}

function prepareInvocation(shellcheck: Resolved, texts: readonly string[]): Invocation {
  const directory = mkdtempSync(join(tmpdir(), 'dockside-shellcheck-'));
  try {
    const names = texts.map((text, index) => {
      const name = `run${index}.sh`;
      writeFileSync(join(directory, name), text);
      return name;
    });
    const args = [...(shellcheck.supportsNorc ? ['--norc'] : []), '--format=json1', `--exclude=${EXCLUDED_CHECKS.join(',')}`, ...names];
    return { directory, names, args };
  } catch (error) {
    rmSync(directory, { recursive: true, force: true });
    throw error;
  }
}

/** Each script's comments, from ShellCheck's json1 output; throws when there is no such output. */
function readOutput(invocation: Invocation, stdout: string, stderr: string, status: number | null): ShellcheckComment[][] {
  let parsed: { comments?: Json1Comment[] };
  try {
    parsed = JSON.parse(stdout) as { comments?: Json1Comment[] };
  } catch {
    const detail = stderr.trim().split('\n')[0] ?? '';
    throw new Error(`shellcheck failed (exit status ${String(status)}): ${detail}`);
  }
  const byIndex: ShellcheckComment[][] = invocation.names.map(() => []);
  const indexByName = new Map(invocation.names.map((name, index) => [name, index]));
  for (const raw of parsed.comments ?? []) {
    const index = indexByName.get(raw.file);
    if (index !== undefined) byIndex[index]!.push(toComment(raw));
  }
  return byIndex;
}

const MAX_OUTPUT_BYTES = 256 * 1024 * 1024;

function runBatch(shellcheck: Resolved, texts: readonly string[]): ShellcheckComment[][] {
  const invocation = prepareInvocation(shellcheck, texts);
  try {
    const result = childProcess().spawnSync(shellcheck.binary!, invocation.args, {
      cwd: invocation.directory,
      encoding: 'utf8',
      env: shellcheck.childEnv,
      maxBuffer: MAX_OUTPUT_BYTES,
      timeout: spawnTimeoutMs,
    });
    if ((result.error as NodeJS.ErrnoException | undefined)?.code === 'ETIMEDOUT') throw new ShellcheckTimeout();
    if (result.error) throw new Error(`shellcheck could not be run: ${result.error.message}`);
    return readOutput(invocation, result.stdout, result.stderr ?? '', result.status);
  } finally {
    rmSync(invocation.directory, { recursive: true, force: true });
  }
}

/** The same run as `runBatch`, without blocking the thread: a run goes on linting meanwhile. */
function runBatchInBackground(shellcheck: Resolved, texts: readonly string[]): Promise<ShellcheckComment[][]> {
  return new Promise((resolvePromise, rejectPromise) => {
    let invocation: Invocation;
    try {
      invocation = prepareInvocation(shellcheck, texts);
    } catch (error) {
      rejectPromise(error as Error);
      return;
    }
    childProcess().execFile(
      shellcheck.binary!,
      invocation.args,
      { cwd: invocation.directory, encoding: 'utf8', env: shellcheck.childEnv, maxBuffer: MAX_OUTPUT_BYTES, timeout: spawnTimeoutMs },
      (error, stdout, stderr) => {
        rmSync(invocation.directory, { recursive: true, force: true });
        const failure = error as (NodeJS.ErrnoException & { killed?: boolean }) | null;
        // ShellCheck exits 1 when it has comments: only a kill (the time limit) or a failed spawn counts.
        if (failure?.killed) rejectPromise(new ShellcheckTimeout());
        else if (failure && typeof failure.code === 'string') rejectPromise(new Error(`shellcheck could not be run: ${failure.message}`));
        else {
          try {
            const status = failure ? (typeof failure.code === 'number' ? failure.code : null) : 0;
            resolvePromise(readOutput(invocation, stdout, stderr, status));
          } catch (readError) {
            rejectPromise(readError as Error);
          }
        }
      },
    );
  });
}

/** Results are cached per binary and script text. */
function cacheKey(shellcheck: Resolved, text: string): string {
  return `${shellcheck.binary!}\0${text}`;
}

/** The cached answers among `texts`, and the distinct texts still to run, in order. */
function fromCache(shellcheck: Resolved, texts: Iterable<string>): { answers: Map<string, readonly ShellcheckComment[]>; missing: string[] } {
  const answers = new Map<string, readonly ShellcheckComment[]>();
  const missing = new Set<string>();
  for (const text of texts) {
    const cached = resultCache.get(cacheKey(shellcheck, text));
    if (cached) answers.set(text, cached);
    else missing.add(text);
  }
  return { answers, missing: [...missing] };
}

function remember(shellcheck: Resolved, texts: readonly string[], results: readonly (readonly ShellcheckComment[])[]): void {
  if (resultCache.size + texts.length > CACHE_LIMIT) resultCache.clear();
  texts.forEach((text, index) => resultCache.set(cacheKey(shellcheck, text), results[index]!));
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
  const { answers, missing } = fromCache(shellcheck, texts);
  if (missing.length > 0) {
    const results = runBatch(shellcheck, missing);
    remember(shellcheck, missing, results);
    missing.forEach((text, index) => answers.set(text, results[index]!));
  }
  return texts.map((text) => answers.get(text) ?? []);
}

/** One file's scripts, waiting for a ShellCheck process shared with other files. */
interface QueuedRequest {
  readonly shellcheck: Resolved;
  readonly texts: readonly string[];
  readonly resolve: (results: (readonly ShellcheckComment[])[]) => void;
  readonly reject: (error: Error) => void;
}

/**
 * Files per process. A process for one file cost 41 ms a file over a 300-file corpus sample; one
 * process for all of them, 24 ms a file: ShellCheck's start and its work per invocation are shared.
 * Batches stay small enough that several run side by side on the cores of a small run.
 */
const FILES_PER_PROCESS = 32;

/**
 * Script text (characters) past which a file's scripts get a process of their own, and past which
 * a shared process takes no more files. ShellCheck's time grows with the commands it is given
 * (about 1-1.4 ms each): a shared process that reached the time limit ran each of its files again
 * alone, so the file that caused it cost the limit twice and held up the rest. Alone, a file past
 * the limit costs it once. The corpus's largest file has 47 KB of RUN scripts (its largest script
 * 17 KB), so real batches stay as they were.
 */
const OWN_PROCESS_TEXT = 48 * 1024;
const SHARED_PROCESS_TEXT = 96 * 1024;

function scriptText(request: QueuedRequest): number {
  let total = 0;
  for (const text of request.texts) total += text.length;
  return total;
}

const queue: QueuedRequest[] = [];
let processesRunning = 0;
let startScheduled = false;
let processLimitOfThread: number | null = null;

/**
 * Processes at once: one per core on the main thread, one in a worker thread (a run with workers
 * has one per core already), a container's CPU quota counted (io/host-capacity.ts). worker_threads
 * is loaded here, not at import, for cold start.
 */
function processLimit(): number {
  if (processLimitOfThread === null) {
    const require = createRequire(import.meta.url);
    const { isMainThread } = require('node:worker_threads') as typeof import('node:worker_threads');
    processLimitOfThread = isMainThread ? hostCapacity().cores : 1;
  }
  return processLimitOfThread;
}

/**
 * ShellCheck's findings for each script, like `runShellcheck`, without blocking the thread: the
 * request waits for the files the run has in flight to make theirs (until the event loop's next
 * turn), and all go to one process. Null when ShellCheck is not available. Rejects with
 * ShellcheckTimeout, or an Error when the binary produces no output, for this file's scripts alone.
 */
export function shellcheckInBackground(
  texts: readonly string[],
  env: NodeJS.ProcessEnv = process.env,
): Promise<(readonly ShellcheckComment[])[] | null> {
  const shellcheck = resolved(env);
  if (!shellcheck.available) return Promise.resolve(null);
  const { answers, missing } = fromCache(shellcheck, texts);
  if (missing.length === 0) return Promise.resolve(texts.map((text) => answers.get(text)!));
  return new Promise((resolvePromise, rejectPromise) => {
    queue.push({ shellcheck, texts, resolve: resolvePromise, reject: rejectPromise });
    scheduleProcesses();
  });
}

/**
 * How many files a run should have in flight for ShellCheck's processes to be full: every process
 * its batch, and the next batch already waiting.
 */
export function shellcheckFilesInFlight(): number {
  return FILES_PER_PROCESS * (processLimit() + 1);
}

function scheduleProcesses(): void {
  if (startScheduled) return;
  startScheduled = true;
  // setImmediate: after every file already started has parsed and queued its scripts.
  setImmediate(startProcesses);
}

function startProcesses(): void {
  startScheduled = false;
  while (queue.length > 0 && processesRunning < processLimit()) {
    // The files waiting are shared out among the free processes: a small run (a pre-commit hook's
    // few files) still uses every core.
    const share = Math.min(FILES_PER_PROCESS, Math.ceil(queue.length / (processLimit() - processesRunning)));
    // Requests made under another binary (a test, an embedding program) wait for a process of their own.
    const { shellcheck } = queue[0]!;
    const requests: QueuedRequest[] = [];
    let text = 0;
    for (let index = 0; index < queue.length && requests.length < share; ) {
      const request = queue[index]!;
      const size = scriptText(request);
      // A large file goes alone (left in the queue for a process of its own when this one has
      // files already); a shared process stops growing at SHARED_PROCESS_TEXT.
      if (request.shellcheck !== shellcheck || (requests.length > 0 && (size > OWN_PROCESS_TEXT || text + size > SHARED_PROCESS_TEXT))) {
        index++;
        continue;
      }
      requests.push(...queue.splice(index, 1));
      text += size;
      if (size > OWN_PROCESS_TEXT) break;
    }
    processesRunning++;
    void answer(shellcheck, requests).finally(() => {
      processesRunning--;
      if (queue.length > 0) scheduleProcesses();
    });
  }
}

/** Runs one process for the requests' scripts not in the cache, and answers each request. */
async function answer(shellcheck: Resolved, requests: readonly QueuedRequest[]): Promise<void> {
  const { answers, missing } = fromCache(shellcheck, requests.flatMap((request) => request.texts));
  if (missing.length > 0) {
    let results: ShellcheckComment[][];
    try {
      results = await runBatchInBackground(shellcheck, missing);
    } catch (error) {
      if (requests.length === 1) {
        requests[0]!.reject(error as Error);
        return;
      }
      // One file's script can stop a shared process (its time limit, a ShellCheck crash): each file
      // runs again alone, so that only the file that caused it loses its ShellCheck findings.
      for (const request of requests) await answer(shellcheck, [request]);
      return;
    }
    remember(shellcheck, missing, results);
    missing.forEach((text, index) => answers.set(text, results[index]!));
  }
  for (const request of requests) request.resolve(request.texts.map((text) => answers.get(text) ?? []));
}
