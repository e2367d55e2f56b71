import { describe, expect, it } from 'vitest';
import type { FileResult } from '../../src/engine/types.js';
import { compactReporter } from '../../src/reporters/compact.js';
import { gnuReporter } from '../../src/reporters/gnu.js';
import { finding, reporterContext, sampleResults } from './support.js';

const context = reporterContext();

describe('compact reporter', () => {
  it('prints file:line:col: severity code message, style as info, file errors as file-error', () => {
    expect(compactReporter(sampleResults(), context)).toBe(
      [
        'services/api/Dockerfile:1:6: warning DL3007 Using latest is prone to errors if the image will ever update. Pin the version explicitly to a release tag',
        'services/api/Dockerfile:2:5: error DL3004 Do not use sudo as it leads to unpredictable behavior. Use a tool like gosu to enforce root',
        'services/api/Dockerfile:4:1: info DL3045 an info message: 100% sure, with "quotes" & <angle> brackets',
        'services/api/Dockerfile:5:1: info SC2086 Double quote to prevent globbing and word splitting.',
        'broken/Dockerfile:1:1: error file-error cannot read file: permission denied',
        '',
      ].join('\n'),
    );
  });

  it('keeps every message on one line and paths relative with /', () => {
    const results: FileResult[] = [{ file: '/repo/a/Dockerfile', findings: [finding('/repo/a/Dockerfile', 2, 3, 'DL3007', 'warning', 'one\n  two\r\nthree')] }];
    expect(compactReporter(results, context)).toBe('a/Dockerfile:2:3: warning DL3007 one two three\n');
  });

  it('prints nothing when clean', () => {
    expect(compactReporter([{ file: 'Dockerfile', findings: [] }], context)).toBe('');
  });
});

describe('gnu reporter', () => {
  it("prints hadolint's GNU shape with a column: tool:file:line:col: code severity: message", () => {
    expect(gnuReporter(sampleResults(), context).split('\n')).toEqual([
      'dockside:services/api/Dockerfile:1:6: DL3007 warning: Using latest is prone to errors if the image will ever update. Pin the version explicitly to a release tag',
      'dockside:services/api/Dockerfile:2:5: DL3004 error: Do not use sudo as it leads to unpredictable behavior. Use a tool like gosu to enforce root',
      'dockside:services/api/Dockerfile:4:1: DL3045 info: an info message: 100% sure, with "quotes" & <angle> brackets',
      'dockside:services/api/Dockerfile:5:1: SC2086 style: Double quote to prevent globbing and word splitting.',
      'dockside:broken/Dockerfile:1:1: file-error error: cannot read file: permission denied',
      '',
    ]);
  });
});
