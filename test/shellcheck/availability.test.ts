/** Finding the shellcheck binary, and linting without one: never an error, one notice. */
import { chmodSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { lintSource } from '../../src/engine/lint.js';
import { defaultRegistry } from '../../src/rules/index.js';
import { SHELLCHECK_MISSING_NOTICE, shellcheckAvailability } from '../../src/shellcheck/index.js';
import { lintForTest } from '../support/rule-tester.js';

const DOCKERFILE = 'FROM debian:12\nRUN echo $1 | grep foo\n';
const savedPath = process.env['PATH'];
const savedOverride = process.env['DOCKSIDE_SHELLCHECK'];
const scratch = mkdtempSync(join(tmpdir(), 'dockside-shellcheck-test-'));

function restoreEnvironment(): void {
  process.env['PATH'] = savedPath;
  if (savedOverride === undefined) delete process.env['DOCKSIDE_SHELLCHECK'];
  else process.env['DOCKSIDE_SHELLCHECK'] = savedOverride;
}

afterEach(restoreEnvironment);
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

async function shellcheckFindings(): Promise<string[]> {
  const findings = await lintForTest(DOCKERFILE, { only: ['shellcheck'] });
  return findings.map((finding) => `${finding.line}:${finding.code}:${finding.level}`);
}

describe('shellcheck availability', () => {
  it('without shellcheck on PATH: the notice, and no findings at all (no error)', async () => {
    process.env['PATH'] = scratch;
    delete process.env['DOCKSIDE_SHELLCHECK'];
    expect(shellcheckAvailability()).toEqual({ available: false, binary: null, version: null, notice: SHELLCHECK_MISSING_NOTICE });
    expect(SHELLCHECK_MISSING_NOTICE).toBe(
      'shellcheck not found on PATH: ShellCheck checks of RUN scripts are skipped (install shellcheck to enable them)',
    );
    expect(await shellcheckFindings()).toEqual([]);
  });

  it('DOCKSIDE_SHELLCHECK=off turns the checks off without a notice', async () => {
    process.env['DOCKSIDE_SHELLCHECK'] = 'off';
    expect(shellcheckAvailability()).toEqual({ available: false, binary: null, version: null, notice: null });
    expect(await shellcheckFindings()).toEqual([]);
  });

  it('DOCKSIDE_SHELLCHECK naming a missing file: a notice naming it, no findings', async () => {
    const missing = join(scratch, 'no-such-shellcheck');
    process.env['DOCKSIDE_SHELLCHECK'] = missing;
    expect(shellcheckAvailability().notice).toBe(
      `shellcheck not found at ${missing} (DOCKSIDE_SHELLCHECK): ShellCheck checks of RUN scripts are skipped`,
    );
    expect(await shellcheckFindings()).toEqual([]);
  });

  it.skipIf(process.platform === 'win32')('a binary that does not answer --version is not used', async () => {
    // A directory of its own: answers are cached per PATH value.
    const directory = mkdtempSync(join(scratch, 'broken-'));
    const broken = join(directory, 'shellcheck');
    writeFileSync(broken, '#!/bin/sh\necho "segfault" >&2\nexit 3\n');
    chmodSync(broken, 0o755);
    process.env['PATH'] = directory;
    delete process.env['DOCKSIDE_SHELLCHECK'];
    const availability = shellcheckAvailability();
    expect(availability.available).toBe(false);
    expect(availability.notice).toBe(
      `shellcheck at ${broken} could not be run (exit status 3): ShellCheck checks of RUN scripts are skipped`,
    );
    expect(await shellcheckFindings()).toEqual([]);
  });

  const real = shellcheckAvailability();
  it.skipIf(!real.available)('DOCKSIDE_SHELLCHECK=/path picks that binary even when PATH has none', async () => {
    process.env['PATH'] = scratch;
    process.env['DOCKSIDE_SHELLCHECK'] = real.binary!;
    expect(shellcheckAvailability()).toMatchObject({ available: true, binary: real.binary, notice: null });
    expect(await shellcheckFindings()).toEqual(['2:SC2086:info']);
  });

  describe("the caller's answer (the CLI asks once per thread of a run)", () => {
    async function lintAnswering(answer: boolean, only: string[]): Promise<{ codes: string[]; asked: number }> {
      let asked = 0;
      const result = await lintSource(DOCKERFILE, 'Dockerfile', {
        registry: defaultRegistry(),
        only,
        shellcheckAvailable: () => {
          asked++;
          return answer;
        },
      });
      return { codes: result.findings.map((finding) => finding.code), asked };
    }

    it('"not available" skips the checks whatever the environment says, asked once per file', async () => {
      expect(await lintAnswering(false, ['shellcheck'])).toEqual({ codes: [], asked: 1 });
    });

    it('is not asked when the rule does not run (a disabled rule never probes the binary)', async () => {
      expect((await lintAnswering(true, ['DL3006'])).asked).toBe(0);
    });

    it.skipIf(!real.available)('"available" runs ShellCheck', async () => {
      expect(await lintAnswering(true, ['shellcheck'])).toEqual({ codes: ['SC2086'], asked: 1 });
    });
  });
});
