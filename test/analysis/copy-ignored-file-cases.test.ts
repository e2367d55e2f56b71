/**
 * BuildKit's CopyIgnoredFile reference cases (buildkit-cases.jsonl entries with `dockerignore` or
 * `files`): each is materialised as a real context folder, loaded the way the CLI loads it, and the
 * CopyIgnoredFile warnings (line and message) must equal the case's expected ones.
 */
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { loadBuildContext } from '../../src/context/index.js';
import { lintForTest } from '../support/rule-tester.js';
import { REFERENCE_DIR, hasShared, skipMessage } from '../support/shared.js';

interface BuildkitCase {
  readonly id: string;
  readonly rule: string;
  readonly dockerfile: string;
  readonly dockerignore?: string;
  readonly files?: Record<string, string>;
  readonly buildArgs?: Record<string, string>;
  readonly warnings: readonly { rule: string; line: number; message: string }[];
}

const cases: BuildkitCase[] = hasShared
  ? readFileSync(join(REFERENCE_DIR, 'buildkit-cases.jsonl'), 'utf8')
      .split('\n')
      .filter((line) => line.trim() !== '')
      .map((line) => JSON.parse(line) as BuildkitCase)
      .filter((testCase) => testCase.dockerignore !== undefined || testCase.files !== undefined)
  : [];

const scratch = mkdtempSync(join(tmpdir(), 'dockside-cif-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

describe.skipIf(!hasShared)('CopyIgnoredFile reference cases', () => {
  if (!hasShared) it.skip(skipMessage('buildkit-cases.jsonl'), () => {});

  it('has the 26 cases that carry a context', () => {
    expect(cases).toHaveLength(26);
  });

  for (const testCase of cases) {
    it(testCase.id, async () => {
      const root = join(scratch, testCase.id);
      mkdirSync(root, { recursive: true });
      writeFileSync(join(root, 'Dockerfile'), testCase.dockerfile);
      if (testCase.dockerignore !== undefined) writeFileSync(join(root, '.dockerignore'), testCase.dockerignore);
      for (const [path, content] of Object.entries(testCase.files ?? {})) {
        mkdirSync(dirname(join(root, path)), { recursive: true });
        writeFileSync(join(root, path), content);
      }
      const buildContext = loadBuildContext(join(root, 'Dockerfile'), root, { onProgress: null });
      const findings = await lintForTest(testCase.dockerfile, {
        only: ['CopyIgnoredFile'],
        buildContext,
        ...(testCase.buildArgs ? { buildArgs: testCase.buildArgs } : {}),
      });
      const actual = findings.map((finding) => ({ line: finding.line, message: finding.message }));
      const expected = testCase.warnings
        .filter((warning) => warning.rule === 'CopyIgnoredFile')
        .map((warning) => ({ line: warning.line, message: warning.message }));
      expect(actual).toEqual(expected);
    });
  }
});
