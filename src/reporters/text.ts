import { Chalk, type ChalkInstance } from 'chalk';
import type { Finding, FixApplicability, Severity } from '../engine/types.js';
import { reportFromParts } from './partwise.js';
import type { PartwiseReporter, Reporter } from './types.js';

/** One Chalk per colour setting, made on first use (a part is rendered per file). */
const chalks = new Map<boolean, { chalk: ChalkInstance; paint: Record<Severity, (text: string) => string> }>();

function painterFor(color: boolean): { chalk: ChalkInstance; paint: Record<Severity, (text: string) => string> } {
  let painter = chalks.get(color);
  if (!painter) {
    const chalk = new Chalk({ level: color ? 1 : 0 });
    painter = {
      chalk,
      paint: {
        error: (text) => chalk.red(text),
        warning: (text) => chalk.yellow(text),
        info: (text) => chalk.cyan(text),
        style: (text) => chalk.gray(text),
      },
    };
    chalks.set(color, painter);
  }
  return painter;
}

function applicabilityOf(finding: Finding): FixApplicability | undefined {
  return finding.fixApplicability ?? finding.fix?.applicability;
}

/**
 * The default, human format: findings grouped per file, aligned columns, a summary line (ESLint's
 * "stylish"). Colour only when the CLI says so. A file with an error shows only that error.
 */
export const textFormat: PartwiseReporter = {
  part: (result, context) => {
    const { chalk, paint } = painterFor(context.color);
    if (result.error) return `${chalk.underline(result.file)}\n  ${paint.error('error')}  ${result.error}\n`;
    if (result.findings.length === 0) return '';
    const rows = result.findings.map((finding) => ({
      position: `${finding.line}:${finding.column}`,
      level: finding.level,
      message: finding.message,
      code: finding.code === finding.rule ? finding.code : `${finding.code} ${finding.rule}`,
      fixable: applicabilityOf(finding) ?? null,
    }));
    const positionWidth = Math.max(...rows.map((row) => row.position.length));
    const levelWidth = Math.max(...rows.map((row) => row.level.length));
    const lines = rows.map(
      (row) =>
        `  ${chalk.dim(row.position.padEnd(positionWidth))}  ${paint[row.level](row.level.padEnd(levelWidth))}  ${row.message}${row.fixable === 'safe' ? chalk.dim(' [fixable]') : row.fixable === 'unsafe' ? chalk.dim(' [unsafe fix]') : ''}  ${chalk.dim(row.code)}`,
    );
    return `${chalk.underline(result.file)}\n${lines.join('\n')}\n`;
  },
  tally: (result) => {
    if (result.error) return { fileErrors: 1 };
    const tally = { error: 0, warning: 0, info: 0, style: 0, fixable: 0, unsafeFixable: 0 };
    for (const finding of result.findings) {
      tally[finding.level]++;
      const applicability = applicabilityOf(finding);
      if (applicability === 'safe') tally.fixable++;
      else if (applicability === 'unsafe') tally.unsafeFixable++;
    }
    return tally;
  },
  opening: '',
  separator: '\n',
  closing: (tally, context) => {
    const { paint } = painterFor(context.color);
    const count = (key: string): number => tally[key] ?? 0;
    const total = count('error') + count('warning') + count('info') + count('style');
    const parts = [
      `${count('error')} error${count('error') === 1 ? '' : 's'}`,
      `${count('warning')} warning${count('warning') === 1 ? '' : 's'}`,
      `${count('info')} info`,
      `${count('style')} style`,
    ];
    const problems = `${total} problem${total === 1 ? '' : 's'} (${parts.join(', ')})`;
    const fileErrors = count('fileErrors');
    const unreadable = fileErrors > 0 ? `, ${fileErrors} file${fileErrors === 1 ? '' : 's'} not linted` : '';
    const summaryColor = count('error') > 0 || fileErrors > 0 ? paint.error : count('warning') > 0 ? paint.warning : paint.info;
    let summary = summaryColor(`✖ ${problems}${unreadable}`);
    if (count('fixable') > 0) summary += `\n  ${count('fixable')} fixable with --fix`;
    if (count('unsafeFixable') > 0) summary += `\n  ${count('unsafeFixable')} more fixable with --unsafe-fixes`;
    return `\n${summary}\n`;
  },
  empty: '',
};

export const textReporter: Reporter = reportFromParts(textFormat);
