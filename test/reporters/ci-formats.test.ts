import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Ajv } from 'ajv';
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { parse as parseTestResults } from 'test-results-parser';
import { describe, expect, it } from 'vitest';
import type { FileResult } from '../../src/engine/types.js';
import { checkstyleReporter } from '../../src/reporters/checkstyle.js';
import { codeclimateReporter } from '../../src/reporters/codeclimate.js';
import { gitlabReporter } from '../../src/reporters/gitlab.js';
import { FORMAT_NAMES, loadReporter } from '../../src/reporters/index.js';
import { junitReporter } from '../../src/reporters/junit.js';
import { API_SOURCE, finding, reporterContext, sampleResults } from './support.js';

const context = reporterContext();
const xml = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: '', htmlEntities: true, isArray: (name) => ['file', 'error', 'testcase', 'testsuite'].includes(name) });

/**
 * GitLab publishes no JSON schema for Code Quality reports; this one encodes the fields and values
 * its docs require ("Code Quality report format": description, check_name, fingerprint, severity,
 * location.path, location.lines.begin) and the Code Climate spec's optional ones we write.
 */
const gitlabIssueSchema = {
  type: 'object',
  required: ['description', 'check_name', 'fingerprint', 'severity', 'location'],
  properties: {
    type: { const: 'issue' },
    description: { type: 'string', minLength: 1 },
    check_name: { type: 'string', minLength: 1 },
    fingerprint: { type: 'string', pattern: '^[0-9a-f]{64}$' },
    severity: { enum: ['info', 'minor', 'major', 'critical', 'blocker'] },
    categories: { type: 'array', items: { enum: ['Bug Risk', 'Clarity', 'Compatibility', 'Complexity', 'Duplication', 'Performance', 'Security', 'Style'] } },
    location: {
      type: 'object',
      required: ['path'],
      properties: {
        path: { type: 'string', minLength: 1, not: { pattern: '^/|\\\\' } },
        lines: { type: 'object', required: ['begin'], properties: { begin: { type: 'integer', minimum: 1 }, end: { type: 'integer', minimum: 1 } } },
        positions: {
          type: 'object',
          required: ['begin', 'end'],
          properties: {
            begin: { type: 'object', required: ['line', 'column'], properties: { line: { type: 'integer', minimum: 1 }, column: { type: 'integer', minimum: 1 } } },
            end: { type: 'object', required: ['line', 'column'], properties: { line: { type: 'integer', minimum: 1 }, column: { type: 'integer', minimum: 1 } } },
          },
        },
      },
      oneOf: [{ required: ['lines'] }, { required: ['positions'] }],
    },
  },
};
const validateIssue = new Ajv({ allErrors: true }).compile(gitlabIssueSchema);

describe('checkstyle reporter', () => {
  it('writes well-formed checkstyle XML: one <file> per linted file, one <error> per problem', () => {
    const output = checkstyleReporter(sampleResults(), context);
    expect(XMLValidator.validate(output)).toBe(true);
    const parsed = xml.parse(output) as { checkstyle: { version: string; file: { name: string; error?: Record<string, string>[] }[] } };
    expect(parsed.checkstyle.version).toBe('4.3');
    expect(parsed.checkstyle.file.map((file) => file.name)).toEqual(['services/api/Dockerfile', 'web/Dockerfile', 'broken/Dockerfile']);
    expect(parsed.checkstyle.file[0]!.error).toEqual([
      { line: '1', column: '6', severity: 'warning', message: 'Using latest is prone to errors if the image will ever update. Pin the version explicitly to a release tag', source: 'DL3007' },
      { line: '2', column: '5', severity: 'error', message: 'Do not use sudo as it leads to unpredictable behavior. Use a tool like gosu to enforce root', source: 'DL3004' },
      { line: '4', column: '1', severity: 'info', message: 'an info message: 100% sure, with "quotes" & <angle> brackets', source: 'DL3045' },
      { line: '5', column: '1', severity: 'info', message: 'Double quote to prevent globbing and word splitting.', source: 'SC2086' },
    ]);
    expect(parsed.checkstyle.file[1]!.error).toBeUndefined();
    expect(parsed.checkstyle.file[2]!.error).toEqual([
      { line: '1', column: '1', severity: 'error', message: 'cannot read file: permission denied', source: 'file-error' },
    ]);
  });

  it('survives characters XML cannot carry and keeps line breaks in attributes', () => {
    const file = 'a&b/<x>.Dockerfile';
    const results: FileResult[] = [{ file, findings: [finding(file, 1, 1, 'DL3007', 'warning', 'bytes \u0000\u0007 here\nand "there"')] }];
    const output = checkstyleReporter(results, context);
    expect(XMLValidator.validate(output)).toBe(true);
    const parsed = xml.parse(output) as { checkstyle: { file: { name: string; error: Record<string, string>[] }[] } };
    expect(parsed.checkstyle.file[0]!.name).toBe(file);
    expect(parsed.checkstyle.file[0]!.error[0]!.message).toBe('bytes \uFFFD\uFFFD here\nand "there"');
  });
});

describe('junit reporter', () => {
  it('is read by a real JUnit consumer (test-results-parser): one test case per file', () => {
    const folder = mkdtempSync(join(tmpdir(), 'dockside-junit-'));
    try {
      const output = junitReporter(sampleResults(), context);
      expect(XMLValidator.validate(output)).toBe(true);
      const path = join(folder, 'junit.xml');
      writeFileSync(path, output);
      const parsed = parseTestResults({ type: 'junit', files: [path] });
      expect(parsed.total).toBe(3);
      expect(parsed.passed).toBe(1);
      const cases = parsed.suites.flatMap((suite) => suite.cases);
      expect(cases.map((testCase) => [testCase.name, testCase.status])).toEqual([
        ['services/api/Dockerfile', 'FAIL'],
        ['web/Dockerfile', 'PASS'],
        ['broken/Dockerfile', 'FAIL'],
      ]);
      expect(cases[0]!.failure).toBe('4 problems (1 error, 1 warning, 1 info, 1 style)');
      expect(cases[0]!.stack_trace).toContain('2:5 error DL3004 Do not use sudo');
      expect(cases[0]!.stack_trace).toContain('4:1 info DL3045 an info message: 100% sure, with "quotes" & <angle> brackets');
      expect(cases[2]!.failure).toBe('cannot read file: permission denied');
    } finally {
      rmSync(folder, { recursive: true, force: true });
    }
  });

  it('counts tests, failures and errors on both levels', () => {
    const parsed = xml.parse(junitReporter(sampleResults(), context)) as {
      testsuites: Record<string, string> & { testsuite: (Record<string, string> & { testcase: unknown[] })[] };
    };
    expect(parsed.testsuites).toMatchObject({ tests: '3', failures: '1', errors: '1' });
    expect(parsed.testsuites.testsuite[0]).toMatchObject({ name: 'dockside', tests: '3', failures: '1', errors: '1' });
    expect(parsed.testsuites.testsuite[0]!.testcase).toHaveLength(3);
  });
});

describe('gitlab reporter', () => {
  it('writes a Code Quality report GitLab accepts', () => {
    const issues = JSON.parse(gitlabReporter(sampleResults(), context)) as Record<string, unknown>[];
    expect(issues).toHaveLength(5);
    for (const issue of issues) expect(validateIssue(issue), JSON.stringify(validateIssue.errors)).toBe(true);
    expect(issues[1]).toMatchObject({
      check_name: 'DL3004',
      description: 'Do not use sudo as it leads to unpredictable behavior. Use a tool like gosu to enforce root (no-sudo)',
      severity: 'blocker',
      location: { path: 'services/api/Dockerfile', lines: { begin: 2, end: 3 } },
    });
    expect(issues.map((issue) => issue.severity)).toEqual(['major', 'blocker', 'info', 'minor', 'blocker']);
    expect(issues[4]).toMatchObject({ check_name: 'file-error', location: { path: 'broken/Dockerfile', lines: { begin: 1 } } });
    expect(new Set(issues.map((issue) => issue.fingerprint)).size).toBe(5);
    expect(JSON.parse(gitlabReporter([], context))).toEqual([]);
  });

  it('keeps fingerprints when lines move, and tells identical problems apart', () => {
    const file = 'Dockerfile';
    const before: FileResult[] = [{ file, source: API_SOURCE, findings: [finding(file, 1, 6, 'DL3007', 'warning', 'm')] }];
    const after: FileResult[] = [{ file, source: `# comment\n${API_SOURCE}`, findings: [finding(file, 2, 6, 'DL3007', 'warning', 'm')] }];
    const fingerprint = (results: FileResult[]): unknown => (JSON.parse(gitlabReporter(results, context)) as { fingerprint: string }[])[0]!.fingerprint;
    expect(fingerprint(after)).toBe(fingerprint(before));
    const twice: FileResult[] = [{ file, source: 'RUN x\nRUN x\n', findings: [finding(file, 1, 1, 'DL3007', 'warning', 'm'), finding(file, 2, 1, 'DL3007', 'warning', 'm')] }];
    const prints = (JSON.parse(gitlabReporter(twice, context)) as { fingerprint: string }[]).map((issue) => issue.fingerprint);
    expect(prints[0]).not.toBe(prints[1]);
  });
});

describe('codeclimate reporter', () => {
  it('writes NUL-terminated Code Climate issues with positions', () => {
    const output = codeclimateReporter(sampleResults(), context);
    expect(output.endsWith('\0')).toBe(true);
    const issues = output.split('\0').slice(0, -1).map((text) => JSON.parse(text) as Record<string, unknown>);
    expect(issues).toHaveLength(5);
    for (const issue of issues) expect(validateIssue(issue), JSON.stringify(validateIssue.errors)).toBe(true);
    expect(issues[0]).toEqual({
      type: 'issue',
      check_name: 'DL3007',
      description: 'Using latest is prone to errors if the image will ever update. Pin the version explicitly to a release tag',
      categories: ['Bug Risk'],
      location: { path: 'services/api/Dockerfile', positions: { begin: { line: 1, column: 6 }, end: { line: 1, column: 17 } } },
      severity: 'major',
      fingerprint: expect.stringMatching(/^[0-9a-f]{64}$/) as unknown,
    });
    expect(codeclimateReporter([], context)).toBe('');
  });
});

describe('every format', () => {
  it('shows a file that could not be linted', async () => {
    const results: FileResult[] = [{ file: 'locked/Dockerfile', findings: [], error: 'cannot read file: permission denied' }];
    for (const name of FORMAT_NAMES) {
      const reporter = (await loadReporter(name))!;
      const output = reporter(results, context);
      expect(output, name).toContain('locked/Dockerfile');
      expect(output, name).toContain('cannot read file: permission denied');
    }
  });
});
