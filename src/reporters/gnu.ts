/**
 * The GNU error format (GNU Coding Standards, "Formatting Error Messages"), as hadolint's `gnu`
 * writes it (hadolint-rules.md §5) plus the column: `dockside:file:line:col: code severity: message`.
 * Emacs' compilation mode and similar tools jump to each location.
 */
import { displayPath, problemsOf } from './format-helpers.js';
import { oneLine } from './compact.js';
import { reportFromParts } from './partwise.js';
import type { PartwiseReporter, Reporter } from './types.js';

export const gnuFormat: PartwiseReporter = {
  part: (result, context) => {
    const path = displayPath(result.file, context.cwd);
    let text = '';
    for (const problem of problemsOf(result)) {
      text += `${context.toolName}:${path}:${problem.line}:${problem.column}: ${problem.code} ${problem.level}: ${oneLine(problem.message)}\n`;
    }
    return text;
  },
  opening: '',
  separator: '',
  closing: () => '',
  empty: '',
};

export const gnuReporter: Reporter = reportFromParts(gnuFormat);
