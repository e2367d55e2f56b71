/**
 * The GNU error format (GNU Coding Standards, "Formatting Error Messages"), as hadolint's `gnu`
 * writes it (hadolint-rules.md §5) plus the column: `dockside:file:line:col: code severity: message`.
 * Emacs' compilation mode and similar tools jump to each location.
 */
import { lineFormat, oneLine } from './compact.js';
import { reportFromParts } from './partwise.js';
import type { PartwiseReporter, Reporter } from './types.js';

export const gnuFormat: PartwiseReporter = lineFormat(
  (problem, path, context) => `${context.toolName}:${path}:${problem.line}:${problem.column}: ${problem.code} ${problem.level}: ${oneLine(problem.message)}`,
);

export const gnuReporter: Reporter = reportFromParts(gnuFormat);
