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
  part: (result) => entriesOf(result).map(entryText).join(',\n  '),
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
function entryText(entry: Entry): string {
  const aliases =
    entry.aliases.length === 0 ? '[]' : `[\n      ${entry.aliases.map((alias) => JSON.stringify(alias)).join(',\n      ')}\n    ]`;
  return (
    `{\n    "file": ${JSON.stringify(entry.file)},\n    "line": ${entry.line},\n    "column": ${entry.column},` +
    `\n    "endLine": ${entry.endLine},\n    "endColumn": ${entry.endColumn},\n    "code": ${JSON.stringify(entry.code)},` +
    `\n    "rule": ${JSON.stringify(entry.rule)},\n    "aliases": ${aliases},\n    "level": ${JSON.stringify(entry.level)},` +
    `\n    "message": ${JSON.stringify(entry.message)},\n    "fixable": ${entry.fixable}\n  }`
  );
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
