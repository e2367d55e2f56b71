import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import AjvDraft04 from 'ajv-draft-04';
import { describe, expect, it } from 'vitest';
import { lintSource } from '../../src/engine/lint.js';
import type { FileResult } from '../../src/engine/types.js';
import { sarifReporter } from '../../src/reporters/sarif.js';
import { lineHashes } from '../../src/reporters/sarif-fingerprint.js';
import { defaultRegistry } from '../../src/rules/index.js';
import { REFERENCE_DIR, hasShared, skipMessage } from '../support/shared.js';
import { API_SOURCE, finding, reporterContext, sampleResults } from './support.js';

interface SarifLog {
  version: string;
  runs: {
    tool: { driver: { name: string; version: string; informationUri: string; rules: SarifRule[] } };
    results: SarifResult[];
  }[];
}
interface SarifRule {
  id: string;
  name: string;
  shortDescription: { text: string };
  fullDescription: { text: string };
  help: { text: string; markdown: string };
  helpUri: string;
  defaultConfiguration: { level: string };
}
interface SarifResult {
  ruleId: string;
  ruleIndex: number;
  level: string;
  message: { text: string };
  locations: { physicalLocation: { artifactLocation: { uri: string }; region: Record<string, number> } }[];
  partialFingerprints: Record<string, string>;
}

const render = (results: readonly FileResult[], cwd = '/repo'): SarifLog =>
  JSON.parse(sarifReporter(results, reporterContext({ cwd }))) as SarifLog;

/** The official SARIF 2.1.0 schema (draft-04), kept in ../shared/reference. */
const validateSchema = hasShared
  ? (() => {
      // ajv-draft-04 is CommonJS: under NodeNext its default import is the exports object.
      const Ajv = (AjvDraft04 as unknown as { default: typeof AjvDraft04.default }).default;
      const ajv = new Ajv({ allErrors: true, strict: false });
      // The schema's formats, checked rather than ignored (ajv-formats is not a dependency).
      const parses = (value: string, base?: string): boolean => {
        try {
          new URL(value, base);
          return true;
        } catch {
          return false;
        }
      };
      ajv.addFormat('uri', (value: string) => parses(value));
      ajv.addFormat('uri-reference', (value: string) => !/\s/.test(value) && parses(value, 'file:///base/'));
      ajv.addFormat('date-time', (value: string) => !Number.isNaN(Date.parse(value)));
      return ajv.compile(JSON.parse(readFileSync(join(REFERENCE_DIR, 'sarif-schema-2.1.0.json'), 'utf8')) as object);
    })()
  : null;

function expectSchemaValid(text: string): void {
  if (!validateSchema) return;
  const valid = validateSchema(JSON.parse(text));
  expect(validateSchema.errors ?? []).toEqual([]);
  expect(valid).toBe(true);
}

describe('sarif reporter', () => {
  it.skipIf(!hasShared)('validates against the official SARIF 2.1.0 schema (ajv, draft-04)', async () => {
    const linted = await Promise.all(
      [
        ['Dockerfile', 'FROM ubuntu:latest\nRUN sudo apt-get update && apt-get install curl\nCMD node server.js\n'],
        ['nested/dir/api.Dockerfile', 'FROM alpine\nRUN cd /tmp && wget http://example.com/x\n'],
        ['clean/Dockerfile', 'FROM alpine:3.20\n'],
        ['broken/Dockerfile', 'FROM alpine:3.20\nRUN <<EOF\nunterminated heredoc\n'],
      ].map(([path, text]) => lintSource(text as string, path as string, { registry: defaultRegistry() })),
    );
    const outputs = [
      sarifReporter([], reporterContext()),
      sarifReporter(sampleResults(), reporterContext()),
      sarifReporter(linted, reporterContext({ cwd: process.cwd() })),
      sarifReporter([{ file: 'web/Dockerfile', source: 'FROM nginx:1.27\n', findings: [] }], reporterContext()),
      sarifReporter([{ file: '/elsewhere/my app/Dockerfile', source: API_SOURCE, findings: [finding('/elsewhere/my app/Dockerfile', 1, 6, 'DL3007', 'warning', 'latest')] }], reporterContext()),
    ];
    for (const output of outputs) expectSchemaValid(output);
    // The validator does reject what code scanning would: a level outside error/warning/note/none.
    const wrong = JSON.parse(outputs[1]!) as SarifLog;
    wrong.runs[0]!.results[0]!.level = 'info';
    expect(validateSchema!(wrong)).toBe(false);
  });
  it.skipIf(hasShared)(skipMessage('SARIF schema validation'), () => {});

  it('describes every rule in the results once, sorted by id, and points each result at it', () => {
    const log = render(sampleResults());
    const run = log.runs[0]!;
    expect(log.version).toBe('2.1.0');
    expect(run.tool.driver).toMatchObject({ name: 'dockside', version: '1.2.3', informationUri: 'https://github.com/dockside/dockside' });
    const ids = run.tool.driver.rules.map((rule) => rule.id);
    expect(ids).toEqual(['DL3004', 'DL3007', 'DL3045', 'SC2086', 'file-error']);
    for (const result of run.results) {
      expect(run.tool.driver.rules[result.ruleIndex]!.id).toBe(result.ruleId);
    }
    for (const rule of run.tool.driver.rules) {
      expect(rule.shortDescription.text).not.toBe('');
      expect(rule.fullDescription.text).not.toBe('');
      expect(rule.help.text).not.toBe('');
      expect(rule.helpUri).toMatch(/^https:\/\//);
    }
    const latest = run.tool.driver.rules.find((rule) => rule.id === 'DL3007')!;
    expect(latest.name).toBe('no-latest-tag');
    expect(latest.helpUri).toBe('https://github.com/hadolint/hadolint/wiki/DL3007');
    expect(latest.defaultConfiguration.level).toBe('warning');
    expect(latest.help.text).toContain('latest');
    const shellcheck = run.tool.driver.rules.find((rule) => rule.id === 'SC2086')!;
    expect(shellcheck.helpUri).toBe('https://www.shellcheck.net/wiki/SC2086');
    expect(run.tool.driver.rules.find((rule) => rule.id === 'file-error')!.defaultConfiguration.level).toBe('error');
  });

  it('maps levels (info and style become note), regions and repository-relative URIs', () => {
    const run = render(sampleResults()).runs[0]!;
    expect(run.results.map((result) => [result.ruleId, result.level])).toEqual([
      ['DL3007', 'warning'],
      ['DL3004', 'error'],
      ['DL3045', 'note'],
      ['SC2086', 'note'],
      ['file-error', 'error'],
    ]);
    const [latest, sudo] = run.results;
    expect(latest!.locations[0]!.physicalLocation).toEqual({
      artifactLocation: { uri: 'services/api/Dockerfile' },
      region: { startLine: 1, startColumn: 6, endLine: 1, endColumn: 17 },
    });
    expect(sudo!.locations[0]!.physicalLocation.region).toEqual({ startLine: 2, startColumn: 5, endLine: 3, endColumn: 31 });
    expect(latest!.message.text).toBe('Using latest is prone to errors if the image will ever update. Pin the version explicitly to a release tag');
    expect(run.results[4]!.locations[0]!.physicalLocation).toEqual({
      artifactLocation: { uri: 'broken/Dockerfile' },
      region: { startLine: 1, startColumn: 1, endLine: 1, endColumn: 1 },
    });
    expect(run.results[4]!.message.text).toBe('cannot read file: permission denied');
  });

  it('makes paths relative to the working directory, percent-encoded, and absolute ones file URIs', () => {
    const results: FileResult[] = [
      { file: '/repo/a b/Dockerfile', source: 'FROM x\n', findings: [finding('/repo/a b/Dockerfile', 1, 1, 'DL3007', 'warning', 'm')] },
      { file: '/other/Dockerfile', source: 'FROM x\n', findings: [finding('/other/Dockerfile', 1, 1, 'DL3007', 'warning', 'm')] },
    ];
    const uris = render(results).runs[0]!.results.map((result) => result.locations[0]!.physicalLocation.artifactLocation.uri);
    expect(uris).toEqual(['a%20b/Dockerfile', 'file:///other/Dockerfile']);
  });

  it('has results: [] and rules: [] when clean', () => {
    const run = render([{ file: 'Dockerfile', source: 'FROM alpine:3.20\n', findings: [] }]).runs[0]!;
    expect(run.results).toEqual([]);
    expect(run.tool.driver.rules).toEqual([]);
  });

  it('fingerprints a finding by its line content, stable when lines are inserted above it', () => {
    const before = render([{ file: 'Dockerfile', source: API_SOURCE, findings: [finding('Dockerfile', 1, 6, 'DL3007', 'warning', 'm')] }]);
    const shifted = `# syntax=docker/dockerfile:1\n\n${API_SOURCE}`;
    const after = render([{ file: 'Dockerfile', source: shifted, findings: [finding('Dockerfile', 3, 6, 'DL3007', 'warning', 'm')] }]);
    const hashOf = (log: SarifLog): string => log.runs[0]!.results[0]!.partialFingerprints.primaryLocationLineHash!;
    expect(hashOf(before)).toMatch(/^[0-9a-f]+:1$/);
    expect(hashOf(after)).toBe(hashOf(before));
    // Running twice gives the same value.
    expect(hashOf(render([{ file: 'Dockerfile', source: API_SOURCE, findings: [finding('Dockerfile', 1, 6, 'DL3007', 'warning', 'm')] }]))).toBe(hashOf(before));
  });

  it('computes line hashes like code scanning: whitespace and line endings do not matter, repeats are numbered', () => {
    const text = 'FROM a\nRUN x\nFROM a\nRUN x\n';
    const hashes = lineHashes(text);
    expect(hashes.slice(1, 5).map((hash) => hash.split(':')[1])).toEqual(['1', '1', '1', '1']);
    const repeated = lineHashes('RUN x\nRUN x\nRUN x\nRUN x\n');
    // The windows of lines 1 and 2 differ (line 2's holds fewer lines), but identical windows count up.
    expect(new Set(repeated.slice(1, 5)).size).toBe(4);
    expect(lineHashes('FROM a\r\nRUN  x\r\n')).toEqual(lineHashes('FROM a\nRUN x\n'));
    expect(lineHashes('\tFROM a\n')).toEqual(lineHashes('FROM a\n'));
    expect(lineHashes('FROM a\nRUN b\n')[2]).not.toBe(lineHashes('FROM a\nRUN c\n')[2]);
    // Identical windows (a file of identical lines ends with identical 100-character tails).
    const same = lineHashes('x\n'.repeat(300));
    expect(same[100]!.split(':')[0]).toBe(same[101]!.split(':')[0]);
    expect(same[101]!.split(':')[1]).toBe(String(Number(same[100]!.split(':')[1]) + 1));
  });

  it('fingerprints file errors without a source from what identifies them', () => {
    const results = sampleResults().filter((result) => result.error !== undefined);
    const first = render(results).runs[0]!.results[0]!.partialFingerprints;
    expect(Object.keys(first)).toEqual(['dockside/v1']);
    expect(render(results).runs[0]!.results[0]!.partialFingerprints).toEqual(first);
  });
});
