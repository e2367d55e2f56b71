/**
 * LintJobRunner.runEach reads files a group at a time before linting them (src/cli/lint-job.ts
 * ReadAhead). Each file must still be linted with its own content and its own read error, in
 * order, with stdin read when its turn comes and groups cut short by large files.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LintJobRunner, type JobOutcome } from '../../src/cli/lint-job.js';
import { defaultRegistry } from '../../src/rules/index.js';
import { PLAIN_LINT_OPTIONS } from '../support/lint-options.js';

const SHARED = PLAIN_LINT_OPTIONS;

let folder: string;
let shellcheckSetting: string | undefined;
beforeAll(() => {
  folder = mkdtempSync(join(tmpdir(), 'dockside-read-ahead-'));
  // With ShellCheck found, files are linted several at a time and read as they start, not ahead.
  shellcheckSetting = process.env.DOCKSIDE_SHELLCHECK;
  process.env.DOCKSIDE_SHELLCHECK = 'off';
});
afterAll(() => {
  rmSync(folder, { recursive: true, force: true });
  if (shellcheckSetting === undefined) delete process.env.DOCKSIDE_SHELLCHECK;
  else process.env.DOCKSIDE_SHELLCHECK = shellcheckSetting;
});

/** A Dockerfile whose untagged FROM (DL3006) sits on line `line`: its finding tells the files apart. */
function dockerfileWithFromOn(line: number): string {
  return `${'\n'.repeat(line - 1)}FROM ubuntu\n`;
}

async function lintAll(paths: readonly string[], stdin: string | null = null): Promise<JobOutcome[]> {
  const runner = new LintJobRunner(defaultRegistry(), SHARED);
  const outcomes: JobOutcome[] = [];
  await runner.runEach(paths, (index, outcome) => (outcomes[index] = outcome), () => true, stdin === null ? null : async () => Buffer.from(stdin));
  return outcomes;
}

function dl3006Lines(outcome: JobOutcome): number[] {
  return outcome.result.findings.filter((finding) => finding.code === 'DL3006').map((finding) => finding.line);
}

describe('reading files ahead of linting them', () => {
  it('lints each file of several groups with its own content, and reports each read error at its own file', async () => {
    const paths: string[] = [];
    for (let index = 0; index < 80; index++) {
      const path = join(folder, `many-${String(index).padStart(2, '0')}.Dockerfile`);
      if (index === 31) {
        paths.push(join(folder, 'missing.Dockerfile'));
        continue;
      }
      if (index === 32) {
        mkdirSync(path);
        paths.push(path);
        continue;
      }
      writeFileSync(path, dockerfileWithFromOn(index + 1));
      paths.push(path);
    }
    const outcomes = await lintAll(paths);
    expect(outcomes).toHaveLength(80);
    for (const [index, outcome] of outcomes.entries()) {
      if (index === 31) expect(outcome.result.error).toBe('cannot read file: no such file');
      else if (index === 32) expect(outcome.result.error).toBe('cannot read file: is a folder');
      else {
        expect(outcome.result.error).toBeUndefined();
        expect(dl3006Lines(outcome)).toEqual([index + 1]);
      }
    }
  });

  it('reads stdin when its turn comes, between files read ahead', async () => {
    const paths = [0, 1, 2].map((index) => {
      const path = join(folder, `stdin-${index}.Dockerfile`);
      writeFileSync(path, dockerfileWithFromOn(index + 1));
      return path;
    });
    const outcomes = await lintAll([paths[0]!, '-', paths[1]!, paths[2]!], dockerfileWithFromOn(9));
    expect(outcomes.map(dl3006Lines)).toEqual([[1], [9], [2], [3]]);
  });

  it('lints every file of a group cut short by large files', async () => {
    // 3 MB each: a group stops once it holds 4 MiB, so these are read two to a group.
    const filler = `# ${'x'.repeat(3 * 1024 * 1024)}\n`;
    const paths = [0, 1, 2, 3, 4].map((index) => {
      const path = join(folder, `large-${index}.Dockerfile`);
      writeFileSync(path, `${filler}${dockerfileWithFromOn(index + 1)}`);
      return path;
    });
    const outcomes = await lintAll(paths);
    expect(outcomes.map(dl3006Lines)).toEqual([[2], [3], [4], [5], [6]]);
  });
});
