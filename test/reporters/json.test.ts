import { describe, expect, it } from 'vitest';
import type { FileResult } from '../../src/engine/types.js';
import { jsonFormat, jsonReporter } from '../../src/reporters/json.js';
import { ReportAssembler, reportPieces } from '../../src/reporters/partwise.js';
import { finding, reporterContext, sampleResults } from './support.js';

/** What the JSON contract says the output is: one pretty-printed array of flat entries. */
function expectedJson(results: readonly FileResult[]): string {
  const entries = results.flatMap((result) => [
    ...(result.error
      ? [{ file: result.file, line: 1, column: 1, endLine: 1, endColumn: 1, code: 'file-error', rule: 'file-error', aliases: [], level: 'error', message: result.error, fixable: false }]
      : []),
    ...result.findings.map((entry) => ({
      file: entry.file,
      line: entry.line,
      column: entry.column,
      endLine: entry.endLine,
      endColumn: entry.endColumn,
      code: entry.code,
      rule: entry.rule,
      aliases: entry.aliases,
      level: entry.level,
      message: entry.message,
      fixable: entry.fixable,
    })),
  ]);
  return `${JSON.stringify(entries, null, 2)}\n`;
}

describe('json reporter', () => {
  it('prints the contract for the sample results, and [] for none', () => {
    const results = sampleResults();
    expect(jsonReporter(results, reporterContext())).toBe(expectedJson(results));
    expect(jsonReporter([], reporterContext())).toBe('[]\n');
    expect(jsonReporter([{ file: 'Dockerfile', findings: [] }], reporterContext())).toBe('[]\n');
  });

  it('streams the same text in pieces for a large run', () => {
    const results: FileResult[] = Array.from({ length: 400 }, (_, index) => ({
      file: `services/app-${index}/Dockerfile`,
      findings: Array.from({ length: 5 }, (__, line) =>
        finding(`services/app-${index}/Dockerfile`, line + 1, 1, 'DL3008', 'warning', `Pin versions in apt get install "é\\${line}"`),
      ),
    }));
    const pieces = [...reportPieces(jsonFormat, results, reporterContext())];
    expect(pieces.length).toBeGreaterThan(3);
    expect(pieces.join('')).toBe(expectedJson(results));
  });

  it('gives the same text from parts rendered one file at a time, empty files and errors included', () => {
    const results: FileResult[] = [
      { file: 'clean/Dockerfile', findings: [] },
      ...sampleResults(),
      { file: 'unreadable/Dockerfile', findings: [], error: 'cannot read file: permission denied' },
      { file: 'clean-too/Dockerfile', findings: [] },
    ];
    const assembler = new ReportAssembler(jsonFormat, reporterContext());
    let text = '';
    for (const result of results) text += assembler.add(jsonFormat.part(result, reporterContext()));
    expect(text + assembler.finish()).toBe(expectedJson(results));
    const none = new ReportAssembler(jsonFormat, reporterContext());
    expect(none.add(jsonFormat.part({ file: 'clean/Dockerfile', findings: [] }, reporterContext())) + none.finish()).toBe('[]\n');
  });

  it('prints aliases and any string exactly as JSON.stringify does', () => {
    const awkward = ['quote " and backslash \\', 'tab\tnew\nline', 'control \u0001 \u001f', 'lone \ud800 surrogate', 'émoji 😀', '\u2028\u2029'];
    const results: FileResult[] = [
      {
        file: 'dir with "quotes"/Dockerfile',
        findings: [
          finding('a/Dockerfile', 3, 7, 'DL3025', 'warning', awkward.join(' | '), { aliases: ['JSONArgsRecommended'], fixable: true }),
          finding('a/Dockerfile', 4, 1, 'DL3065', 'info', 'two aliases', { aliases: ['RedundantTargetPlatform', 'other-name'] }),
          ...awkward.map((text, index) => finding(text, index + 5, 1, text, 'style', text, { aliases: [text], rule: text })),
        ],
      },
      { file: 'unreadable/Dockerfile', findings: [], error: 'cannot read file: permission denied' },
    ];
    expect(jsonReporter(results, reporterContext())).toBe(expectedJson(results));
  });
});
