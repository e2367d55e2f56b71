/**
 * `.dockerignore` reading and matching with moby/patternmatcher's semantics (buildkit-checks.md §7).
 *
 * Reading follows `patternmatcher/ignorefile.ReadAll`; compiling and matching follow
 * `patternmatcher.New` and `Pattern.compile`/`match`, including the fast paths (exact, prefix,
 * suffix) whose results differ from the regex in corner cases (`**foo` matches `xfoo`, a literal
 * `^` in a pattern without wildcards is compared as text). Each pattern is compiled once.
 */
import { readdirSync, statSync } from 'node:fs';
import { basename, dirname, join, relative } from 'node:path';
import { readBounded } from '../io/read-bounded.js';
import { cleanPath, globSyntaxError, parentOf, trimSpace } from './go-path.js';
import { compileGoRegexp } from './go-regexp.js';
import { IGNORE_FILE_TOO_LARGE, MAX_IGNORE_FILE_BYTES } from './limits.js';

type MatchType = 'exact' | 'prefix' | 'suffix' | 'regexp';

export interface IgnorePattern {
  /** The cleaned pattern without its `!` (patternmatcher's `cleanedPattern`). */
  readonly text: string;
  /** A `!` exception: re-includes what earlier patterns excluded. */
  readonly exclusion: boolean;
  /** 1-based line in the ignore file. */
  readonly line: number;
  /** Path segments of the pattern (`dirs` in patternmatcher). */
  readonly segments: readonly string[];
  matches(path: string): boolean;
}

/** One line the matcher could not use; BuildKit fails the build on it. */
export interface IgnoreFileError {
  readonly line: number;
  readonly message: string;
}

/** `patternmatcher/ignorefile.ReadAll`: the patterns of an ignore file, with the line each came from. */
export function readIgnorePatterns(text: string): { pattern: string; line: number }[] {
  const patterns: { pattern: string; line: number }[] = [];
  // bufio.ScanLines: split on \n, drop one trailing \r.
  const lines = text.split('\n');
  if (lines.length > 0 && lines[lines.length - 1] === '') lines.pop();
  for (const [index, rawLine] of lines.entries()) {
    let line = rawLine.endsWith('\r') ? rawLine.slice(0, -1) : rawLine;
    if (index === 0 && line.startsWith('\uFEFF')) line = line.slice(1);
    // A comment only when `#` is in column 0, before trimming (` #x` is a pattern).
    if (line.startsWith('#')) continue;
    let pattern = trimSpace(line);
    if (pattern === '') continue;
    const invert = pattern.startsWith('!');
    if (invert) pattern = trimSpace(pattern.slice(1));
    if (pattern.length > 0) {
      pattern = cleanPath(pattern);
      if (pattern.length > 1 && pattern.startsWith('/')) pattern = pattern.slice(1);
    }
    patterns.push({ pattern: invert ? `!${pattern}` : pattern, line: index + 1 });
  }
  return patterns;
}

function compilePattern(text: string, exclusion: boolean, line: number): IgnorePattern {
  let goRegex = '^';
  let matchType: MatchType = 'exact';
  const characters = [...text];
  for (let index = 0, iteration = 0; index < characters.length; iteration++) {
    const character = characters[index++]!;
    if (character === '*') {
      if (characters[index] === '*') {
        index++;
        // `**/` is treated as `**`: the slash is eaten.
        if (characters[index] === '/') index++;
        if (index >= characters.length) {
          if (matchType === 'exact') matchType = 'prefix';
          else {
            goRegex += '.*';
            matchType = 'regexp';
          }
        } else {
          goRegex += '(.*/)?';
          matchType = 'regexp';
        }
        // patternmatcher's suffix fast path: a leading `**` (its iteration counter is 0).
        if (iteration === 0) matchType = 'suffix';
      } else {
        goRegex += '[^/]*';
        matchType = 'regexp';
      }
    } else if (character === '?') {
      goRegex += '[^/]';
      matchType = 'regexp';
    } else if ('.+()|{}$'.includes(character)) {
      goRegex += `\\${character}`;
    } else if (character === '\\') {
      if (index < characters.length) {
        goRegex += `\\${characters[index++]!}`;
        matchType = 'regexp';
      } else goRegex += '\\';
    } else if (character === '[' || character === ']') {
      goRegex += character;
      matchType = 'regexp';
    } else goRegex += character;
  }
  const segments = text.split('/');
  const base = { text, exclusion, line, segments };
  switch (matchType) {
    case 'exact':
      return { ...base, matches: (path) => path === text };
    case 'prefix': {
      const prefix = text.slice(0, -2);
      return { ...base, matches: (path) => path.startsWith(prefix) };
    }
    case 'suffix': {
      const suffix = text.slice(2);
      const bare = suffix.startsWith('/') ? suffix.slice(1) : null;
      return { ...base, matches: (path) => path.endsWith(suffix) || path === bare };
    }
    case 'regexp': {
      const regex = compileGoRegexp(`${goRegex}$`);
      return { ...base, matches: (path) => regex.test(path) };
    }
  }
}

/** The compiled patterns of one ignore file (`patternmatcher.New`). */
export class PatternMatcher {
  readonly patterns: readonly IgnorePattern[];
  readonly errors: readonly IgnoreFileError[];
  readonly hasExceptions: boolean;

  constructor(lines: readonly { pattern: string; line: number }[]) {
    const patterns: IgnorePattern[] = [];
    const errors: IgnoreFileError[] = [];
    for (const { pattern: raw, line } of lines) {
      let pattern = trimSpace(raw);
      if (pattern === '') continue;
      pattern = cleanPath(pattern);
      let exclusion = false;
      if (pattern.startsWith('!')) {
        if (pattern.length === 1) {
          errors.push({ line, message: 'illegal exclusion pattern: "!"' });
          continue;
        }
        exclusion = true;
        pattern = pattern.slice(1);
      }
      const syntaxError = globSyntaxError(pattern);
      if (syntaxError) {
        errors.push({ line, message: `${syntaxError}: ${JSON.stringify(pattern)}` });
        continue;
      }
      try {
        patterns.push(compilePattern(pattern, exclusion, line));
      } catch (error) {
        errors.push({ line, message: `${(error as Error).message}: ${JSON.stringify(pattern)}` });
      }
    }
    this.patterns = patterns;
    this.errors = errors;
    this.hasExceptions = patterns.some((pattern) => pattern.exclusion);
  }

  /** `MatchesOrParentMatches`: the path or one of its parent folders is excluded (CopyIgnoredFile). */
  matchesOrParentMatches(path: string): boolean {
    let matched = false;
    const parent = parentOf(path);
    const parentSegments = parent === '.' ? [] : parent.split('/');
    const parents = parentSegments.map((_, depth) => parentSegments.slice(0, depth + 1).join('/'));
    // Only the patterns the path or a parent folder could match (the others match neither).
    const candidates = new Set(this.candidatesFor(path));
    for (const folder of parents) for (const index of this.candidatesFor(folder)) candidates.add(index);
    for (const index of [...candidates].sort((a, b) => a - b)) {
      const pattern = this.patterns[index]!;
      if (pattern.exclusion !== matched) continue;
      let match = pattern.matches(path);
      for (let depth = 0; !match && depth < parents.length; depth++) match = pattern.matches(parents[depth]!);
      if (match) matched = !pattern.exclusion;
    }
    return matched;
  }

  /**
   * `MatchesUsingParentResults`, as fsutil's walker uses it to decide what is sent. A path's state
   * is the patterns it matched, itself or through a parent folder (ascending indexes; the parent's
   * is null at the root).
   *
   * fsutil tests every pattern against every path. Only the patterns the path could match are
   * tested here (`candidatesFor`) and the ones its parent matched carried over: the others neither
   * match nor change the outcome, so the result is the same. With a 5,000-line ignore file, a
   * 10,000-file context took 88 s.
   */
  matchesUsingParentResults(path: string, parentState: readonly number[] | null): { excluded: boolean; state: readonly number[] } {
    const candidates = this.candidatesFor(path);
    const inherited = parentState ?? NO_PATTERNS;
    const state: number[] = [];
    let matched = false;
    // Both lists ascend: walked together, in pattern order, each index once.
    let next = 0;
    let carried = 0;
    while (next < candidates.length || carried < inherited.length) {
      const candidate = next < candidates.length ? candidates[next]! : Number.POSITIVE_INFINITY;
      const parentMatch = carried < inherited.length ? inherited[carried]! : Number.POSITIVE_INFINITY;
      const index = Math.min(candidate, parentMatch);
      if (candidate === index) next++;
      if (parentMatch === index) carried++;
      const pattern = this.patterns[index]!;
      let match = parentMatch === index;
      if (!match) {
        if (pattern.exclusion !== matched) continue;
        match = pattern.matches(path);
      }
      if (match) {
        state.push(index);
        matched = !pattern.exclusion;
      }
    }
    return { excluded: matched, state: state.length === 0 ? NO_PATTERNS : state };
  }

  /** The patterns `path` could match, ascending (a superset: each is still tested). */
  private candidatesFor(path: string): readonly number[] {
    return (this.candidateIndex ??= new CandidateIndex(this.patterns)).candidatesFor(path);
  }

  private candidateIndex: CandidateIndex | null = null;

  /**
   * Whether some `!` exception could match a path strictly below `folder`; when none can, an
   * excluded folder is pruned without changing the result (fsutil prunes the same way, §7).
   */
  exceptionCouldMatchBelow(folder: string): boolean {
    const folderSegments = folder.split('/');
    return this.patterns.some((pattern) => pattern.exclusion && segmentsCouldMatchBelow(pattern.segments, folderSegments));
  }
}

const NO_PATTERNS: readonly number[] = Object.freeze([]);

/** Longest literal prefix or suffix of a name a pattern is filed under (longer ones: their first or last characters). */
const INDEXED_AFFIX = 3;

/**
 * Which patterns a path could match. Every pattern matches a whole path (its regex is anchored),
 * and `*` and `?` never cross a `/`, so a pattern without `**` matches only paths with as many
 * segments as it has; and unless its last segment holds `**`, the path's name must match that
 * segment: equal it when it has no wildcard, else end with the literal text after its last
 * wildcard, or start with the text before its first. Patterns with `[…]` or `\` (a class can
 * hold `/`) are candidates everywhere, as are the few with no literal text at either end.
 */
class CandidateIndex {
  /** Patterns with `**` (any depth), and those a class or escape makes unpredictable. */
  private readonly anyDepth = new NameIndex();
  /** The others, by their number of segments. */
  private readonly byDepth = new Map<number, NameIndex>();
  private readonly cache = new Map<string, readonly number[]>();

  constructor(patterns: readonly IgnorePattern[]) {
    patterns.forEach((pattern, index) => {
      if (/[[\]\\]/u.test(pattern.text)) {
        this.anyDepth.everywhere.push(index);
        return;
      }
      const lastSegment = pattern.segments[pattern.segments.length - 1] ?? '';
      let names = this.anyDepth;
      if (!pattern.text.includes('**')) {
        names = this.byDepth.get(pattern.segments.length) ?? new NameIndex();
        this.byDepth.set(pattern.segments.length, names);
      }
      names.add(lastSegment.includes('**') ? null : lastSegment, index);
    });
  }

  candidatesFor(path: string): readonly number[] {
    const name = path.slice(path.lastIndexOf('/') + 1);
    let depth = 1;
    for (let slash = path.indexOf('/'); slash !== -1; slash = path.indexOf('/', slash + 1)) depth++;
    // Names repeat across a context at the same depth (index.js, package.json…): their answers are kept.
    const key = `${depth}/${name}`;
    const cached = this.cache.get(key);
    if (cached !== undefined) return cached;
    const found: number[] = [];
    this.anyDepth.collectByName(name, found);
    const atDepth = this.byDepth.get(depth);
    if (atDepth) {
      pushAll(found, atDepth.everywhere);
      atDepth.collectByName(name, found);
    }
    let candidates: readonly number[] = this.anyDepth.everywhere;
    if (found.length > 0) {
      pushAll(found, this.anyDepth.everywhere);
      candidates = found.sort((a, b) => a - b);
    }
    // Small answers only: a long one (thousands of patterns for every name) would be kept once per name.
    if (candidates.length <= 256 && this.cache.size < 10_000) this.cache.set(key, candidates);
    return candidates;
  }
}

/** Patterns filed by what they require of a path's name (its last segment). */
class NameIndex {
  readonly everywhere: number[] = [];
  private readonly byName = new Map<string, number[]>();
  /** By the last (or first) 1, 2 or `INDEXED_AFFIX` characters of the literal suffix (prefix); index 0 unused. */
  private readonly bySuffix: Map<string, number[]>[] = Array.from({ length: INDEXED_AFFIX + 1 }, () => new Map());
  private readonly byPrefix: Map<string, number[]>[] = Array.from({ length: INDEXED_AFFIX + 1 }, () => new Map());

  /** `lastSegment` null: the pattern's last segment holds `**`, so any name may match. */
  add(lastSegment: string | null, index: number): void {
    if (lastSegment === null) {
      this.everywhere.push(index);
      return;
    }
    const lastWildcard = Math.max(lastSegment.lastIndexOf('*'), lastSegment.lastIndexOf('?'));
    if (lastWildcard === -1) {
      append(this.byName, lastSegment, index);
      return;
    }
    const suffix = lastSegment.slice(lastWildcard + 1);
    if (suffix !== '') {
      const length = Math.min(suffix.length, INDEXED_AFFIX);
      append(this.bySuffix[length]!, suffix.slice(-length), index);
      return;
    }
    const firstWildcard = lastSegment.search(/[*?]/u);
    const prefix = lastSegment.slice(0, firstWildcard);
    if (prefix !== '') {
      const length = Math.min(prefix.length, INDEXED_AFFIX);
      append(this.byPrefix[length]!, prefix.slice(0, length), index);
      return;
    }
    this.everywhere.push(index);
  }

  /** The patterns filed under `name`'s exact text, suffix or prefix (not `everywhere`). */
  collectByName(name: string, into: number[]): void {
    const exact = this.byName.get(name);
    if (exact) pushAll(into, exact);
    for (let length = 1; length <= INDEXED_AFFIX && length <= name.length; length++) {
      const bySuffix = this.bySuffix[length]!.get(name.slice(-length));
      if (bySuffix) pushAll(into, bySuffix);
      const byPrefix = this.byPrefix[length]!.get(name.slice(0, length));
      if (byPrefix) pushAll(into, byPrefix);
    }
  }
}

/** `into.push(...items)` without spreading: an ignore file can hold more lines than a call takes arguments. */
function pushAll(into: number[], items: readonly number[]): void {
  for (const item of items) into.push(item);
}

function append(map: Map<string, number[]>, key: string, index: number): void {
  const list = map.get(key);
  if (list) list.push(index);
  else map.set(key, [index]);
}

const SEGMENT_WILDCARD = /[*?[\\]/u;

/** Can a path `folder/...` match these pattern segments? Conservative: true when unsure. */
function segmentsCouldMatchBelow(patternSegments: readonly string[], folderSegments: readonly string[]): boolean {
  for (const [index, folderSegment] of folderSegments.entries()) {
    const patternSegment = patternSegments[index];
    if (patternSegment === undefined) return false;
    if (patternSegment.includes('**')) return true;
    if (SEGMENT_WILDCARD.test(patternSegment)) {
      try {
        const single = new PatternMatcher([{ pattern: patternSegment, line: 0 }]).patterns[0];
        if (single && !single.matches(folderSegment)) return false;
      } catch {
        return true;
      }
      continue;
    }
    if (patternSegment !== folderSegment) return false;
  }
  return patternSegments.length > folderSegments.length;
}

/**
 * Finds and loads the ignore files of many Dockerfiles of one run. Past a few questions about one
 * folder (a monorepo, a corpus: every Dockerfile in it asks for `<name>.dockerignore`), the folder
 * is listed once and a name that is not in the listing is not stat'ed: two failed stats per
 * Dockerfile were the most expensive system calls of a large run after reading the file. Each
 * ignore file is read and compiled once.
 */
export class IgnoreFileLookup {
  /** Questions per folder before listing it: a run over a few files never lists a big folder. */
  private static readonly LIST_AFTER = 16;
  private readonly questions = new Map<string, number>();
  /** Lower-cased names per folder (null: the folder could not be listed). */
  private readonly listings = new Map<string, ReadonlySet<string> | null>();
  /** Ignore files read and compiled, by path ('' for none): a context's root file serves every Dockerfile in it. */
  private readonly loaded = new Map<string, LoadedIgnoreFile>();

  /** Is `name` in `folder` a file? (`folder` as given: the same folder keeps one listing.) */
  isFileIn(folder: string, name: string): boolean {
    let names = this.listings.get(folder);
    if (names === undefined) {
      const asked = (this.questions.get(folder) ?? 0) + 1;
      this.questions.set(folder, asked);
      if (asked >= IgnoreFileLookup.LIST_AFTER) {
        names = lowerCasedNames(folder);
        this.listings.set(folder, names);
      }
    }
    // Compared without case: on a case-insensitive file system a name the listing spells
    // differently still gets its stat, and that stat decides.
    if (names && !names.has(name.toLowerCase())) return false;
    return isFile(join(folder, name));
  }

  /** `readIgnoreFile`, once per file for the whole run. */
  load(file: string | null): LoadedIgnoreFile {
    let loaded = this.loaded.get(file ?? '');
    if (!loaded) {
      loaded = readIgnoreFile(file);
      this.loaded.set(file ?? '', loaded);
    }
    return loaded;
  }
}

function lowerCasedNames(folder: string): ReadonlySet<string> | null {
  try {
    return new Set(readdirSync(folder).map((name) => name.toLowerCase()));
  } catch {
    return null;
  }
}

/** The ignore file BuildKit uses for a Dockerfile and context (§7 "Which file"), or null. */
export function findIgnoreFile(dockerfilePath: string, contextDir: string, lookup?: IgnoreFileLookup): string | null {
  // Paths are joined only for the stat or the answer: most Dockerfiles have neither file, and the
  // lookup answers from a folder listing.
  const folder = dirname(dockerfilePath);
  const besideName = `${basename(dockerfilePath)}.dockerignore`;
  if (lookup ? lookup.isFileIn(folder, besideName) : isFile(join(folder, besideName))) return join(folder, besideName);
  const rootName = '.dockerignore';
  if (lookup ? lookup.isFileIn(contextDir, rootName) : isFile(join(contextDir, rootName))) return join(contextDir, rootName);
  return null;
}

function isFile(path: string): boolean {
  try {
    // One stat, no exception when missing.
    return statSync(path, { throwIfNoEntry: false })?.isFile() ?? false;
  } catch {
    return false;
  }
}

export interface LoadedIgnoreFile {
  readonly file: string | null;
  readonly displayPath: string | null;
  readonly matcher: PatternMatcher;
  /** Why the file could not be read (an error code such as `EACCES`), or null. */
  readonly readError: string | null;
}

/** The applicable ignore file, read and compiled (an empty matcher when none applies). */
export function loadIgnoreFile(dockerfilePath: string, contextDir: string, lookup?: IgnoreFileLookup): LoadedIgnoreFile {
  const file = findIgnoreFile(dockerfilePath, contextDir, lookup);
  return lookup ? lookup.load(file) : readIgnoreFile(file);
}

function readIgnoreFile(file: string | null): LoadedIgnoreFile {
  if (file === null) return { file: null, displayPath: null, matcher: new PatternMatcher([]), readError: null };
  const displayPath = relative(process.cwd(), file) || file;
  const read = readBounded(file, MAX_IGNORE_FILE_BYTES);
  if (read.kind === 'read') return { file, displayPath, matcher: new PatternMatcher(readIgnorePatterns(read.bytes.toString('utf8'))), readError: null };
  // The code, not Node's message: that one repeats the absolute path.
  // EFBIG ("file too large") is dockside's limit, not BuildKit's: the rule reporting it says so.
  const readError = read.kind === 'failed' ? read.code : read.kind === 'folder' ? 'EISDIR' : IGNORE_FILE_TOO_LARGE;
  return { file, displayPath, matcher: new PatternMatcher([]), readError };
}
