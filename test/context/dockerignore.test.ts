import { describe, expect, it } from 'vitest';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { IgnoreFileLookup, PatternMatcher, findIgnoreFile, loadIgnoreFile, readIgnorePatterns } from '../../src/context/dockerignore.js';

const excluded = (ignoreText: string, path: string): boolean => new PatternMatcher(readIgnorePatterns(ignoreText)).matchesOrParentMatches(path);

describe('.dockerignore reading (ignorefile.ReadAll)', () => {
  it('strips a BOM, keeps column-0 comments only, trims, cleans and drops one leading slash', () => {
    expect(readIgnorePatterns('\uFEFF# comment\n #x\n\n  ./a/  \r\n/b//c\n! /d/../e\n/\n').map((entry) => entry.pattern)).toEqual(['#x', 'a', 'b/c', '!e', '/']);
  });
  it('rejects a lone ! and malformed patterns, keeping the rest', () => {
    const matcher = new PatternMatcher(readIgnorePatterns('!\n[\na\\\n[a-]\n[]a]\nok\n'));
    expect(matcher.errors).toEqual([
      { line: 1, message: 'illegal exclusion pattern: "!"' },
      { line: 2, message: 'syntax error in pattern: "["' },
      { line: 3, message: 'syntax error in pattern: "a\\\\"' },
      { line: 4, message: 'syntax error in pattern: "[a-]"' },
      { line: 5, message: 'syntax error in pattern: "[]a]"' },
    ]);
    expect(matcher.patterns.map((pattern) => pattern.text)).toEqual(['ok']);
  });
});

describe('.dockerignore matching (moby/patternmatcher, buildkit-checks.md §7)', () => {
  const cases: [string, string, boolean][] = [
    ['docs\n', 'docs/x/y.md', true],
    ['**/x\n', 'x', true],
    ['**/x\n', 'a/b/x', true],
    ['a/**/b\n', 'a/b', true],
    ['a/**/b\n', 'a/x/y/b', true],
    ['dir/**\n', 'dir/a/b', true],
    ['**\n', 'any/thing', true],
    ['*\n', 'a/b', true],
    ['a?c\n', 'a/c', false],
    ['*/tmp/*\n', 'tmp/helloworld.txt', false],
    ['[^a]\n', 'b', true],
    ['[^a]\n', 'a', false],
    ['[!a]\n', 'b', false],
    ['[!a]\n', '!', true],
    ['a+b\n', 'a+b', true],
    ['a+b\n', 'aab', false],
    ['a*(x)|{1}$\n', 'a1(x)|{1}$', true],
    ['\\*\n', '*', true],
    ['\\*\n', 'x', false],
    ['x*^b\n', 'x^b', false],
    ['a^b\n', 'a^b', true],
    ['**foo\n', 'xfoo', true],
    ['[[:digit:]]x\n', '5x', true],
    ['Dockerfile\n', 'dockerfile', false],
    ['*.md\n!README.md\n', 'README.md', false],
    ['*.md\n!README.md\n', 'CHANGELOG.md', true],
    ['*\n! foo\n', 'foo', false],
    ['**\n!keep\n', 'keep/inner/file', false],
  ];
  for (const [ignoreText, path, expected] of cases) {
    it(`${JSON.stringify(ignoreText)} ${expected ? 'excludes' : 'keeps'} ${path}`, () => {
      expect(excluded(ignoreText, path)).toBe(expected);
    });
  }

  // A backtracking matcher tries every split of the path over the five `**` and six `*a`: far
  // more steps than any run could finish, so such a matcher shows up as this test hanging past its
  // time limit (as in test/adversarial.test.ts); nothing here times anything.
  it('does not backtrack catastrophically on long paths', () => {
    const matcher = new PatternMatcher(readIgnorePatterns('**/**/**/**/**/*a*a*a*a*a*a*b\n'));
    expect(matcher.matchesOrParentMatches(`${'x/'.repeat(300)}${'a'.repeat(200)}`)).toBe(false);
    expect(matcher.matchesOrParentMatches(`${'x/'.repeat(300)}${'a'.repeat(200)}b`)).toBe(true);
  });

  it('knows when an exception could re-include something below a folder', () => {
    const matcher = new PatternMatcher(readIgnorePatterns('**\n!src/keep.txt\n!*/target/*.jar\n'));
    expect(matcher.exceptionCouldMatchBelow('src')).toBe(true);
    expect(matcher.exceptionCouldMatchBelow('app/target')).toBe(true);
    expect(matcher.exceptionCouldMatchBelow('docs'), 'docs/target/x.jar could match').toBe(true);
    expect(matcher.exceptionCouldMatchBelow('docs/api')).toBe(false);
    expect(matcher.exceptionCouldMatchBelow('app/other')).toBe(false);
  });
});

describe('which ignore file (§7 "Which file") with a lookup shared by many Dockerfiles', () => {
  it('finds the same files as one stat per question, before and after the folder is listed', () => {
    const root = mkdtempSync(join(tmpdir(), 'dockside-ignore-lookup-'));
    try {
      const names = Array.from({ length: 40 }, (_, index) => `app${index}.Dockerfile`);
      for (const name of names) writeFileSync(join(root, name), 'FROM scratch\n');
      // Paired ignore files for some, one a folder (not a file), and a root .dockerignore.
      for (const index of [3, 20, 39]) writeFileSync(join(root, `app${index}.Dockerfile.dockerignore`), 'x\n');
      mkdirSync(join(root, 'app25.Dockerfile.dockerignore'));
      const lookup = new IgnoreFileLookup();
      const expected = (index: number): string =>
        [3, 20, 39].includes(index) ? join(root, `app${index}.Dockerfile.dockerignore`) : join(root, '.dockerignore');
      // 40 Dockerfiles ask twice each: the folder is listed after the 16th question.
      names.forEach((name, index) => {
        expect(findIgnoreFile(join(root, name), root, lookup)).toBe(findIgnoreFile(join(root, name), root));
        expect(findIgnoreFile(join(root, name), root, lookup)).toBe([3, 20, 39].includes(index) ? expected(index) : null);
      });
      writeFileSync(join(root, '.dockerignore'), 'y\n');
      // The root file appeared after the listing: a name in no listing is not stat'ed, so the
      // lookup is per run (as the CLI uses it); a fresh lookup sees it.
      const fresh = new IgnoreFileLookup();
      names.forEach((name, index) => expect(findIgnoreFile(join(root, name), root, fresh)).toBe(expected(index)));
    } finally {
      rmSync(root, { recursive: true, force: true });
    }
  });

  it('reads and compiles a context root\'s ignore file once for all its Dockerfiles, with the same result', () => {
    const root = mkdtempSync(join(tmpdir(), 'dockside-ignore-shared-'));
    try {
      writeFileSync(join(root, '.dockerignore'), 'node_modules\n!keep\n[\n');
      writeFileSync(join(root, 'b.Dockerfile.dockerignore'), 'dist\n');
      const lookup = new IgnoreFileLookup();
      const a = loadIgnoreFile(join(root, 'a.Dockerfile'), root, lookup);
      const c = loadIgnoreFile(join(root, 'c.Dockerfile'), root, lookup);
      const b = loadIgnoreFile(join(root, 'b.Dockerfile'), root, lookup);
      expect(c).toBe(a);
      expect(a.file).toBe(join(root, '.dockerignore'));
      expect(b.file).toBe(join(root, 'b.Dockerfile.dockerignore'));
      for (const [shared, name] of [[a, 'a.Dockerfile'], [b, 'b.Dockerfile']] as const) {
        const alone = loadIgnoreFile(join(root, name), root);
        expect({ ...shared, matcher: undefined }).toEqual({ ...alone, matcher: undefined });
        const summary = (loaded: typeof alone) => loaded.matcher.patterns.map((pattern) => [pattern.text, pattern.exclusion]);
        expect(summary(shared)).toEqual(summary(alone));
        expect(shared.matcher.errors).toEqual(alone.matcher.errors);
      }
      expect(a.matcher.errors).toHaveLength(1);
    } finally {
      rmSync(root, { recursive: true, force: true });
    }
  });

  it('stats a name the listing spells with other letter cases (a case-insensitive file system decides)', () => {
    const root = mkdtempSync(join(tmpdir(), 'dockside-ignore-case-'));
    try {
      for (let index = 0; index < 20; index++) writeFileSync(join(root, `d${index}.Dockerfile`), 'FROM scratch\n');
      writeFileSync(join(root, '.DockerIgnore'), 'x\n');
      const lookup = new IgnoreFileLookup();
      for (let index = 0; index < 20; index++) {
        // Whatever this file system answers for `.dockerignore`, the lookup answers the same.
        expect(findIgnoreFile(join(root, `d${index}.Dockerfile`), root, lookup)).toBe(findIgnoreFile(join(root, `d${index}.Dockerfile`), root));
      }
    } finally {
      rmSync(root, { recursive: true, force: true });
    }
  });
});

/** fsutil's MatchesUsingParentResults as written: every pattern tested against every path. */
function everyPattern(matcher: PatternMatcher, path: string, parentState: Uint8Array | null): { excluded: boolean; state: Uint8Array } {
  const state = new Uint8Array(matcher.patterns.length);
  let matched = false;
  matcher.patterns.forEach((pattern, index) => {
    let match = parentState !== null && parentState[index] === 1;
    if (!match) {
      if (pattern.exclusion !== matched) return;
      match = pattern.matches(path);
    }
    state[index] = match ? 1 : 0;
    if (match) matched = !pattern.exclusion;
  });
  return { excluded: matched, state };
}

/** fsutil's MatchesOrParentMatches as written: every pattern against the path and each parent folder. */
function everyPatternOrParent(matcher: PatternMatcher, path: string): boolean {
  const segments = path.split('/');
  let matched = false;
  for (const pattern of matcher.patterns) {
    if (pattern.exclusion !== matched) continue;
    let match = false;
    for (let depth = segments.length; !match && depth >= 1; depth--) match = pattern.matches(segments.slice(0, depth).join('/'));
    if (match) matched = !pattern.exclusion;
  }
  return matched;
}

describe('matching only the patterns a path could match', () => {
  // A small tree walked as the builder walks it: every folder before what is in it.
  const names = ['src', 'app.js', 'app.test.js', 'README.md', 'node_modules', 'dist', 'a.log', 'x.tar.gz', '.env', 'Makefile', 'lib', 'm.pyc'];
  const tree: string[] = [];
  for (const first of names) {
    tree.push(first);
    for (const second of names) {
      tree.push(`${first}/${second}`);
      for (const third of names.slice(0, 6)) tree.push(`${first}/${second}/${third}`);
    }
  }
  const segments = [...names, '*', '**', '*.js', '*.log', '?ist', 'a*', '*s', '[a-m]*', '\\.env', '**.md', 'm.p?c', '*.tar.*', 'node_*'];

  it('decides every path as testing every pattern does, with the same matched patterns (walk and queries)', () => {
    // A seeded generator: the same 200 ignore files every run.
    let seed = 20261207;
    const next = (): number => ((seed = (Math.imul(seed, 1103515245) + 12345) >>> 0) / 2 ** 32);
    const pick = <T>(items: readonly T[]): T => items[Math.floor(next() * items.length)]!;
    let decisions = 0;
    for (let file = 0; file < 200; file++) {
      const lines = Array.from({ length: 1 + Math.floor(next() * 12) }, () => {
        const pattern = Array.from({ length: 1 + Math.floor(next() * 3) }, () => pick(segments)).join('/');
        return next() < 0.25 ? `!${pattern}` : pattern;
      });
      const matcher = new PatternMatcher(readIgnorePatterns(lines.join('\n')));
      const expectedStates = new Map<string, Uint8Array>();
      const actualStates = new Map<string, readonly number[]>();
      for (const path of tree) {
        const parent = path.includes('/') ? path.slice(0, path.lastIndexOf('/')) : null;
        const expected = everyPattern(matcher, path, parent === null ? null : expectedStates.get(parent)!);
        const actual = matcher.matchesUsingParentResults(path, parent === null ? null : actualStates.get(parent)!);
        expectedStates.set(path, expected.state);
        actualStates.set(path, actual.state);
        const expectedMatched = [...expected.state.keys()].filter((index) => expected.state[index] === 1);
        expect({ path, excluded: actual.excluded, state: actual.state }, lines.join(' | ')).toEqual({ path, excluded: expected.excluded, state: expectedMatched });
        expect(matcher.matchesOrParentMatches(path), `${lines.join(' | ')}: ${path}`).toBe(everyPatternOrParent(matcher, path));
        decisions++;
      }
    }
    expect(decisions).toBe(200 * tree.length);
  });

  it('copes with more patterns than a call takes arguments', () => {
    // 150,000 lines with classes: every one a candidate for every path.
    const lines = Array.from({ length: 150_000 }, (_, index) => `[xy]${index}`);
    const matcher = new PatternMatcher(readIgnorePatterns(`${lines.join('\n')}\nsrc/*.tmp\n`));
    expect(matcher.matchesUsingParentResults('y149999', null)).toEqual({ excluded: true, state: [149_999] });
    expect(matcher.matchesUsingParentResults('src/a.tmp', null)).toEqual({ excluded: true, state: [150_000] });
    expect(matcher.matchesOrParentMatches('x0/deeper/file')).toBe(true);
  });

  it('a 5,000-line ignore file over 10,000 paths tests each path against the few patterns it could match', () => {
    // Every pattern tested against every path took 88 s over a context like this one.
    const lines = Array.from({ length: 5_000 }, (_, index) => (index % 2 === 0 ? `d*/f${index}.bak` : `**/nomatch${index}*.log`));
    const matcher = new PatternMatcher(readIgnorePatterns(`${lines.join('\n')}\n`));
    // Paths no pattern matches are the costly ones: a match ends the search for more exclusions.
    let excluded = 0;
    for (let folder = 0; folder < 100; folder++) {
      const state = matcher.matchesUsingParentResults(`d${folder}`, null).state;
      for (let file = 0; file < 100; file++) {
        if (matcher.matchesUsingParentResults(`d${folder}/f${file * 2}.${file % 10 === 0 ? 'bak' : 'txt'}`, state).excluded) excluded++;
      }
    }
    expect(excluded).toBe(100 * 10);
  });
});
