/**
 * One line per problem, `file:line:col: severity code message`, made for problem matchers (GitHub's
 * `::add-matcher::` and VS Code's `tasks.json`, linter-anchors.md §5.7). The severity word is
 * `error`, `warning` or `info`: `style` prints as `info` because VS Code knows only those three
 * (§6.5 table). Messages are kept on one line so a matcher's single-line pattern sees all of them.
 */
import type { Finding, Severity } from '../engine/types.js';
import { displayPath, problemsOf } from './format-helpers.js';
import { reportFromParts } from './partwise.js';
import type { PartwiseReporter, Reporter, ReporterContext } from './types.js';

const COMPACT_SEVERITY: Readonly<Record<Severity, string>> = { error: 'error', warning: 'warning', info: 'info', style: 'info' };

export function oneLine(text: string): string {
  return text.replace(/\s*(?:\r\n|\r|\n)\s*/g, ' ');
}

/**
 * A line format: one line per problem of a file (its file-level error first), rendered by `line`
 * from the problem and the file's display path. Shared by `compact` and `gnu`.
 */
export function lineFormat(line: (problem: Finding, path: string, context: ReporterContext) => string): PartwiseReporter {
  return {
    part: (result, context) => {
      const path = displayPath(result.file, context.cwd);
      let text = '';
      for (const problem of problemsOf(result)) text += `${line(problem, path, context)}\n`;
      return text;
    },
    opening: '',
    separator: '',
    closing: () => '',
    empty: '',
  };
}

export const compactFormat: PartwiseReporter = lineFormat(
  (problem, path) => `${path}:${problem.line}:${problem.column}: ${COMPACT_SEVERITY[problem.level]} ${problem.code} ${oneLine(problem.message)}`,
);

export const compactReporter: Reporter = reportFromParts(compactFormat);
