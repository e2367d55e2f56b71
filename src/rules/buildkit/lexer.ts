/**
 * BuildKit's word lexer (`frontend/dockerfile/shell/lex.go`), as the Dockerfile frontend runs it on
 * instruction arguments at build time. Unlike `parser/expand.ts` (which computes values), this one
 * mirrors what BuildKit's checks observe: every variable *lookup*, split into names that were set
 * (`matched`) and names that were not (`unmatched`), including lookups inside a modifier's word
 * (`${a:-$b}` looks `b` up even when `a` is set, because Go processes the word first), `$1` and
 * special parameters (`$@`). buildkit-checks.md §3 "UndefinedVar".
 */
import { isRegExpSpace } from '../../parser/chars.js';

export interface LexOptions {
  /** The file's escape character (`\` or `` ` ``). */
  readonly escapeChar: string;
  /** `SkipProcessQuotes` (heredoc bodies): quotes are plain characters. */
  readonly skipProcessQuotes?: boolean;
}

export interface ProcessedWord {
  /** The expanded text (quotes removed unless `skipProcessQuotes`). */
  readonly result: string;
  /** `ProcessWords`: the result split into words the shell way (quoted parts are not split). */
  readonly words: readonly string[];
  /** Names looked up and found, in first-lookup order. */
  readonly matched: ReadonlySet<string>;
  /** Names looked up and not found, in first-lookup order (a Go map: one entry per name). */
  readonly unmatched: ReadonlySet<string>;
  /** Set when BuildKit's lexer would fail (`syntax error: bad substitution`, `X: is not allowed to be unset`). */
  readonly error: string | null;
}

export type EnvLookup = (name: string) => string | undefined;

class LexError extends Error {}

const EOF = '';
const SPECIAL_PARAMS = new Set(['@', '*', '#', '?', '-', '$', '!', '0']);
const LETTER_OR_DIGIT = /[\p{L}\p{Nd}_]/u;
const DIGIT = /\p{Nd}/u;

// The lexer asks these of every character of every word with a `$`, quote or escape: ASCII is
// answered by its code (as the Unicode classes above would), anything else by the class.
export function isSpace(character: string): boolean {
  // `\s` is the same set with or without the `u` flag, and no space lies outside the BMP.
  return isRegExpSpace(character.charCodeAt(0));
}

export function isDigit(character: string): boolean {
  const code = character.charCodeAt(0);
  if (code < 128) return code >= 48 && code <= 57;
  return DIGIT.test(character);
}

export function isLetterOrDigit(character: string): boolean {
  const code = character.charCodeAt(0);
  if (code < 128) return (code >= 97 && code <= 122) || (code >= 65 && code <= 90) || (code >= 48 && code <= 57) || code === 95;
  return LETTER_OR_DIGIT.test(character);
}

/** Go's `wordsStruct`: characters from `$` expansions split on whitespace, quoted text never does. */
class WordCollector {
  private word = '';
  private inWord = false;
  readonly words: string[] = [];

  addRune(character: string): void {
    if (isSpace(character)) {
      if (this.inWord && this.word.length > 0) {
        this.words.push(this.word);
        this.word = '';
        this.inWord = false;
      }
      return;
    }
    this.addRawRune(character);
  }

  addRawRune(character: string): void {
    this.word += character;
    this.inWord = true;
  }

  addString(text: string): void {
    for (const character of text) this.addRune(character);
  }

  addRawString(text: string): void {
    this.word += text;
    this.inWord = true;
  }

  finish(): string[] {
    if (this.word.length > 0) {
      this.words.push(this.word);
      this.word = '';
      this.inWord = false;
    }
    return this.words;
  }
}

class ShellWord {
  private index = 0;
  private readonly characters: string[];
  /** Names looked up and found / not found; made on the first of each (most words name none). */
  matched: Set<string> | null = null;
  unmatched: Set<string> | null = null;

  constructor(
    text: string,
    private readonly lookup: EnvLookup,
    private readonly escapeChar: string,
    private readonly skipProcessQuotes: boolean,
  ) {
    this.characters = [...text];
  }

  // Bounds checked, not `?? EOF`: a read past the end deoptimised the lexer ("out of bounds").
  private peek(): string {
    return this.index < this.characters.length ? this.characters[this.index]! : EOF;
  }

  private next(): string {
    const character = this.peek();
    if (character !== EOF) this.index++;
    return character;
  }

  private getEnv(name: string): string | undefined {
    const value = this.lookup(name);
    if (value !== undefined) (this.matched ??= new Set()).add(name);
    else (this.unmatched ??= new Set()).add(name);
    return value;
  }

  /** `processStopOn`: reads up to `stopChar` (or the end when `stopChar` is EOF). */
  processStopOn(stopChar: string, rawEscapes: boolean): { text: string; words: string[] } {
    let result = '';
    const words = new WordCollector();
    while (this.peek() !== EOF) {
      const character = this.peek();
      if (stopChar !== EOF && character === stopChar) {
        this.next();
        return { text: result, words: words.finish() };
      }
      if (character === '$') {
        const value = this.processDollar();
        result += value;
        words.addString(value);
      } else if (!this.skipProcessQuotes && (character === "'" || character === '"')) {
        const value = character === "'" ? this.processSingleQuote() : this.processDoubleQuote();
        result += value;
        words.addRawString(value);
      } else {
        let current = this.next();
        if (current === this.escapeChar) {
          if (rawEscapes) {
            words.addRawRune(current);
            result += current;
          }
          current = this.next();
          if (current === EOF) break;
          words.addRawRune(current);
        } else {
          words.addRune(current);
        }
        result += current;
      }
    }
    if (stopChar !== EOF) throw new LexError(`unexpected end of statement while looking for matching ${stopChar}`);
    return { text: result, words: words.finish() };
  }

  private processSingleQuote(): string {
    this.next();
    let result = '';
    for (;;) {
      const character = this.next();
      if (character === EOF) throw new LexError('unexpected end of statement while looking for matching single-quote');
      if (character === "'") return result;
      result += character;
    }
  }

  private processDoubleQuote(): string {
    this.next();
    let result = '';
    for (;;) {
      const character = this.peek();
      if (character === EOF) throw new LexError('unexpected end of statement while looking for matching double-quote');
      if (character === '"') {
        this.next();
        return result;
      }
      if (character === '$') {
        result += this.processDollar();
        continue;
      }
      let current = this.next();
      if (current === this.escapeChar) {
        const following = this.peek();
        if (following === EOF) continue;
        // Only `"`, `$` and the escape char itself can be escaped; other escapes stay as written.
        if (following === '"' || following === '$' || following === this.escapeChar) current = this.next();
      }
      result += current;
    }
  }

  private processName(): string {
    let name = '';
    while (this.peek() !== EOF) {
      const character = this.peek();
      if (name.length === 0 && isDigit(character)) {
        while (this.peek() !== EOF && isDigit(this.peek())) name += this.next();
        return name;
      }
      if (name.length === 0 && SPECIAL_PARAMS.has(character)) return this.next();
      if (!isLetterOrDigit(character)) break;
      name += this.next();
    }
    return name;
  }

  private processDollar(): string {
    this.next();
    if (this.peek() !== '{') {
      const name = this.processName();
      if (name === '') return '$';
      return this.getEnv(name) ?? '';
    }
    this.next();
    const first = this.peek();
    if (first === EOF) throw new LexError("syntax error: missing '}'");
    if (first === '{' || first === '}' || first === ':') throw new LexError('syntax error: bad substitution');
    const name = this.processName();
    let modifier = this.next();
    let nullIsUnset = false;
    if (modifier === '}') return this.getEnv(name) ?? '';
    if (modifier === ':') {
      nullIsUnset = true;
      modifier = this.next();
    }
    if (modifier === '+' || modifier === '-' || modifier === '?' || modifier === '#' || modifier === '%') {
      const rawEscapes = modifier === '#' || modifier === '%';
      if (nullIsUnset && rawEscapes) throw new LexError(`unsupported modifier (:${modifier}) in substitution`);
      let word: string;
      try {
        word = this.processStopOn('}', rawEscapes).text;
      } catch (error) {
        if (this.peek() === EOF) throw new LexError("syntax error: missing '}'");
        throw error;
      }
      const value = this.getEnv(name);
      const empty = value === undefined || (nullIsUnset && value === '');
      switch (modifier) {
        case '-':
          return empty ? word : (value ?? '');
        case '+':
          return empty ? '' : word;
        case '?':
          if (value === undefined) throw new LexError(`${name}: ${word || 'is not allowed to be unset'}`);
          if (empty) throw new LexError(`${name}: ${word || 'is not allowed to be empty'}`);
          return value;
        default:
          // `#`/`%` pattern trimming: a linter only needs the lookups, the value is approximated.
          return trimPattern(value ?? '', word, modifier);
      }
    }
    if (modifier === '/') {
      if (this.peek() === '/') this.next();
      this.processStopOn('/', true);
      this.processStopOn('}', true);
      return this.getEnv(name) ?? '';
    }
    throw new LexError(`unsupported modifier (${nullIsUnset ? ':' : ''}${modifier}) in substitution`);
  }
}

/** `${v#p}`/`${v%p}` with a literal pattern (globs are not evaluated: an approximation). */
function trimPattern(value: string, pattern: string, modifier: string): string {
  const literal = pattern.replace(/^[#%]/, '');
  if (modifier === '#') return value.startsWith(literal) ? value.slice(literal.length) : value;
  return value.endsWith(literal) ? value.slice(0, value.length - literal.length) : value;
}

const NO_NAMES: ReadonlySet<string> = new Set();
const SPACES = /\s+/u;

/** `Lex.ProcessWord` / `ProcessWords` with BuildKit's match tracking. Never throws. */
export function processWord(text: string, lookup: EnvLookup, options: LexOptions): ProcessedWord {
  // Most words (paths, ports, label values) have nothing to expand, unquote or unescape: the
  // lexer would copy them character by character, so the result is the text and the words are
  // its runs of non-blanks. The dispatch simulation runs this on every word of every file.
  if (
    !text.includes('$') &&
    !text.includes(options.escapeChar) &&
    (options.skipProcessQuotes || (!text.includes('"') && !text.includes("'")))
  ) {
    return { result: text, words: text.split(SPACES).filter((word) => word !== ''), matched: NO_NAMES, unmatched: NO_NAMES, error: null };
  }
  return processWordByCharacter(text, lookup, options);
}

/** The lexer proper, character by character (exported so tests can hold the shortcut to it). */
export function processWordByCharacter(text: string, lookup: EnvLookup, options: LexOptions): ProcessedWord {
  const shellWord = new ShellWord(text, lookup, options.escapeChar, options.skipProcessQuotes ?? false);
  try {
    const { text: result, words } = shellWord.processStopOn(EOF, false);
    return { result, words, matched: shellWord.matched ?? NO_NAMES, unmatched: shellWord.unmatched ?? NO_NAMES, error: null };
  } catch (error) {
    if (!(error instanceof LexError)) throw error;
    return { result: '', words: [], matched: shellWord.matched ?? NO_NAMES, unmatched: shellWord.unmatched ?? NO_NAMES, error: error.message };
  }
}
