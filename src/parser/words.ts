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

function isBlank(character: string): boolean {
  return character === ' ' || character === '\t' || character === '\n' || character === '\r';
}

export function splitWords(text: string, escapeChar: string): RawWord[] {
  const words: RawWord[] = [];
  let index = 0;
  const length = text.length;
  while (index < length) {
    while (index < length && isBlank(text[index]!)) index++;
    if (index >= length) break;
    const start = index;
    let value = '';
    let quote: string | null = null;
    let quoted = false;
    while (index < length) {
      const character = text[index]!;
      if (quote === null) {
        if (isBlank(character)) break;
        if (character === escapeChar && index + 1 < length) {
          value += text[index + 1];
          index += 2;
          continue;
        }
        if (character === '"' || character === "'") {
          quote = character;
          quoted = true;
          index++;
          continue;
        }
        value += character;
        index++;
      } else {
        if (character === quote) {
          quote = null;
          index++;
          continue;
        }
        // Inside double quotes the escape char escapes the quote, itself and `$`, as in BuildKit's lexer.
        if (quote === '"' && character === escapeChar && index + 1 < length) {
          const next = text[index + 1]!;
          if (next === '"' || next === escapeChar || next === '$') {
            value += next;
            index += 2;
            continue;
          }
        }
        value += character;
        index++;
      }
    }
    words.push({ value, raw: text.slice(start, index), start, end: index, quoted, unterminatedQuote: quote !== null });
  }
  return words;
}

/** Removes one level of quotes and escapes from a single word. */
export function unquote(text: string, escapeChar: string): string {
  const words = splitWords(text, escapeChar);
  if (words.length === 1 && words[0]!.start === 0 && words[0]!.end === text.length) return words[0]!.value;
  return words.map((word) => word.value).join(' ');
}
