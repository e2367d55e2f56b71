import { describe, expect, it } from 'vitest';
import { applyFixesOnce } from '../../src/engine/fixer.js';
import type { Finding, Fix } from '../../src/engine/types.js';
import type { Position } from '../../src/parser/types.js';

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

describe('applyFixesOnce with many fixes', () => {
  /** A safe fix of these edits, each `[start, end, text]`. */
  const withEdits = (edits: readonly (readonly [Position, Position, string])[]) =>
    findingWith({ applicability: 'safe', description: 'x', edits: edits.map(([start, end, text]) => ({ range: { start, end }, text })) });
  const replaceAt = (line: number, from: number, to: number, text: string, applicability: 'safe' | 'unsafe' = 'safe') =>
    findingWith({ applicability, description: 'x', edits: [{ range: { start: at(line, from), end: at(line, to) }, text }] });

  it('applies fixes reported in any order of position, each against the original text', () => {
    const text = 'FROM a\nADD x /x\nADD y /y\nADD z /z\n';
    const findings = [replaceAt(3, 1, 4, 'COPY'), replaceAt(4, 1, 4, 'COPY'), replaceAt(2, 1, 4, 'COPY')];
    expect(applyFixesOnce(text, findings, { applicability: 'safe' }, '\n')).toEqual({ text: 'FROM a\nCOPY x /x\nCOPY y /y\nCOPY z /z\n', applied: 3 });
  });

  it('applies edits that only meet end to start, and keeps the first of two that overlap', () => {
    const text = 'abcdef\n';
    const findings = [replaceAt(1, 3, 5, 'CD'), replaceAt(1, 1, 3, 'AB'), replaceAt(1, 5, 7, 'EF'), replaceAt(1, 2, 4, 'no'), replaceAt(1, 6, 6, 'no')];
    expect(applyFixesOnce(text, findings, { applicability: 'safe' }, '\n')).toEqual({ text: 'ABCDEF\n', applied: 3 });
  });

  it('checks a fix of several edits against every chosen edit, not only its neighbours', () => {
    const text = 'ENV a b\nENV c d\nENV e f\n';
    const twoEdits = withEdits([
      [at(1, 6), at(1, 7), '='],
      [at(3, 6), at(3, 7), '='],
    ]);
    // The second edit of the later fix touches the first fix's only edit: the whole later fix waits.
    expect(applyFixesOnce(text, [replaceAt(3, 5, 8, 'g=h'), twoEdits, replaceAt(2, 6, 7, '=')], { applicability: 'safe' }, '\n')).toEqual({
      text: 'ENV a b\nENV c=d\nENV g=h\n',
      applied: 2,
    });
  });

  it('never applies a fix whose own edits touch each other or run backwards', () => {
    const selfTouching = withEdits([
      [at(1, 1), at(1, 1), 'a'],
      [at(1, 1), at(1, 1), 'b'],
    ]);
    const backwards = withEdits([[at(1, 5), at(1, 2), 'x']]);
    expect(applyFixesOnce('FROM a\n', [selfTouching, backwards, replaceAt(1, 1, 5, 'from')], { applicability: 'safe' }, '\n')).toEqual({
      text: 'from a\n',
      applied: 1,
    });
  });

  it('applies one fix on each of 6,000 lines in one pass', () => {
    const lines = Array.from({ length: 6000 }, (_, index) => `ADD f${index} /d/`);
    const findings = lines.map((_, index) => replaceAt(index + 1, 1, 4, 'COPY'));
    const { text, applied } = applyFixesOnce(`${lines.join('\n')}\n`, findings.reverse(), { applicability: 'safe' }, '\n');
    expect(applied).toBe(6000);
    expect(text).toBe(`${lines.map((line) => line.replace('ADD', 'COPY')).join('\n')}\n`);
  });
});
