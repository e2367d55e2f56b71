/**
 * Loads the build context for one Dockerfile. The `.dockerignore` is read at once (cheap); the
 * folder walk runs on first access to `entries`, `pruned`, `totals` or `warnings`, so a rule that
 * only needs the ignore file (CopyIgnoredFile) never pays for the walk.
 */
import { resolve } from 'node:path';
import { loadIgnoreFile, type IgnoreFileLookup, type LoadedIgnoreFile, type PatternMatcher } from './dockerignore.js';
import { walkContext, type WalkOptions, type WalkResult } from './walk.js';
import type { BuildContext, ContextFile, ContextTotals, DockerIgnore, PrunedFolder, UnreadableEntry } from './types.js';

export type { WalkResult } from './walk.js';
export type { BuildContext, ContextFile, ContextTotals, DockerIgnore, PrunedFolder, UnreadableEntry } from './types.js';
export { IgnoreFileLookup, PatternMatcher, readIgnorePatterns, findIgnoreFile } from './dockerignore.js';
export { cleanPath } from './go-path.js';

export interface LoadOptions {
  /**
   * Progress callback for long walks. Defaults to a one-line indicator on stderr when stderr is a
   * TTY and the walk has run for more than a second (the requirement); pass `null` to mute.
   */
  readonly onProgress?: WalkOptions['onProgress'] | null;
  /**
   * Walks shared across the Dockerfiles of one run, keyed by context root and ignore file: many
   * Dockerfiles in one folder (a monorepo, a corpus) share one context and must not walk it again.
   */
  readonly walkCache?: WalkCache;
  /** Shared across the Dockerfiles of one run, like `walkCache`: finds their ignore files. */
  readonly ignoreFileLookup?: IgnoreFileLookup;
}

/** Asked once per thread: every Dockerfile of a run loads a context, and in a worker thread
 * `process.stderr` is a proxy stream whose properties are not free. */
let stderrIsTTY: boolean | undefined;

function stderrProgress(): WalkOptions['onProgress'] | undefined {
  stderrIsTTY ??= process.stderr.isTTY === true;
  if (!stderrIsTTY) return undefined;
  return (entriesSeen, elapsedMs) => {
    if (elapsedMs < 1000) return;
    process.stderr.write(`\rdockside: walking the build context… ${entriesSeen.toLocaleString('en')} entries`);
  };
}

/**
 * The walks of one run, most recently used kept, within a budget of entries. A run lints files in
 * path order, so the Dockerfiles sharing a context come together and an evicted walk is rarely
 * asked for again (it is walked again if it is). Unbounded, a run over several large contexts kept
 * every walk, and what hangs off one (its index, COPY resolutions: ~300 bytes per entry): a worker
 * thread linting 40,000 corpus files in two folders of 20,000 spent its second half in back-to-back
 * full collections against its heap cap, at a quarter of its speed.
 */
export class WalkCache {
  private readonly walks = new Map<string, WalkResult>();
  private entryCount = 0;
  /** The key last asked for or set: already last in `walks`. */
  private newestKey: string | null = null;

  constructor(private readonly entryBudget: number = WALK_CACHE_ENTRY_BUDGET) {}

  get(key: string): WalkResult | undefined {
    // The Dockerfiles sharing a context come one after another: the newest walk is asked again.
    if (key === this.newestKey) return this.walks.get(key);
    const walk = this.walks.get(key);
    if (walk) {
      this.newestKey = key;
      // Most recently used last: the first ones are dropped first.
      this.walks.delete(key);
      this.walks.set(key, walk);
    }
    return walk;
  }

  set(key: string, walk: WalkResult): void {
    const previous = this.walks.get(key);
    if (previous) {
      this.walks.delete(key);
      this.entryCount -= previous.entries.length;
    }
    this.walks.set(key, walk);
    this.newestKey = key;
    this.entryCount += walk.entries.length;
    // The newest walk stays whatever its size: the Dockerfile being linted is using it.
    for (const [oldestKey, oldest] of this.walks) {
      if (this.entryCount <= this.entryBudget || oldestKey === key) break;
      this.walks.delete(oldestKey);
      this.entryCount -= oldest.entries.length;
    }
  }

  /** How many walks are kept (for tests). */
  get size(): number {
    return this.walks.size;
  }
}

/** About 8 MB of walks and what the rules derive from them: well inside a worker's heap cap. */
const WALK_CACHE_ENTRY_BUDGET = 25_000;

/**
 * What the Dockerfiles of a run that share a context root and an ignore file share: made once per
 * pair, not once per Dockerfile (a corpus or monorepo folder holds thousands of them).
 */
interface ContextSource {
  readonly root: string;
  readonly dockerignore: DockerIgnore;
  readonly matcher: PatternMatcher;
  readonly loadWarnings: readonly string[];
  /** The key of its walk in a WalkCache, one string for all its Dockerfiles. */
  readonly walkKey: string;
}

/** Per loaded ignore file (IgnoreFileLookup keeps one per file), its sources by root. */
const sourcesByIgnoreFile = new WeakMap<LoadedIgnoreFile, Map<string, ContextSource>>();

function contextSource(root: string, loaded: LoadedIgnoreFile): ContextSource {
  let byRoot = sourcesByIgnoreFile.get(loaded);
  if (!byRoot) sourcesByIgnoreFile.set(loaded, (byRoot = new Map()));
  let source = byRoot.get(root);
  if (!source) {
    const { displayPath, matcher, readError } = loaded;
    const errors = [
      ...(readError ? [`cannot read ${displayPath} (${readError})`] : []),
      ...matcher.errors.map((error) => `${displayPath}:${error.line}: ${error.message}`),
    ];
    const dockerignore: DockerIgnore = {
      file: displayPath,
      patterns: matcher.patterns.map((pattern) => (pattern.exclusion ? `!${pattern.text}` : pattern.text)),
      hasExceptions: matcher.hasExceptions,
      errors,
      readError,
      isIgnored: (path) => matcher.matchesOrParentMatches(path),
    };
    source = { root, dockerignore, matcher, loadWarnings: errors, walkKey: `${root}\0${displayPath ?? ''}` };
    byRoot.set(root, source);
  }
  return source;
}

class LazyBuildContext implements BuildContext {
  private walked: WalkResult | null = null;
  readonly root: string;
  readonly dockerignore: DockerIgnore;

  constructor(
    private readonly source: ContextSource,
    readonly dockerfilePath: string,
    private readonly walkOptions: WalkOptions,
    private readonly walkCache: WalkCache | undefined,
  ) {
    this.root = source.root;
    this.dockerignore = source.dockerignore;
  }

  private walk(): WalkResult {
    if (this.walked === null) {
      const cacheKey = this.source.walkKey;
      const cached = this.walkCache?.get(cacheKey);
      if (cached) {
        this.walked = cached;
        return cached;
      }
      const started = Date.now();
      const result = walkContext(this.root, this.source.matcher, this.walkOptions);
      // Erase the progress line, which is only drawn after a second.
      if (this.walkOptions.onProgress && process.stderr.isTTY && Date.now() - started >= 1000) process.stderr.write('\r\u001b[K');
      this.walked = result;
      this.walkCache?.set(cacheKey, result);
    }
    return this.walked;
  }

  get entries(): readonly ContextFile[] {
    return this.walk().entries;
  }

  get pruned(): readonly PrunedFolder[] {
    return this.walk().pruned;
  }

  get totals(): ContextTotals {
    return this.walk().totals;
  }

  get warnings(): readonly string[] {
    return [...this.source.loadWarnings, ...this.walk().warnings];
  }

  get unreadable(): readonly UnreadableEntry[] {
    return this.walk().unreadable;
  }
}

/**
 * The build context of `dockerfilePath` rooted at `contextDir`, with the ignore file BuildKit would
 * use (`<Dockerfile>.dockerignore` beside the Dockerfile, else `.dockerignore` at the root, §7).
 */
export function loadBuildContext(dockerfilePath: string, contextDir: string, options: LoadOptions = {}): BuildContext {
  const root = resolve(contextDir);
  const absoluteDockerfile = resolve(dockerfilePath);
  const source = contextSource(root, loadIgnoreFile(absoluteDockerfile, root, options.ignoreFileLookup));
  const onProgress = options.onProgress === null ? undefined : (options.onProgress ?? stderrProgress());
  return new LazyBuildContext(source, absoluteDockerfile, onProgress ? { onProgress } : {}, options.walkCache);
}
