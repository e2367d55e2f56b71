/**
 * One path segment of a COPY/ADD source against one name (Go's filepath.Match, which BuildKit
 * uses): `*`, `?`, `[…]` with ranges and `^`, `\` escapes.
 */
import { describe, expect, it } from 'vitest';
import { segmentGlob } from '../../src/context/query.js';

function matches(pattern: string, name: string): boolean | null {
  const glob = segmentGlob(pattern);
  return glob ? glob.test(name) : null;
}

describe('segmentGlob', () => {
  it.each([
    ['*.txt', 'notes.txt', true],
    ['*.txt', 'notes.txt.bak', false],
    ['*', '', true],
    ['*', '.hidden', true],
    ['a*b*c', 'abc', true],
    ['a*b*c', 'aXXbYYc', true],
    ['a*b*c', 'aXXbYY', false],
    ['?.go', 'a.go', true],
    ['?.go', 'ab.go', false],
    ['?', 'é', true],
    ['[abc].js', 'b.js', true],
    ['[abc].js', 'd.js', false],
    ['[a-c]x', 'bx', true],
    ['[^a-c]x', 'bx', false],
    ['[^a-c]x', 'dx', true],
    ['[]]', ']', true],
    ['\\*', '*', true],
    ['\\*', 'a', false],
    ['file[', 'file[', null], // an unterminated class is a bad pattern
    ['trailing\\', 'trailing', null],
    // Characters outside the BMP are one character for `?` and `*`, as in Go.
    ['?', '😀', true],
    ['??', '😀', false],
    ['a*?b', 'a😀b', true],
    ['*😀', 'x😀', true],
    ['*😀', 'x😁', false],
    // The literal text after the last `*` decides most names early; classes and `?` still apply.
    ['requirements*.txt', 'requirements-dev.txt', true],
    ['requirements*.txt', 'requirements-dev.txt.orig', false],
    ['*[0-9].txt', 'v2.txt', true],
    ['*[0-9].txt', 'vx.txt', false],
    ['*.?s', 'app.js', true],
    // Literal text around one `*`: both ends must fit without overlapping.
    ['ab*ba', 'abba', true],
    ['ab*ba', 'aba', false],
    ['ab*ba', 'abXba', true],
    ['docker-php-ext-*', 'docker-php-ext-', true],
    ['docker-php-ext-*', 'docker-php-ex', false],
    ['docker-php-ext-*', 'xdocker-php-ext-gd', false],
    ['package*.json', 'package-lock.json', true],
    ['package*.json', 'package.json', true],
    ['package*.json', 'package.jsonx', false],
    ['😀*', '😀x', true],
    ['😀*', 'x😀', false],
  ] as const)('%j against %j', (pattern, name, expected) => {
    expect(matches(pattern, name)).toBe(expected);
  });

  it('takes linear time on patterns a regular expression would backtrack on', () => {
    // `*a*a*a…b` against a long run of `a`: a translated regex tries every split (O(n^k)).
    expect(matches(`${'*a'.repeat(12)}b`, 'a'.repeat(200))).toBe(false);
    expect(matches(`${'*a'.repeat(12)}b`, `${'a'.repeat(200)}b`)).toBe(true);
  });
});
