/**
 * Translates the Go (RE2) regular expressions that moby/patternmatcher builds from `.dockerignore`
 * patterns into JavaScript `RegExp`s with the `u` flag, so that matching is exactly Go's.
 *
 * The input is not arbitrary RE2: patternmatcher escapes `.+()|{}$` and turns the wildcards into
 * "not a slash" classes, an optional "any folders" group and "anything". What reaches the regex engine from the user is literal text,
 * `\c` escapes, `[...]` classes and `^` (buildkit-checks.md §7). This covers that subset and throws
 * a `SyntaxError` with Go's wording for what Go rejects, or what we cannot translate faithfully.
 */

const POSIX_CLASSES: Readonly<Record<string, string>> = {
  alnum: '0-9A-Za-z',
  alpha: 'A-Za-z',
  ascii: '\\u{0}-\\u{7f}',
  blank: '\\t ',
  cntrl: '\\u{0}-\\u{1f}\\u{7f}',
  digit: '0-9',
  graph: '!-~',
  lower: 'a-z',
  print: ' -~',
  punct: '!-\\/:-@\\[-`\\{-~',
  space: '\\t\\n\\v\\f\\r ',
  upper: 'A-Z',
  word: '0-9A-Za-z_',
  xdigit: '0-9A-Fa-f',
};

/** Perl classes as RE2 defines them (ASCII only). */
const PERL_CLASSES: Readonly<Record<string, string>> = {
  d: '0-9',
  s: '\\t\\n\\f\\r ',
  w: '0-9A-Za-z_',
};

const CONTROL_ESCAPES: Readonly<Record<string, number>> = { a: 7, f: 12, t: 9, n: 10, r: 13, v: 11 };

function literal(codePoint: number): string {
  return `\\u{${codePoint.toString(16)}}`;
}

function isPunctuation(character: string): boolean {
  return /^[!-/:-@[-`{-~]$/u.test(character);
}

/** Reads `\xHH` or `\x{H...}` after the `x`; returns the code point and the new index. */
function readHex(characters: readonly string[], start: number): { codePoint: number; next: number } {
  if (characters[start] === '{') {
    const close = characters.indexOf('}', start);
    const digits = characters.slice(start + 1, close).join('');
    if (close === -1 || !/^[0-9A-Fa-f]+$/u.test(digits)) throw new SyntaxError('invalid escape sequence: `\\x`');
    return { codePoint: Number.parseInt(digits, 16), next: close + 1 };
  }
  const digits = characters.slice(start, start + 2).join('');
  if (!/^[0-9A-Fa-f]{2}$/u.test(digits)) throw new SyntaxError('invalid escape sequence: `\\x`');
  return { codePoint: Number.parseInt(digits, 16), next: start + 2 };
}

interface EscapeResult {
  /** JS text usable both inside and outside a class, or null for a single code point. */
  readonly text: string | null;
  readonly codePoint: number | null;
  readonly next: number;
  /** `\d`-like classes cannot be range bounds. */
  readonly isClass: boolean;
}

function readEscape(characters: readonly string[], start: number, inClass: boolean): EscapeResult {
  const character = characters[start];
  if (character === undefined) throw new SyntaxError('trailing backslash at end of expression: ``');
  if (isPunctuation(character)) return { text: null, codePoint: character.codePointAt(0)!, next: start + 1, isClass: false };
  const control = CONTROL_ESCAPES[character];
  if (control !== undefined) return { text: null, codePoint: control, next: start + 1, isClass: false };
  if (character === 'x') {
    const hex = readHex(characters, start + 1);
    return { text: null, codePoint: hex.codePoint, next: hex.next, isClass: false };
  }
  const perl = PERL_CLASSES[character.toLowerCase()];
  if (perl !== undefined) {
    const negated = character !== character.toLowerCase();
    if (negated && inClass) throw new SyntaxError(`unsupported negated class escape in a class: \`\\${character}\``);
    return { text: negated ? `[^${perl}]` : inClass ? perl : `[${perl}]`, codePoint: null, next: start + 1, isClass: true };
  }
  if (!inClass && (character === 'b' || character === 'B')) return { text: `\\${character}`, codePoint: null, next: start + 1, isClass: true };
  if (!inClass && character === 'A') return { text: '^', codePoint: null, next: start + 1, isClass: true };
  if (!inClass && character === 'z') return { text: '$', codePoint: null, next: start + 1, isClass: true };
  throw new SyntaxError(`invalid escape sequence: \`\\${character}\``);
}

/** Translates a Go class starting at `[` (index `start`); returns JS text and the index after `]`. */
function translateClass(characters: readonly string[], start: number): { text: string; next: number } {
  let index = start + 1;
  let negated = false;
  if (characters[index] === '^') {
    negated = true;
    index++;
  }
  const items: string[] = [];
  let first = true;
  for (;;) {
    const character = characters[index];
    if (character === undefined) throw new SyntaxError(`missing closing ]: \`${characters.slice(start).join('')}\``);
    // RE2: a `]` right after `[` or `[^` is a literal, not the end of the class.
    if (character === ']' && !first) {
      index++;
      break;
    }
    first = false;
    if (character === '[' && characters[index + 1] === ':') {
      const close = characters.indexOf(']', index + 2);
      const inner = close === -1 ? '' : characters.slice(index + 2, close).join('');
      const match = /^(\^?)([a-z]+):$/u.exec(inner);
      const posix = match ? POSIX_CLASSES[match[2]!] : undefined;
      if (match && posix !== undefined) {
        if (match[1] === '^') throw new SyntaxError('unsupported negated POSIX class in a class');
        items.push(posix);
        index = close + 1;
        continue;
      }
    }
    let low: number;
    if (character === '\\') {
      const escape = readEscape(characters, index + 1, true);
      index = escape.next;
      if (escape.isClass) {
        items.push(escape.text!);
        continue;
      }
      low = escape.codePoint!;
    } else {
      low = character.codePointAt(0)!;
      index++;
    }
    // A range `lo-hi`, unless the `-` is the last thing before `]`.
    if (characters[index] === '-' && characters[index + 1] !== undefined && characters[index + 1] !== ']') {
      index++;
      let high: number;
      const bound = characters[index]!;
      if (bound === '\\') {
        const escape = readEscape(characters, index + 1, true);
        if (escape.isClass) throw new SyntaxError('invalid character class range');
        high = escape.codePoint!;
        index = escape.next;
      } else {
        high = bound.codePointAt(0)!;
        index++;
      }
      if (high < low) throw new SyntaxError('invalid character class range');
      items.push(`${literal(low)}-${literal(high)}`);
      continue;
    }
    items.push(literal(low));
  }
  return { text: `[${negated ? '^' : ''}${items.join('')}]`, next: index };
}

type Token =
  | { readonly type: 'atom'; readonly js: string; readonly test: (character: string) => boolean; star: boolean }
  /** The optional any-folders group patternmatcher makes of a `**` before more text: nothing, or anything ending in a slash. */
  | { readonly type: 'anyFolders' }
  | { readonly type: 'begin' }
  | { readonly type: 'end' };

export interface CompiledRegexp {
  test(text: string): boolean;
}

const ANY_FOLDERS = [...'(.*/)?'];

function atom(js: string): Token {
  const single = new RegExp(`^${js}$`, 'u');
  return { type: 'atom', js, test: (character) => single.test(character), star: false };
}

function tokenize(source: string): Token[] {
  const characters = [...source];
  const tokens: Token[] = [];
  let index = 0;
  while (index < characters.length) {
    const character = characters[index]!;
    if (character === '(' && ANY_FOLDERS.every((expected, offset) => characters[index + offset] === expected)) {
      // Consecutive any-folders groups (from repeated double stars) mean the same as one.
      if (tokens.at(-1)?.type !== 'anyFolders') tokens.push({ type: 'anyFolders' });
      index += ANY_FOLDERS.length;
      continue;
    }
    switch (character) {
      case '\\': {
        const escape = readEscape(characters, index + 1, false);
        index = escape.next;
        if (escape.codePoint !== null) tokens.push(atom(literal(escape.codePoint)));
        else if (escape.text === '^') tokens.push({ type: 'begin' });
        else if (escape.text === '$') tokens.push({ type: 'end' });
        else if (escape.isClass && escape.text !== null && escape.text.startsWith('[')) tokens.push(atom(escape.text));
        else throw new SyntaxError(`unsupported escape sequence: \`\\${characters[index - 1] ?? ''}\``);
        break;
      }
      case '[': {
        const translated = translateClass(characters, index);
        tokens.push(atom(translated.text));
        index = translated.next;
        break;
      }
      case '.':
        // Go's `.` matches anything but a newline (no `s` flag).
        tokens.push(atom('[^\\n]'));
        index++;
        break;
      case '*': {
        const previous = tokens.at(-1);
        if (previous?.type !== 'atom' || previous.star) throw new SyntaxError('missing argument to repetition operator: `*`');
        previous.star = true;
        index++;
        break;
      }
      case '^':
        tokens.push({ type: 'begin' });
        index++;
        break;
      case '$':
        tokens.push({ type: 'end' });
        index++;
        break;
      default:
        tokens.push(atom(literal(character.codePointAt(0)!)));
        index++;
    }
  }
  return tokens;
}

/**
 * Thompson simulation of the token list: linear in the text, like Go's RE2, for patterns whose
 * JS regex could backtrack badly (`*a*a*a*b`, several `**`).
 */
function simulate(tokens: readonly Token[], text: readonly string[]): boolean {
  const count = tokens.length;
  // States 0..count: "before token i". States count+1+i: "inside the anyFolders token i".
  let current = new Uint8Array(2 * count + 2);
  const close = (states: Uint8Array, position: number): void => {
    for (let index = 0; index < count; index++) {
      if (!states[index]) continue;
      const token = tokens[index]!;
      if (token.type === 'anyFolders') {
        states[index + 1] = 1;
        states[count + 1 + index] = 1;
      } else if (token.type === 'begin') {
        if (position === 0) states[index + 1] = 1;
      } else if (token.type === 'end') {
        if (position === text.length) states[index + 1] = 1;
      } else if (token.star) states[index + 1] = 1;
    }
  };
  current[0] = 1;
  close(current, 0);
  for (let position = 0; position < text.length; position++) {
    const character = text[position]!;
    const next = new Uint8Array(2 * count + 2);
    let alive = false;
    for (let index = 0; index < count; index++) {
      const token = tokens[index]!;
      if (current[index] && token.type === 'atom' && token.test(character)) {
        next[token.star ? index : index + 1] = 1;
        alive = true;
      }
      if (current[count + 1 + index] && character !== '\n') {
        next[count + 1 + index] = 1;
        if (character === '/') next[index + 1] = 1;
        alive = true;
      }
    }
    if (!alive) return false;
    close(next, position + 1);
    current = next;
  }
  return current[count] === 1;
}

/** Compiles the Go regex text patternmatcher produced into an equivalent matcher. */
export function compileGoRegexp(source: string): CompiledRegexp {
  const tokens = tokenize(source);
  const unbounded = tokens.filter((token) => token.type === 'anyFolders' || (token.type === 'atom' && token.star)).length;
  // With at most two unbounded parts a JS regex backtracks at most quadratically: use the fast engine.
  if (unbounded <= 2) {
    const js = tokens
      .map((token) => {
        if (token.type === 'anyFolders') return '(?:[^\\n]*\\/)?';
        if (token.type === 'begin') return '^';
        if (token.type === 'end') return '$';
        return token.star ? `${token.js}*` : token.js;
      })
      .join('');
    const regex = new RegExp(js, 'u');
    return { test: (text) => regex.test(text) };
  }
  return { test: (text) => simulate(tokens, [...text]) };
}
