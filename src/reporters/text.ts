import { Chalk } from 'chalk';
import type { Severity } from '../engine/types.js';
import type { Reporter } from './types.js';

/**
 * The default, human format: findings grouped per file, aligned columns, a summary line (ESLint's
 * "stylish"). Colour only when the CLI says so.
 */
export const textReporter: Reporter = (results, context) => {
  const chalk = new Chalk({ level: context.color ? 1 : 0 });
  const paint: Record<Severity, (text: string) => string> = {
    error: (text) => chalk.red(text),
    warning: (text) => chalk.yellow(text),
    info: (text) => chalk.cyan(text),
    style: (text) => chalk.gray(text),
  };
  const counts: Record<Severity, number> = { error: 0, warning: 0, info: 0, style: 0 };
  let fixable = 0;
  let unsafeFixable = 0;
  let fileErrors = 0;
  const blocks: string[] = [];
  for (const result of results) {
    if (result.error) {
      fileErrors++;
      blocks.push(`${chalk.underline(result.file)}\n  ${paint.error('error')}  ${result.error}\n`);
      continue;
    }
    if (result.findings.length === 0) continue;
    const rows = result.findings.map((finding) => {
      counts[finding.level]++;
      const applicability = finding.fixApplicability ?? finding.fix?.applicability;
      if (applicability === 'safe') fixable++;
      else if (applicability === 'unsafe') unsafeFixable++;
      return {
        position: `${finding.line}:${finding.column}`,
        level: finding.level,
        message: finding.message,
        code: finding.code === finding.rule ? finding.code : `${finding.code} ${finding.rule}`,
        fixable: applicability ?? null,
      };
    });
    const positionWidth = Math.max(...rows.map((row) => row.position.length));
    const levelWidth = Math.max(...rows.map((row) => row.level.length));
    const lines = rows.map(
      (row) =>
        `  ${chalk.dim(row.position.padEnd(positionWidth))}  ${paint[row.level](row.level.padEnd(levelWidth))}  ${row.message}${row.fixable === 'safe' ? chalk.dim(' [fixable]') : row.fixable === 'unsafe' ? chalk.dim(' [unsafe fix]') : ''}  ${chalk.dim(row.code)}`,
    );
    blocks.push(`${chalk.underline(result.file)}\n${lines.join('\n')}\n`);
  }
  const total = counts.error + counts.warning + counts.info + counts.style;
  if (total === 0 && fileErrors === 0) return '';
  const parts = [
    `${counts.error} error${counts.error === 1 ? '' : 's'}`,
    `${counts.warning} warning${counts.warning === 1 ? '' : 's'}`,
    `${counts.info} info`,
    `${counts.style} style`,
  ];
  const problems = `${total} problem${total === 1 ? '' : 's'} (${parts.join(', ')})`;
  const unreadable = fileErrors > 0 ? `, ${fileErrors} file${fileErrors === 1 ? '' : 's'} not linted` : '';
  const summaryColor = counts.error > 0 || fileErrors > 0 ? paint.error : counts.warning > 0 ? paint.warning : paint.info;
  let summary = summaryColor(`✖ ${problems}${unreadable}`);
  if (fixable > 0) summary += `\n  ${fixable} fixable with --fix`;
  if (unsafeFixable > 0) summary += `\n  ${unsafeFixable} more fixable with --unsafe-fixes`;
  return `${blocks.join('\n')}\n${summary}\n`;
};
