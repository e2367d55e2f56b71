import type { Reporter } from './types.js';

/**
 * The JSON contract: one flat array, one object per finding. `code`, `column`, `file`, `level`,
 * `line` and `message` mean what they mean in hadolint's JSON, so scripts written for it keep
 * working. A file that could not be read at all appears as a `file-error` entry.
 */
export const jsonReporter: Reporter = (results) => {
  const entries: Record<string, unknown>[] = [];
  for (const result of results) {
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
  }
  return `${JSON.stringify(entries, null, 2)}\n`;
};
