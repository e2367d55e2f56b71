/**
 * Checkstyle XML (the format Jenkins' Warnings plugin, reviewdog and many CI dashboards read), in
 * hadolint's shape (hadolint-rules.md §5): one `<file>` per linted file, an empty one when clean,
 * one `<error>` per problem with `line`, `column`, `severity`, `message` and `source` (the code).
 * Checkstyle's severities are error, warning, info and ignore: `style` becomes `info`.
 */
import type { Severity } from '../engine/types.js';
import { displayPath, escapeXmlAttribute, problemsOf } from './format-helpers.js';
import type { Reporter } from './types.js';

const CHECKSTYLE_SEVERITY: Readonly<Record<Severity, string>> = { error: 'error', warning: 'warning', info: 'info', style: 'info' };

export const checkstyleReporter: Reporter = (results, context) => {
  const lines = ['<?xml version="1.0" encoding="UTF-8"?>', '<checkstyle version="4.3">'];
  for (const result of results) {
    const problems = problemsOf(result);
    const name = escapeXmlAttribute(displayPath(result.file, context.cwd));
    if (problems.length === 0) {
      lines.push(`  <file name="${name}"/>`);
      continue;
    }
    lines.push(`  <file name="${name}">`);
    for (const problem of problems) {
      lines.push(
        `    <error line="${problem.line}" column="${problem.column}" severity="${CHECKSTYLE_SEVERITY[problem.level]}" message="${escapeXmlAttribute(problem.message)}" source="${escapeXmlAttribute(problem.code)}"/>`,
      );
    }
    lines.push('  </file>');
  }
  lines.push('</checkstyle>');
  return `${lines.join('\n')}\n`;
};
