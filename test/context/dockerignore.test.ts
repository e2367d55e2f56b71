import { describe, expect, it } from 'vitest';
import { PatternMatcher, readIgnorePatterns } from '../../src/context/dockerignore.js';

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

  it('does not backtrack catastrophically on long paths', () => {
    const matcher = new PatternMatcher(readIgnorePatterns('**/**/**/**/**/*a*a*a*a*a*a*b\n'));
    const path = `${'x/'.repeat(300)}${'a'.repeat(200)}`;
    const started = Date.now();
    expect(matcher.matchesOrParentMatches(path)).toBe(false);
    expect(Date.now() - started).toBeLessThan(2000);
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
