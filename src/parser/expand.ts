/**
 * Variable expansion as BuildKit's `frontend/dockerfile/shell/lex.go` does it for Dockerfile
 * instructions (not for RUN, whose text the shell expands): `$X`, `${X}`, `${X:-d}`, `${X-d}`,
 * `${X:+d}`, `${X+d}`, `${X:?m}`, `${X?m}`, and the pattern forms `#`, `##`, `%`, `%%`, `/`, `//`
 * (kept as plain lookups: a linter only needs the value's presence). Single quotes stop expansion,
 * the escape char escapes `$`.
 */

export type VariableLookup = (name: string) => string | undefined;

export interface Expansion {
  readonly value: string;
  /** Every variable the text references, in order of appearance (duplicates kept). */
  readonly referenced: readonly string[];
  /** Referenced variables with no value and no default that covers them. */
  readonly unresolved: readonly string[];
}

const NAME_START = /[A-Za-z_]/;
const NAME_CHAR = /[A-Za-z0-9_]/;

export function expandVariables(
  text: string,
  lookup: VariableLookup,
  escapeChar: string,
  options: { removeQuotes?: boolean } = {},
): Expansion {
  // Most texts (paths, versions, label values) have nothing to expand, unquote or unescape; the
  // loop below would copy them character by character.
  if (!text.includes('$') && !text.includes(escapeChar) && !text.includes("'") && !text.includes('"')) {
    return { value: text, referenced: [], unresolved: [] };
  }
  const referenced: string[] = [];
  const unresolved: string[] = [];
  const removeQuotes = options.removeQuotes ?? true;
  let output = '';
  let index = 0;
  let inDouble = false;
  const length = text.length;

  // Reads `${...}` starting at `index` pointing to `{`; returns the expansion and the index after `}`.
  const readBraced = (openIndex: number): { value: string; next: number } => {
    let cursor = openIndex + 1;
    let name = '';
    while (cursor < length && NAME_CHAR.test(text[cursor]!)) name += text[cursor++]!;
    if (name === '' && cursor < length && /[0-9@*#?$!-]/.test(text[cursor]!)) name = text[cursor++]!;
    // Find the matching close brace, honouring nesting.
    let depth = 1;
    let end = cursor;
    while (end < length && depth > 0) {
      if (text[end] === escapeChar) {
        end += 2;
        continue;
      }
      if (text[end] === '{') depth++;
      else if (text[end] === '}') depth--;
      if (depth > 0) end++;
    }
    const modifierText = text.slice(cursor, Math.min(end, length));
    const next = Math.min(end + 1, length);
    if (name === '') return { value: '', next };
    referenced.push(name);
    const current = lookup(name);
    const operator = /^(:?[-+?=])/.exec(modifierText)?.[1] ?? '';
    const word = modifierText.slice(operator.length);
    const expandWord = (): string => {
      const inner = expandVariables(word, lookup, escapeChar, options);
      referenced.push(...inner.referenced);
      unresolved.push(...inner.unresolved);
      return inner.value;
    };
    switch (operator) {
      case ':-':
        return { value: current !== undefined && current !== '' ? current : expandWord(), next };
      case '-':
        return { value: current !== undefined ? current : expandWord(), next };
      case ':+':
        return { value: current !== undefined && current !== '' ? expandWord() : '', next };
      case '+':
        return { value: current !== undefined ? expandWord() : '', next };
      case ':?':
      case '?':
      case ':=':
      case '=':
        if (current === undefined) unresolved.push(name);
        return { value: current ?? '', next };
      default:
        if (current === undefined) unresolved.push(name);
        return { value: current ?? '', next };
    }
  };

  while (index < length) {
    const character = text[index]!;
    if (character === escapeChar && index + 1 < length) {
      // An escaped char is literal. Outside quotes the escape is removed when quotes are removed.
      output += removeQuotes ? text[index + 1]! : character + text[index + 1]!;
      index += 2;
      continue;
    }
    if (character === "'" && !inDouble) {
      const close = text.indexOf("'", index + 1);
      const end = close === -1 ? length : close;
      output += removeQuotes ? text.slice(index + 1, end) : text.slice(index, Math.min(end + 1, length));
      index = end + 1;
      continue;
    }
    if (character === '"') {
      inDouble = !inDouble;
      if (!removeQuotes) output += character;
      index++;
      continue;
    }
    if (character === '$' && index + 1 < length) {
      const next = text[index + 1]!;
      if (next === '{') {
        const braced = readBraced(index + 1);
        output += braced.value;
        index = braced.next;
        continue;
      }
      if (NAME_START.test(next)) {
        let cursor = index + 1;
        let name = '';
        while (cursor < length && NAME_CHAR.test(text[cursor]!)) name += text[cursor++]!;
        referenced.push(name);
        const current = lookup(name);
        if (current === undefined) unresolved.push(name);
        output += current ?? '';
        index = cursor;
        continue;
      }
    }
    output += character;
    index++;
  }
  return { value: output, referenced, unresolved };
}

/** Names referenced by `$X`/`${X...}` in a text, without evaluating anything. */
export function referencedVariables(text: string, escapeChar: string): string[] {
  if (!text.includes('$')) return [];
  return [...expandVariables(text, () => '', escapeChar).referenced];
}
