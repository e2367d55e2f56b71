/**
 * Small pure helpers shared by the machine-readable reporters (paths, file errors, XML text).
 * Nothing here reads the file system or the environment.
 */
import { createHash } from 'node:crypto';
import { isAbsolute, relative, resolve, sep } from 'node:path';
import type { FileResult, Finding } from '../engine/types.js';

/** The code a file that could not be linted at all is reported under, in every format. */
export const FILE_ERROR_CODE = 'file-error';

/**
 * A path as the CI systems want it: relative to the working directory, with `/` separators
 * whatever the OS. A path outside the working directory stays absolute (with `/`), and `-` (stdin
 * without `--stdin-filename`) is kept as is.
 */
export function displayPath(file: string, cwd: string): string {
  if (file === '-') return file;
  const absolute = resolve(cwd, file);
  const relativePath = relative(cwd, absolute);
  const chosen = relativePath === '' || relativePath.startsWith('..') || isAbsolute(relativePath) ? absolute : relativePath;
  return sep === '/' ? chosen : chosen.split(sep).join('/');
}

/** A file-level error as a finding on line 1, so every format can show it like any other problem. */
export function fileErrorFinding(result: FileResult): Finding | null {
  if (result.error === undefined) return null;
  return {
    file: result.file,
    line: 1,
    column: 1,
    endLine: 1,
    endColumn: 1,
    code: FILE_ERROR_CODE,
    rule: FILE_ERROR_CODE,
    aliases: [],
    level: 'error',
    message: result.error,
    fixable: false,
  };
}

/** Every problem of a file: its file-level error first (if any), then its findings. */
export function problemsOf(result: FileResult): Finding[] {
  const fileError = fileErrorFinding(result);
  return fileError ? [fileError, ...result.findings] : [...result.findings];
}

/**
 * The end of a finding's range, made consistent for formats that insist on `end >= start`
 * (SARIF regions, GitHub's `endColumn`).
 */
export function normalizedEnd(finding: Finding): { endLine: number; endColumn: number } {
  if (finding.endLine > finding.line) return { endLine: finding.endLine, endColumn: Math.max(1, finding.endColumn) };
  return { endLine: finding.line, endColumn: Math.max(finding.column, finding.endColumn) };
}

/**
 * Characters XML 1.0 cannot carry at all (C0 controls other than tab, LF and CR; lone surrogates;
 * U+FFFE/U+FFFF). A message quoting a binary file's bytes must not make the report unparsable.
 */
// eslint-disable-next-line no-control-regex -- matching control characters is the point
const XML_INVALID = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

/** Text for XML element content. */
export function escapeXmlText(text: string): string {
  return text.replace(XML_INVALID, '\uFFFD').replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

/** Text for an XML attribute value (double-quoted). */
export function escapeXmlAttribute(text: string): string {
  return (
    escapeXmlText(text)
      .replace(/"/g, '&quot;')
      .replace(/'/g, '&apos;')
      // Attribute-value normalisation would turn raw line breaks and tabs into spaces.
      .replace(/\n/g, '&#10;')
      .replace(/\r/g, '&#13;')
      .replace(/\t/g, '&#9;')
  );
}

/** The text of each line of a source, trimmed, looked up by 1-based line number. */
export function lineLookup(source: string | undefined): (line: number) => string {
  if (source === undefined) return () => '';
  const lines = source.split(/\r\n|\n|\r/);
  return (line) => (lines[line - 1] ?? '').trim();
}

/**
 * Fingerprints for formats that track "the same problem" across runs (GitLab, Code Climate): a
 * SHA-256 of the path, the code, the message and the trimmed text of the finding's line, so a
 * finding keeps its fingerprint when lines are inserted above it. Identical problems on identical
 * lines are told apart by their order of appearance.
 */
export function stableFingerprints(path: string, source: string | undefined, problems: readonly Finding[]): string[] {
  const textOf = lineLookup(source);
  const seen = new Map<string, number>();
  return problems.map((problem) => {
    const key = JSON.stringify([path, problem.code, problem.message, source === undefined ? problem.line : textOf(problem.line)]);
    const occurrence = (seen.get(key) ?? 0) + 1;
    seen.set(key, occurrence);
    return createHash('sha256').update(`${key}#${occurrence}`).digest('hex');
  });
}
