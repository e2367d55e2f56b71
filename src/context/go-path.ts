/**
 * Go's `path/filepath` helpers that BuildKit applies to `.dockerignore` patterns and COPY sources
 * (Unix flavour: `/` is the only separator).
 */

/** Go's `filepath.Clean`: `./a` → `a`, `a/` → `a`, `a//b` → `a/b`, `a/../b` → `b`, `` → `.`. */
export function cleanPath(path: string): string {
  if (path === '') return '.';
  const rooted = path.startsWith('/');
  const kept: string[] = [];
  for (const segment of path.split('/')) {
    if (segment === '' || segment === '.') continue;
    if (segment === '..') {
      if (kept.length > 0 && kept[kept.length - 1] !== '..') kept.pop();
      else if (!rooted) kept.push('..');
      continue;
    }
    kept.push(segment);
  }
  const joined = kept.join('/');
  if (rooted) return `/${joined}`;
  return joined === '' ? '.' : joined;
}

/**
 * A COPY source or link target as a path below the context root: cleaned as if rooted (so `..`
 * cannot climb out), without the leading `/`; `''` is the root itself.
 */
export function contextRelativePath(path: string): string {
  return cleanPath(`/${path}`).slice(1);
}

/** Go's `filepath.Dir` for a cleaned, relative, `/`-separated path. */
export function parentOf(path: string): string {
  const slash = path.lastIndexOf('/');
  return slash === -1 ? '.' : path.slice(0, slash);
}

/** Go's `strings.TrimSpace`: Unicode white space at both ends. */
export function trimSpace(text: string): string {
  return text.replace(/^[\s\u0085]+|[\s\u0085]+$/gu, '');
}

/**
 * Go's `filepath.Match(pattern, ".")` error check (the pattern is validated as a whole): a trailing
 * `\`, an unclosed `[`, an empty class, or a class bound that is `-` or `]` are `syntax error in
 * pattern`. Returns null when the pattern is well formed.
 */
export function globSyntaxError(pattern: string): string | null {
  const bad = 'syntax error in pattern';
  const characters = [...pattern];
  let index = 0;
  const readClassCharacter = (): boolean => {
    const character = characters[index];
    if (character === undefined || character === '-' || character === ']') return false;
    if (character === '\\') {
      index++;
      if (characters[index] === undefined) return false;
    }
    index++;
    return true;
  };
  while (index < characters.length) {
    const character = characters[index]!;
    if (character === '\\') {
      if (index + 1 >= characters.length) return bad;
      index += 2;
      continue;
    }
    if (character !== '[') {
      index++;
      continue;
    }
    index++;
    if (characters[index] === '^') index++;
    let ranges = 0;
    for (;;) {
      if (characters[index] === ']' && ranges > 0) {
        index++;
        break;
      }
      if (!readClassCharacter()) return bad;
      if (characters[index] === '-') {
        index++;
        if (!readClassCharacter()) return bad;
      }
      ranges++;
    }
  }
  return null;
}
