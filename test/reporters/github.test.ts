import * as core from '@actions/core';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { FileResult } from '../../src/engine/types.js';
import { escapeData, escapeProperty, formatAnnotation, githubReporter, selectAnnotations } from '../../src/reporters/github.js';
import { finding, reporterContext, sampleResults } from './support.js';

const context = reporterContext();

describe('github reporter', () => {
  afterEach(() => {
    vi.restoreAllMocks();
  });

  it('writes one workflow command per finding, most severe first, with notice for info and style', () => {
    expect(githubReporter(sampleResults(), context).split('\n')).toEqual([
      '::error file=services/api/Dockerfile,line=2,endLine=3,title=DL3004 no-sudo::Do not use sudo as it leads to unpredictable behavior. Use a tool like gosu to enforce root',
      '::error file=broken/Dockerfile,line=1,col=1,endLine=1,endColumn=1,title=file-error::cannot read file: permission denied',
      '::warning file=services/api/Dockerfile,line=1,col=6,endLine=1,endColumn=17,title=DL3007 no-latest-tag::Using latest is prone to errors if the image will ever update. Pin the version explicitly to a release tag',
      '::notice file=services/api/Dockerfile,line=4,col=1,endLine=4,endColumn=6,title=DL3045 copy-relative-workdir::an info message: 100%25 sure, with "quotes" & <angle> brackets',
      '::notice file=services/api/Dockerfile,line=5,col=1,endLine=5,endColumn=6,title=SC2086 shellcheck::Double quote to prevent globbing and word splitting.',
      '',
    ]);
  });

  it('prints nothing when clean', () => {
    expect(githubReporter([{ file: 'Dockerfile', findings: [] }], context)).toBe('');
  });

  it("escapes data and properties exactly as GitHub's toolkit does", () => {
    expect(escapeData('50% done\r\nnext: a,b')).toBe('50%25 done%0D%0Anext: a,b');
    expect(escapeProperty('C:\\dir,with%\nnewline')).toBe('C%3A\\dir%2Cwith%25%0Anewline');
    const file = 'odd dir/a,b:c%d/Dockerfile';
    const results: FileResult[] = [{ file, findings: [finding(file, 3, 2, 'DL3007', 'warning', 'first line\nsecond: 100%, done\r')] }];
    const ours = githubReporter(results, context).trimEnd();
    // @actions/core writes the same command for the same annotation.
    const written: string[] = [];
    vi.spyOn(process.stdout, 'write').mockImplementation((chunk: string | Uint8Array) => {
      written.push(String(chunk));
      return true;
    });
    core.warning('first line\nsecond: 100%, done\r', {
      file,
      startLine: 3,
      startColumn: 2,
      endLine: 3,
      endColumn: 7,
      title: 'DL3007 no-latest-tag',
    });
    vi.restoreAllMocks();
    const fromToolkit = written.join('').trimEnd();
    const parse = (command: string): { head: string; properties: string[]; message: string } => {
      const match = /^::(\w+) (.*?)::(.*)$/.exec(command)!;
      return { head: match[1]!, properties: match[2]!.split(',').sort(), message: match[3]! };
    };
    expect(parse(ours)).toEqual(parse(fromToolkit));
    expect(ours).toBe(
      '::warning file=odd dir/a%2Cb%3Ac%25d/Dockerfile,line=3,col=2,endLine=3,endColumn=7,title=DL3007 no-latest-tag::first line%0Asecond: 100%25, done%0D',
    );
  });

  it('caps annotations at 10 per type, most severe first, then says how many more and points at SARIF', () => {
    const file = 'Dockerfile';
    const findings = [
      ...Array.from({ length: 25 }, (_, index) => finding(file, index + 1, 1, 'DL3007', 'warning', `warning ${index + 1}`)),
      ...Array.from({ length: 12 }, (_, index) => finding(file, 100 + index, 1, 'DL3004', 'error', `error ${index + 1}`)),
      ...Array.from({ length: 3 }, (_, index) => finding(file, 200 + index, 1, 'DL3045', 'style', `style ${index + 1}`)),
    ];
    const lines = githubReporter([{ file, findings }], context).trimEnd().split('\n');
    expect(lines).toHaveLength(24);
    expect(lines.slice(0, 10).every((line) => line.startsWith('::error '))).toBe(true);
    expect(lines[0]).toContain('::error 1');
    expect(lines.slice(10, 20).every((line) => line.startsWith('::warning '))).toBe(true);
    expect(lines[10]).toMatch(/::warning 1$/);
    expect(lines.slice(20, 23).every((line) => line.startsWith('::notice '))).toBe(true);
    expect(lines[23]).toBe(
      'dockside: 17 more findings not annotated (2 errors, 15 warnings): GitHub shows at most 10 annotations of each type per step. ' +
        'For every finding, upload SARIF (dockside --format sarif --output-file dockside.sarif, then github/codeql-action/upload-sarif).',
    );
    expect(selectAnnotations(findings, '/repo').omitted).toEqual({ error: 2, warning: 15, notice: 0 });
  });

  it('omits columns on multi-line annotations, as GitHub ignores them there', () => {
    expect(
      formatAnnotation({ command: 'error', message: 'm', title: 't', file: 'f', startLine: 2, endLine: 4 }),
    ).toBe('::error file=f,line=2,endLine=4,title=t::m');
  });
});
