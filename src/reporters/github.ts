/**
 * GitHub Actions workflow commands: one `::error|warning|notice file=…,line=…::message` line per
 * finding, turned into annotations on the pull request (linter-anchors.md §5.6 and §7).
 *
 * GitHub keeps at most 10 annotations of each type per step (and 50 per job), so the most severe
 * findings are emitted first and, past the cap, one plain line says how many were left out and
 * points at SARIF, which has no such limit.
 */
import { SEVERITY_RANK, type Finding, type Severity } from '../engine/types.js';
import { displayPath, normalizedEnd, problemsOf } from './format-helpers.js';
import type { Reporter } from './types.js';

export type AnnotationCommand = 'error' | 'warning' | 'notice';

export const ANNOTATION_COMMAND: Readonly<Record<Severity, AnnotationCommand>> = {
  error: 'error',
  warning: 'warning',
  info: 'notice',
  style: 'notice',
};

/** GitHub shows at most this many annotations of each type per step. */
export const ANNOTATIONS_PER_TYPE = 10;

/** Escaping of a command's message (actions/toolkit `escapeData`). */
export function escapeData(text: string): string {
  return text.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
}

/** Escaping of a command's property values (actions/toolkit `escapeProperty`). */
export function escapeProperty(text: string): string {
  return escapeData(text).replace(/:/g, '%3A').replace(/,/g, '%2C');
}

export interface Annotation {
  readonly command: AnnotationCommand;
  readonly message: string;
  readonly title: string;
  readonly file: string;
  readonly startLine: number;
  readonly endLine: number;
  /** Only when the finding is on one line: GitHub ignores columns on multi-line annotations. */
  readonly startColumn?: number;
  readonly endColumn?: number;
}

export interface AnnotationSelection {
  /** At most ANNOTATIONS_PER_TYPE per command, most severe first, then by file and line. */
  readonly annotations: readonly Annotation[];
  /** How many findings of each command were left out. */
  readonly omitted: Readonly<Record<AnnotationCommand, number>>;
}

function annotationOf(finding: Finding, cwd: string): Annotation {
  const { endLine, endColumn } = normalizedEnd(finding);
  const title = finding.code === finding.rule ? finding.code : `${finding.code} ${finding.rule}`;
  const base = { command: ANNOTATION_COMMAND[finding.level], message: finding.message, title, file: displayPath(finding.file, cwd), startLine: finding.line, endLine };
  return endLine === finding.line ? { ...base, startColumn: finding.column, endColumn } : base;
}

/** Picks what to annotate within GitHub's per-type cap. Shared with the GitHub Action. */
export function selectAnnotations(findings: readonly Finding[], cwd: string): AnnotationSelection {
  const ordered = findings
    .map((finding, order) => ({ finding, order }))
    .sort((a, b) => SEVERITY_RANK[a.finding.level] - SEVERITY_RANK[b.finding.level] || a.order - b.order);
  const emitted: Record<AnnotationCommand, number> = { error: 0, warning: 0, notice: 0 };
  const omitted: Record<AnnotationCommand, number> = { error: 0, warning: 0, notice: 0 };
  const annotations: Annotation[] = [];
  for (const { finding } of ordered) {
    const command = ANNOTATION_COMMAND[finding.level];
    if (emitted[command] < ANNOTATIONS_PER_TYPE) {
      emitted[command]++;
      annotations.push(annotationOf(finding, cwd));
    } else omitted[command]++;
  }
  return { annotations, omitted };
}

/** The line printed after the annotations when some were left out, or null. */
export function omittedNotice(omitted: Readonly<Record<AnnotationCommand, number>>): string | null {
  const parts = (['error', 'warning', 'notice'] as const)
    .filter((command) => omitted[command] > 0)
    .map((command) => `${omitted[command]} ${command}${omitted[command] === 1 ? '' : 's'}`);
  if (parts.length === 0) return null;
  const total = omitted.error + omitted.warning + omitted.notice;
  return (
    `dockside: ${total} more finding${total === 1 ? '' : 's'} not annotated (${parts.join(', ')}): GitHub shows at most ` +
    `${ANNOTATIONS_PER_TYPE} annotations of each type per step. For every finding, upload SARIF ` +
    `(dockside --format sarif --output-file dockside.sarif, then github/codeql-action/upload-sarif).`
  );
}

export function formatAnnotation(annotation: Annotation): string {
  const properties: [string, string | number | undefined][] = [
    ['file', annotation.file],
    ['line', annotation.startLine],
    ['col', annotation.startColumn],
    ['endLine', annotation.endLine],
    ['endColumn', annotation.endColumn],
    ['title', annotation.title],
  ];
  const rendered = properties
    .filter((entry): entry is [string, string | number] => entry[1] !== undefined && entry[1] !== '')
    .map(([key, value]) => `${key}=${escapeProperty(String(value))}`)
    .join(',');
  return `::${annotation.command} ${rendered}::${escapeData(annotation.message)}`;
}

export const githubReporter: Reporter = (results, context) => {
  const findings = results.flatMap((result) => problemsOf(result));
  const { annotations, omitted } = selectAnnotations(findings, context.cwd);
  const lines = annotations.map(formatAnnotation);
  const notice = omittedNotice(omitted);
  if (notice) lines.push(notice);
  return lines.length === 0 ? '' : `${lines.join('\n')}\n`;
};
