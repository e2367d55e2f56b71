/**
 * Questions rules and `analyze` ask of a walked context: what does a COPY source match, how big is
 * a folder. The index is built once per context and cached.
 */
import { detachedCopy } from '../parser/detached.js';
import { mapList, newList } from '../parser/lists.js';
import { contextRelativePath } from './go-path.js';
import type { BuildContext, ContextFile } from './types.js';

interface ContextIndex {
  readonly byPath: ReadonlyMap<string, ContextFile>;
  /** Folder path (`''` for the root) → its direct children. */
  readonly children: ReadonlyMap<string, readonly ContextFile[]>;
  /** The same folders → their children's names, index for index (globs test names, not paths). */
  readonly childNames: ReadonlyMap<string, readonly string[]>;
  /** Pruned (wholly excluded, not walked) folders. */
  readonly pruned: ReadonlySet<string>;
}

/**
 * Keyed by the walk's entry list, which every Dockerfile sharing the context (and ignore file) in a
 * run shares: the index is built once per walk, not once per Dockerfile.
 */
const indexes = new WeakMap<readonly ContextFile[], ContextIndex>();

/** A value derived from a walk, computed once per walk. */
export function perWalk<T>(cache: WeakMap<readonly ContextFile[], T>, context: BuildContext, compute: () => T): T {
  let value = cache.get(context.entries);
  if (value === undefined) {
    value = compute();
    cache.set(context.entries, value);
  }
  return value;
}

export function contextIndex(context: BuildContext): ContextIndex {
  let index = indexes.get(context.entries);
  if (index) return index;
  const byPath = new Map<string, ContextFile>();
  const children = new Map<string, ContextFile[]>();
  const childNames = new Map<string, string[]>();
  for (const entry of context.entries) {
    byPath.set(entry.path, entry);
    const slash = entry.path.lastIndexOf('/');
    const parent = slash === -1 ? '' : entry.path.slice(0, slash);
    let list = children.get(parent);
    let names = childNames.get(parent);
    if (!list || !names) {
      children.set(parent, (list = []));
      childNames.set(parent, (names = []));
    }
    list.push(entry);
    names.push(entry.path.slice(slash + 1));
  }
  index = { byPath, children, childNames, pruned: new Set(context.pruned.map((folder) => folder.path)) };
  indexes.set(context.entries, index);
  return index;
}

/** Does this path sit in a folder the walk pruned (so it exists or not, it is excluded)? */
export function isInsidePrunedFolder(context: BuildContext, path: string): boolean {
  const { pruned } = contextIndex(context);
  if (pruned.size === 0) return false;
  let cursor = path;
  for (;;) {
    if (pruned.has(cursor)) return true;
    const slash = cursor.lastIndexOf('/');
    if (slash === -1) return false;
    cursor = cursor.slice(0, slash);
  }
}

const GLOB_CHARACTERS = /[*?[\\]/u;

export function hasGlob(source: string): boolean {
  return GLOB_CHARACTERS.test(source);
}

/** A compiled segment pattern: `test(name)` is Go's `filepath.Match(pattern, name)`. */
export interface SegmentGlob {
  test(name: string): boolean;
}

type GlobToken =
  | { readonly kind: 'star' }
  | { readonly kind: 'any' }
  | { readonly kind: 'char'; readonly codePoint: number }
  | { readonly kind: 'class'; readonly negated: boolean; readonly ranges: readonly (readonly [number, number])[] };

/**
 * Go's `filepath.Match` for one path segment (`*`, `?`, `[...]`/`[^...]` with ranges, `\`
 * escapes); null for a malformed pattern. Matched by the two-pointer wildcard algorithm, O(n·m)
 * at worst: a translated regular expression backtracked catastrophically on `*a*a*a…b` against a
 * long name (8 stars and 60 characters took 40 s).
 */
export function segmentGlob(segment: string): SegmentGlob | null {
  const tokens: GlobToken[] = [];
  const characters = [...segment];
  for (let index = 0; index < characters.length; index++) {
    const character = characters[index]!;
    if (character === '*') {
      if (tokens[tokens.length - 1]?.kind !== 'star') tokens.push({ kind: 'star' });
    } else if (character === '?') tokens.push({ kind: 'any' });
    else if (character === '\\') {
      const next = characters[++index];
      if (next === undefined) return null;
      tokens.push({ kind: 'char', codePoint: next.codePointAt(0)! });
    } else if (character === '[') {
      let close = index + 1;
      if (characters[close] === '^') close++;
      if (characters[close] === ']') close++;
      while (close < characters.length && characters[close] !== ']') close++;
      if (close >= characters.length) return null;
      const body = characters.slice(index + 1, close);
      const negated = body[0] === '^';
      const items = negated ? body.slice(1) : body;
      const ranges: [number, number][] = [];
      for (let item = 0; item < items.length; item++) {
        const low = items[item]!.codePointAt(0)!;
        if (items[item + 1] === '-' && item + 2 < items.length) {
          ranges.push([low, items[item + 2]!.codePointAt(0)!]);
          item += 2;
        } else ranges.push([low, low]);
      }
      tokens.push({ kind: 'class', negated, ranges });
      index = close;
    } else tokens.push({ kind: 'char', codePoint: character.codePointAt(0)! });
  }
  // `*.json`, `requirements*.txt`: most names fail on the literal text after the last `*`.
  let tailStart = tokens.length;
  while (tailStart > 0 && tokens[tailStart - 1]!.kind === 'char') tailStart--;
  const tail = tailStart > 0 ? literalText(tokens.slice(tailStart)) : '';
  // Literal text around one `*` (`*`, `*.json`, `docker-php-ext-*`, `package*.json`), the commonest
  // shape by far: a name matches when it starts and ends with the literals and has room for both.
  // A folder's names carry no `/` for the `*` to refuse.
  let starIndex = -1;
  let onlyCharactersAroundOneStar = true;
  for (let index = 0; index < tokens.length; index++) {
    const kind = tokens[index]!.kind;
    if (kind === 'star' && starIndex === -1) starIndex = index;
    else if (kind !== 'char') onlyCharactersAroundOneStar = false;
  }
  const aroundOneStar = onlyCharactersAroundOneStar && starIndex !== -1;
  return new CompiledSegmentGlob(tokens, aroundOneStar ? literalText(tokens.slice(0, starIndex)) : null, tail);
}

/**
 * One class for every pattern, not a closure per shape: the loop testing a folder's names then
 * calls one function, and V8 does not throw its code away when a glob of the other shape comes.
 */
class CompiledSegmentGlob implements SegmentGlob {
  private readonly minimumLength: number;

  constructor(
    private readonly tokens: readonly GlobToken[],
    /** The literal text before the pattern's only `*`, or null when it has another shape. */
    private readonly headBeforeOnlyStar: string | null,
    /** The literal text after the last non-literal token. */
    private readonly tail: string,
  ) {
    this.minimumLength = (headBeforeOnlyStar?.length ?? 0) + tail.length;
  }

  test(name: string): boolean {
    const head = this.headBeforeOnlyStar;
    if (head !== null) return name.length >= this.minimumLength && name.startsWith(head) && name.endsWith(this.tail);
    return name.endsWith(this.tail) && matchTokens(this.tokens, name);
  }
}

function literalText(tokens: readonly GlobToken[]): string {
  let text = '';
  for (const token of tokens) text += String.fromCodePoint((token as { codePoint: number }).codePoint);
  return text;
}

function matchesOne(token: GlobToken, codePoint: number): boolean {
  switch (token.kind) {
    case 'any':
      return codePoint !== 0x2f;
    case 'char':
      return codePoint === token.codePoint;
    case 'class': {
      const inside = token.ranges.some(([low, high]) => codePoint >= low && codePoint <= high);
      return codePoint !== 0x2f && inside !== token.negated;
    }
    default:
      return false;
  }
}

function matchTokens(tokens: readonly GlobToken[], name: string): boolean {
  // Walks the name by code points in place (no array per name: a COPY glob is tested against
  // every entry of a folder, and a run shares one context between many Dockerfiles).
  let token = 0;
  let position = 0;
  // The last `*` seen and where in the name it started matching: where to resume on a mismatch.
  let starToken = -1;
  let starPosition = 0;
  while (position < name.length) {
    const current = tokens[token];
    const codePoint = name.codePointAt(position)!;
    if (current && current.kind === 'star') {
      starToken = token++;
      starPosition = position;
    } else if (current && matchesOne(current, codePoint)) {
      token++;
      position += codePoint > 0xffff ? 2 : 1;
    } else if (starToken !== -1 && name.charCodeAt(starPosition) !== 0x2f) {
      // Let the last `*` take one more character (never a `/`) and try again from there.
      token = starToken + 1;
      starPosition += name.codePointAt(starPosition)! > 0xffff ? 2 : 1;
      position = starPosition;
    } else return false;
  }
  while (tokens[token]?.kind === 'star') token++;
  return token === tokens.length;
}

export type SourceResolution =
  /** Matches something that is sent: the entries (a folder stands for its content). */
  | { readonly status: 'found'; readonly matches: readonly ContextFile[] }
  /** Exists, but only as excluded entries (or inside a pruned folder). */
  | { readonly status: 'ignored'; readonly matches: readonly ContextFile[] }
  | { readonly status: 'missing'; readonly matches: readonly ContextFile[] }
  /** The pattern cannot be evaluated (malformed glob). */
  | { readonly status: 'unknown'; readonly matches: readonly ContextFile[] };

/**
 * Every resolution has `matches` (none when missing or unknown), and every list here is one V8
 * elements kind (parser/lists.ts): the rules reading resolutions then meet one hidden class, and
 * optimised code is not thrown away when a new shape turns up late in a run.
 */
const NO_FILES: readonly ContextFile[] = newList();
const MISSING: SourceResolution = { status: 'missing', matches: NO_FILES };
const UNKNOWN: SourceResolution = { status: 'unknown', matches: NO_FILES };
const NO_NAMES: readonly string[] = newList();

const MAX_LINK_HOPS = 40;

/**
 * Follows symlinks in the folders of a context path the way BuildKit's scoped resolution does:
 * a link's target is read relative to its folder, and `..` cannot climb above the context root.
 */
function resolveFolders(context: BuildContext, segments: readonly string[], followLast = false): string | null {
  const { byPath } = contextIndex(context);
  let resolved: string[] = [];
  let hops = 0;
  const queue = [...segments];
  while (queue.length > 0) {
    const segment = queue.shift()!;
    const candidate = [...resolved, segment].join('/');
    const entry = byPath.get(candidate);
    // A link is followed when more path comes after it, or when the path is a folder to look into
    // (its target is read then, see walk.ts WalkedEntry).
    if ((queue.length > 0 || followLast) && entry?.isSymlink && entry.linkTarget !== null) {
      if (++hops > MAX_LINK_HOPS) return null;
      const target = entry.linkTarget.startsWith('/') ? entry.linkTarget : `${resolved.join('/')}/${entry.linkTarget}`;
      const cleaned = contextRelativePath(target);
      resolved = [];
      queue.unshift(...(cleaned === '' ? [] : cleaned.split('/')));
      continue;
    }
    resolved.push(segment);
    // Nothing is walked below a path the walk does not have, so no link further on can be followed:
    // a link leading out of the context (the target of most links in a folder of links) ends here.
    if (entry === undefined && queue.length > 0) return `${resolved.join('/')}/${queue.join('/')}`;
  }
  return resolved.join('/');
}

/** Resolutions per walk and source: rules and the Dockerfiles sharing a context ask again and again. */
const resolutions = new WeakMap<readonly ContextFile[], Map<string, SourceResolution>>();

/** What a COPY/ADD source (expanded, relative to the context root) matches in the context. */
export function resolveSource(context: BuildContext, source: string): SourceResolution {
  const known = perWalk(resolutions, context, () => new Map<string, SourceResolution>());
  let resolution = known.get(source);
  if (resolution === undefined) {
    resolution = computeResolution(context, source);
    // The map outlives the Dockerfile the source was cut from (every Dockerfile of the context asks).
    known.set(detachedCopy(source), resolution);
  }
  return resolution;
}

// Split in three small functions, not one: V8 compiled the single function (with what it inlined)
// in ~50 ms, and its rarely taken branches (a glob segment before the last meeting a file, a glob
// over a symlinked folder) threw that code away up to five times per run (`--trace-deopt`).
function computeResolution(context: BuildContext, source: string): SourceResolution {
  const cleaned = contextRelativePath(source);
  if (cleaned === '') return { status: 'found', matches: NO_FILES };
  return hasGlob(cleaned) ? resolveGlob(context, cleaned) : resolvePlain(context, cleaned);
}

function resolvePlain(context: BuildContext, cleaned: string): SourceResolution {
  const resolved = resolveFolders(context, cleaned.split('/'));
  if (resolved === null) return UNKNOWN;
  const entry = contextIndex(context).byPath.get(resolved);
  if (entry) return isSent(context, entry) ? { status: 'found', matches: [entry] } : { status: 'ignored', matches: [entry] };
  return isInsidePrunedFolder(context, resolved) ? { status: 'ignored', matches: NO_FILES } : MISSING;
}

/**
 * Wildcards are matched segment by segment (Go's filepath.Glob: `*` never crosses `/`), the way
 * BuildKit's copy resolves them (fsutil's `ResolveWildcards`): the path before the first wildcard is
 * resolved with its links followed, the last one included (`fs.RootPath`: `COPY linked/*.js` with
 * `linked -> src` matches `src/*.js`); the rest is matched against a walk of that folder, which
 * follows no link (`filepath.Walk`), so frontier paths are taken as they are.
 */
function resolveGlob(context: BuildContext, cleaned: string): SourceResolution {
  const { byPath } = contextIndex(context);
  const segments = cleaned.split('/');
  let firstWildcard = 0;
  while (firstWildcard < segments.length - 1 && !hasGlob(segments[firstWildcard]!)) firstWildcard++;
  let start = '';
  if (firstWildcard > 0) {
    const resolved = resolveFolders(context, segments.slice(0, firstWildcard), true);
    // A link loop fails the build on the loop, not on a missing file (as for a plain path).
    if (resolved === null) return UNKNOWN;
    start = resolved;
  }
  let frontier: string[] = [start];
  let sawPruned = false;
  for (let position = firstWildcard; position < segments.length; position++) {
    const segment = segments[position]!;
    const last = position === segments.length - 1;
    const next = newList<string>();
    const glob = hasGlob(segment) ? segmentGlob(segment) : null;
    if (hasGlob(segment) && glob === null) return UNKNOWN;
    for (const folderPath of frontier) {
      if (folderPath !== '' && isInsidePrunedFolder(context, folderPath)) {
        sawPruned = true;
        continue;
      }
      if (glob) {
        addMatchingChildren(context, folderPath, glob, last, next);
        continue;
      }
      // A plain segment names one child: look it up instead of scanning the folder.
      const child = byPath.get(folderPath === '' ? segment : `${folderPath}/${segment}`);
      if (child && (last || child.isDirectory)) next.push(child.path);
    }
    frontier = next;
    if (frontier.length === 0) break;
  }
  const matches = mapList(frontier, (path) => byPath.get(path)).filter((entry) => entry !== undefined);
  const sent = matches.filter((entry) => isSent(context, entry));
  if (sent.length > 0) return { status: 'found', matches: sent };
  if (matches.length > 0 || sawPruned) return { status: 'ignored', matches };
  return MISSING;
}

/** The children of `folderPath` whose names match (before the last segment: folders only). */
function addMatchingChildren(context: BuildContext, folderPath: string, glob: SegmentGlob, last: boolean, into: string[]): void {
  const { children, childNames } = contextIndex(context);
  const folderChildren = children.get(folderPath) ?? NO_FILES;
  const names = childNames.get(folderPath) ?? NO_NAMES;
  for (let index = 0; index < folderChildren.length; index++) {
    if (!glob.test(names[index]!)) continue;
    const child = folderChildren[index]!;
    // Before the last segment only folders lead on: the walk behind a wildcard follows no link.
    if (!last && !child.isDirectory) continue;
    into.push(child.path);
  }
}

/** An entry is sent when it is not excluded, or when it is a folder an exception re-includes content of. */
function isSent(context: BuildContext, entry: ContextFile): boolean {
  if (!entry.ignored) return true;
  return entry.isDirectory && sentContentOf(context, entry).files > 0;
}

/** Files and bytes sent for a path: the file itself, or every non-excluded file under a folder. */
export function sentContentOf(context: BuildContext, entry: ContextFile): { files: number; bytes: number } {
  if (!entry.isDirectory) return entry.ignored ? { files: 0, bytes: 0 } : { files: 1, bytes: entry.size };
  const { children } = contextIndex(context);
  let files = 0;
  let bytes = 0;
  const stack = [entry.path];
  while (stack.length > 0) {
    for (const child of children.get(stack.pop()!) ?? NO_FILES) {
      if (child.isDirectory) stack.push(child.path);
      else if (!child.ignored) {
        files++;
        bytes += child.size;
      }
    }
  }
  return { files, bytes };
}

/** Sizes of every folder (files not excluded, recursively), computed in one pass. */
const folderSizeCaches = { sent: new WeakMap<readonly ContextFile[], Map<string, { files: number; bytes: number }>>(), all: new WeakMap<readonly ContextFile[], Map<string, { files: number; bytes: number }>>() };

export function folderSizes(context: BuildContext, options: { includeIgnored: boolean }): Map<string, { files: number; bytes: number }> {
  return perWalk(options.includeIgnored ? folderSizeCaches.all : folderSizeCaches.sent, context, () => computeFolderSizes(context, options));
}

function computeFolderSizes(context: BuildContext, options: { includeIgnored: boolean }): Map<string, { files: number; bytes: number }> {
  const sizes = new Map<string, { files: number; bytes: number }>();
  for (const entry of context.entries) {
    if (entry.isDirectory || (entry.ignored && !options.includeIgnored)) continue;
    let slash = entry.path.lastIndexOf('/');
    while (slash !== -1) {
      const folder = entry.path.slice(0, slash);
      const size = sizes.get(folder) ?? { files: 0, bytes: 0 };
      size.files++;
      size.bytes += entry.size;
      sizes.set(folder, size);
      slash = folder.lastIndexOf('/');
    }
  }
  return sizes;
}
