import { describe, expect, it } from 'vitest';
import { applyFixesOnce } from '../../src/engine/fixer.js';
import type { Finding, Fix } from '../../src/engine/types.js';

function findingWith(fix: Fix): Finding {
  return { file: 'Dockerfile', line: 1, column: 1, endLine: 1, endColumn: 1, code: 'x', rule: 'x', aliases: [], level: 'warning', message: 'x', fixable: true, fix };
}

const at = (line: number, column: number) => ({ line, column });

describe('applyFixesOnce', () => {
  it('applies non-overlapping edits from the end, keeping CRLF line endings', () => {
    const text = 'FROM a\r\nADD x /x\r\n';
    const findings = [
      findingWith({ applicability: 'safe', description: 'ADD to COPY', edits: [{ range: { start: at(2, 1), end: at(2, 4) }, text: 'COPY' }] }),
      findingWith({ applicability: 'safe', description: 'add a line', edits: [{ range: { start: at(1, 7), end: at(1, 7) }, text: '\nUSER app' }] }),
    ];
    expect(applyFixesOnce(text, findings, { applicability: 'safe' }, '\r\n')).toEqual({ text: 'FROM a\r\nUSER app\r\nCOPY x /x\r\n', applied: 2 });
  });

  it('treats an insertion and a replacement at one offset as overlapping (the second waits for a later pass)', () => {
    const text = 'FROM a\nADD x /x\n';
    const replace = findingWith({ applicability: 'safe', description: 'ADD to COPY', edits: [{ range: { start: at(2, 1), end: at(2, 4) }, text: 'COPY' }] });
    const insert = findingWith({ applicability: 'safe', description: 'insert', edits: [{ range: { start: at(2, 1), end: at(2, 1) }, text: 'RUN y\n' }] });
    expect(applyFixesOnce(text, [replace, insert], { applicability: 'safe' }, '\n')).toEqual({ text: 'FROM a\nCOPY x /x\n', applied: 1 });
  });

  it('skips unsafe fixes unless asked', () => {
    const unsafe = findingWith({ applicability: 'unsafe', description: 'x', edits: [{ range: { start: at(1, 1), end: at(1, 5) }, text: 'from' }] });
    expect(applyFixesOnce('FROM a\n', [unsafe], { applicability: 'safe' }, '\n').applied).toBe(0);
    expect(applyFixesOnce('FROM a\n', [unsafe], { applicability: 'unsafe' }, '\n').text).toBe('from a\n');
  });
});
