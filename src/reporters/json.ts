import type { Finding } from '../engine/types.js';
import { reportFromParts } from './partwise.js';
import type { PartwiseReporter, Reporter } from './types.js';

/**
 * The JSON contract: one flat array, one object per finding. `code`, `column`, `file`, `level`,
 * `line` and `message` mean what they mean in hadolint's JSON, so scripts written for it keep
 * working. A file that could not be read at all appears as a `file-error` entry.
 */
export const jsonFormat: PartwiseReporter = {
  // A file's entries, each as `JSON.stringify(entries, null, 2)` prints it inside the array.
  part: (result) => {
    // A file's entries share its path: it is escaped once, not once per finding.
    // Concatenated in a loop: a `.map` list's elements kind depends on whether its caller is
    // optimised, and the `join` after it lost its optimised code when the kind changed.
    let lastFile: string | null = null;
    let lastFileJson = '';
    let text = '';
    const entries = entriesOf(result);
    for (let index = 0; index < entries.length; index++) {
      const entry = entries[index]!;
      if (entry.file !== lastFile) {
        lastFile = entry.file;
        lastFileJson = JSON.stringify(entry.file);
      }
      text += index === 0 ? entryText(entry, lastFileJson) : `,\n  ${entryText(entry, lastFileJson)}`;
    }
    return text;
  },
  opening: '[\n  ',
  separator: ',\n  ',
  closing: () => '\n]\n',
  empty: '[]\n',
};

export const jsonReporter: Reporter = reportFromParts(jsonFormat);

/** The fields of a finding the JSON contract prints. */
type Entry = Pick<Finding, 'file' | 'line' | 'column' | 'endLine' | 'endColumn' | 'code' | 'rule' | 'aliases' | 'level' | 'message' | 'fixable'>;

/**
 * One entry as `JSON.stringify(entry, null, 2)` prints it inside the array (every line indented two
 * more spaces), written out field by field: the generic indenting stringify and re-indenting
 * each entry took half the reporter's time on a whole-corpus run.
 */
function entryText(entry: Entry, fileJson: string): string {
  return (
    `{\n    "file": ${fileJson},\n    "line": ${entry.line},\n    "column": ${entry.column},` +
    `\n    "endLine": ${entry.endLine},\n    "endColumn": ${entry.endColumn},\n    "code": ${repeatedJson(entry.code)},` +
    `\n    "rule": ${repeatedJson(entry.rule)},\n    "aliases": ${aliasesJson(entry.aliases)},\n    "level": ${repeatedJson(entry.level)},` +
    `\n    "message": ${JSON.stringify(entry.message)},\n    "fixable": ${entry.fixable}\n  }`
  );
}

/** JSON of the short strings every entry repeats (codes, rule names, levels): a few hundred in all. */
const repeatedTexts = new Map<string, string>();

function repeatedJson(text: string): string {
  let json = repeatedTexts.get(text);
  if (json === undefined) {
    json = JSON.stringify(text);
    // A bound, in case some caller's codes are not a small set.
    if (repeatedTexts.size >= 4096) repeatedTexts.clear();
    repeatedTexts.set(text, json);
  }
  return json;
}

/** A rule's alias list is one array shared by all its findings: printed once per list. */
const aliasTexts = new WeakMap<readonly string[], string>();

function aliasesJson(aliases: readonly string[]): string {
  if (aliases.length === 0) return '[]';
  let json = aliasTexts.get(aliases);
  if (json === undefined) {
    json = `[\n      ${aliases.map((alias) => JSON.stringify(alias)).join(',\n      ')}\n    ]`;
    aliasTexts.set(aliases, json);
  }
  return json;
}

function entriesOf(result: Parameters<Reporter>[0][number]): Entry[] {
  const entries: Entry[] = [];
  if (result.error) {
    entries.push({
      file: result.file,
      line: 1,
      column: 1,
      endLine: 1,
      endColumn: 1,
      code: 'file-error',
      rule: 'file-error',
      aliases: [],
      level: 'error',
      message: result.error,
      fixable: false,
    });
  }
  for (const finding of result.findings) {
    entries.push({
      file: finding.file,
      line: finding.line,
      column: finding.column,
      endLine: finding.endLine,
      endColumn: finding.endColumn,
      code: finding.code,
      rule: finding.rule,
      aliases: finding.aliases,
      level: finding.level,
      message: finding.message,
      fixable: finding.fixable,
    });
  }
  return entries;
}
