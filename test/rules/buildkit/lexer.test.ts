/**
 * BuildKit's word lexer: the shortcut for words with nothing to expand must give exactly what the
 * character-by-character lexer gives, and the lexer's own behaviour on the cases rules rely on.
 */
import { describe, expect, it } from 'vitest';
import { isDigit, isLetterOrDigit, isSpace, processWord, processWordByCharacter, type EnvLookup } from '../../../src/rules/buildkit/lexer.js';

const env: EnvLookup = (name) => ({ A: 'one two', EMPTY: '' } as Record<string, string | undefined>)[name];

function plain(result: ReturnType<typeof processWord>): unknown {
  return { ...result, matched: [...result.matched], unmatched: [...result.unmatched] };
}

/** A seeded generator, so a failure names an input that can be replayed. */
function* randomWords(seed: number, count: number): Generator<string> {
  const alphabet = ['a', 'Z', '0', ' ', '\t', '\n', '\r', ':', '/', '-', '=', 'é', '😀', '\u00a0', '\u2003', '\uFEFF', '"', "'", '\\', '`', '$', '{', '}'];
  let state = seed;
  const next = (): number => {
    state = (state * 1103515245 + 12345) % 2147483648;
    return state;
  };
  for (let index = 0; index < count; index++) {
    const length = next() % 12;
    let word = '';
    for (let position = 0; position < length; position++) word += alphabet[next() % alphabet.length];
    yield word;
  }
}

describe('processWord', () => {
  it('expands, unquotes and records lookups', () => {
    const result = processWord('"${A}"-$MISSING-\\$A', env, { escapeChar: '\\' });
    expect(result.result).toBe('one two--$A');
    expect([...result.matched]).toEqual(['A']);
    expect([...result.unmatched]).toEqual(['MISSING']);
    expect(result.words).toEqual(['one two--$A']);
  });

  it('splits on the blanks of plain text', () => {
    const result = processWord(' 80/tcp\t443\n8080:80 ', env, { escapeChar: '\\' });
    expect(result.result).toBe(' 80/tcp\t443\n8080:80 ');
    expect(result.words).toEqual(['80/tcp', '443', '8080:80']);
  });

  it.each([
    ['\\', false],
    ['`', false],
    ['\\', true],
  ] as const)('gives what the character-by-character lexer gives (escape %j, heredoc %j)', (escapeChar, skipProcessQuotes) => {
    for (const word of randomWords(escapeChar.charCodeAt(0) + (skipProcessQuotes ? 1 : 0), 3000)) {
      const options = { escapeChar, skipProcessQuotes };
      expect(plain(processWord(word, env, options)), JSON.stringify(word)).toEqual(plain(processWordByCharacter(word, env, options)));
    }
  });
});

describe('character classes', () => {
  it('answer every UTF-16 code unit as the Unicode classes do', () => {
    for (let code = 0; code < 0x10000; code++) {
      const character = String.fromCharCode(code);
      expect(isSpace(character), `space ${code}`).toBe(/\s/u.test(character));
      expect(isDigit(character), `digit ${code}`).toBe(/\p{Nd}/u.test(character));
      expect(isLetterOrDigit(character), `letter or digit ${code}`).toBe(/[\p{L}\p{Nd}_]/u.test(character));
    }
    // A character outside the BMP comes as a surrogate pair: the class decides.
    expect(isLetterOrDigit('𝐀')).toBe(true);
    expect(isDigit('𝟎')).toBe(true);
  });
});
