/**
 * The GNU error format (GNU Coding Standards, "Formatting Error Messages"), as hadolint's `gnu`
 * writes it (hadolint-rules.md §5) plus the column: `dockside:file:line:col: code severity: message`.
 * Emacs' compilation mode and similar tools jump to each location.
 */
import { displayPath, problemsOf } from './format-helpers.js';
import { oneLine } from './compact.js';
import type { Reporter } from './types.js';

export const gnuReporter: Reporter = (results, context) => {
  const lines: string[] = [];
  for (const result of results) {
    const path = displayPath(result.file, context.cwd);
    for (const problem of problemsOf(result)) {
      lines.push(`${context.toolName}:${path}:${problem.line}:${problem.column}: ${problem.code} ${problem.level}: ${oneLine(problem.message)}`);
    }
  }
  return lines.length === 0 ? '' : `${lines.join('\n')}\n`;
};
