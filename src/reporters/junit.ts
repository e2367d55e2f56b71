/**
 * JUnit XML, one `<testcase>` per linted file (the shape Jenkins, GitLab's `artifacts:reports:junit`
 * and most CI test tabs read): a clean file passes, a file with problems has one `<failure>` listing
 * them, and a file that could not be linted has an `<error>`. Times are 0 so the output is
 * deterministic.
 */
import { SEVERITY_RANK, type Finding, type Severity } from '../engine/types.js';
import { oneLine } from './compact.js';
import { displayPath, escapeXmlAttribute, escapeXmlText } from './format-helpers.js';
import type { Reporter } from './types.js';

function mostSevere(findings: readonly Finding[]): Severity {
  let level: Severity = 'style';
  for (const finding of findings) if (SEVERITY_RANK[finding.level] < SEVERITY_RANK[level]) level = finding.level;
  return level;
}

function countSummary(findings: readonly Finding[]): string {
  const counts: Record<Severity, number> = { error: 0, warning: 0, info: 0, style: 0 };
  for (const finding of findings) counts[finding.level]++;
  const parts = (['error', 'warning', 'info', 'style'] as const)
    .filter((level) => counts[level] > 0)
    .map((level) => `${counts[level]} ${level}${counts[level] > 1 && (level === 'error' || level === 'warning') ? 's' : ''}`);
  return `${findings.length} problem${findings.length === 1 ? '' : 's'} (${parts.join(', ')})`;
}

export const junitReporter: Reporter = (results, context) => {
  const cases: string[] = [];
  let failures = 0;
  let errors = 0;
  for (const result of results) {
    const name = escapeXmlAttribute(displayPath(result.file, context.cwd));
    const open = `    <testcase name="${name}" classname="${escapeXmlAttribute(context.toolName)}" file="${name}" time="0"`;
    if (result.error !== undefined) {
      errors++;
      cases.push(`${open}>\n      <error message="${escapeXmlAttribute(result.error)}" type="file-error"/>\n    </testcase>`);
      continue;
    }
    if (result.findings.length === 0) {
      cases.push(`${open}/>`);
      continue;
    }
    failures++;
    const details = result.findings
      .map((finding) => `${finding.line}:${finding.column} ${finding.level} ${finding.code} ${oneLine(finding.message)}`)
      .join('\n');
    cases.push(
      `${open}>\n      <failure message="${escapeXmlAttribute(countSummary(result.findings))}" type="${mostSevere(result.findings)}">${escapeXmlText(details)}</failure>\n    </testcase>`,
    );
  }
  const counts = `tests="${results.length}" failures="${failures}" errors="${errors}"`;
  const tool = escapeXmlAttribute(context.toolName);
  return [
    '<?xml version="1.0" encoding="UTF-8"?>',
    `<testsuites name="${tool}" ${counts} time="0">`,
    `  <testsuite name="${tool}" ${counts} skipped="0" time="0">`,
    ...cases,
    '  </testsuite>',
    '</testsuites>',
    '',
  ].join('\n');
};
