/**
 * Splitting instruction arguments into words the way BuildKit's parser does before dispatch:
 * whitespace outside quotes separates words; quotes and escapes are kept in `raw` and resolved in
 * `value`. The escape character is the file's (`\` or `` ` `` from `# escape=`).
 */

export interface RawWord {
  /** Quotes removed and escapes resolved (no variable expansion). */
  readonly value: string;
  readonly raw: string;
  readonly start: number;
  readonly end: number;
  /** True when some part of the word was inside quotes. */
  readonly quoted: boolean;
  /** True when a quote was left open at the end of the text. */
  readonly unterminatedQuote: boolean;
}

function isBlankCode(code: number): boolean {
  return code === 32 || code === 9 || code === 10 || code === 13;
}

const DOUBLE_QUOTE = 34;
const SINGLE_QUOTE = 39;
const DOLLAR = 36;

/**
 * Splits `text` into words. With `flagsOnly`, stops after the first word that is not a `--flag`
 * (callers reading leading flags need no more). Plain runs of characters are sliced, not copied
 * one by one: this runs on every instruction of every file.
 */
export function splitWords(text: string, escapeChar: string, flagsOnly = false): RawWord[] {
  const words: RawWord[] = [];
  const escape = escapeChar.charCodeAt(0);
  let index = 0;
  const length = text.length;
  while (index < length) {
    while (index < length && isBlankCode(text.charCodeAt(index))) index++;
    if (index >= length) break;
    const start = index;
    let value = '';
    let quote = 0;
    let quoted = false;
    // Start of the current run of characters copied as they are.
    let plainFrom = index;
    while (index < length) {
      const code = text.charCodeAt(index);
      if (quote === 0) {
        if (isBlankCode(code)) break;
        if (code === escape && index + 1 < length) {
          value += text.slice(plainFrom, index) + text[index + 1];
          index += 2;
          plainFrom = index;
          continue;
        }
        if (code === DOUBLE_QUOTE || code === SINGLE_QUOTE) {
          value += text.slice(plainFrom, index);
          quote = code;
          quoted = true;
          index++;
          plainFrom = index;
          continue;
        }
        index++;
      } else {
        if (code === quote) {
          value += text.slice(plainFrom, index);
          quote = 0;
          index++;
          plainFrom = index;
          continue;
        }
        // Inside double quotes the escape char escapes the quote, itself and `$`, as in BuildKit's lexer.
        if (quote === DOUBLE_QUOTE && code === escape && index + 1 < length) {
          const next = text.charCodeAt(index + 1);
          if (next === DOUBLE_QUOTE || next === escape || next === DOLLAR) {
            value += text.slice(plainFrom, index) + text[index + 1];
            index += 2;
            plainFrom = index;
            continue;
          }
        }
        index++;
      }
    }
    const raw = text.slice(start, index);
    // A word without quotes or escapes is its own value: one string, not two equal ones.
    value = plainFrom === start ? raw : value + text.slice(plainFrom, index);
    words.push({ value, raw, start, end: index, quoted, unterminatedQuote: quote !== 0 });
    if (flagsOnly && (raw === '--' || !raw.startsWith('--'))) break;
  }
  return words;
}

/** Removes one level of quotes and escapes from a single word. */
export function unquote(text: string, escapeChar: string): string {
  const words = splitWords(text, escapeChar);
  if (words.length === 1 && words[0]!.start === 0 && words[0]!.end === text.length) return words[0]!.value;
  return words.map((word) => word.value).join(' ');
}
