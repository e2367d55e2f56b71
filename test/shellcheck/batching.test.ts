/**
 * ShellCheck runs once for many files: the files a run has in flight share a process (a process
 * per file cost 41 ms a file over a corpus sample, a shared one 24 ms), and the thread lints while
 * it runs. A file whose script stops a shared process (a crash, the time limit) loses its own
 * ShellCheck findings and nobody else's.
 *
 * A fake `shellcheck` (a shell script) logs the scripts of each call, answers one SC2154 on the
 * last line of every script, crashes on a script holding CRASH and sleeps on one holding SLOW.
 */
import { spawnSync } from 'node:child_process';
import { chmodSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { availableParallelism, tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { fixSource } from '../../src/engine/fixer.js';
import { lintDockerfile, lintSource } from '../../src/engine/lint.js';
import { parseDockerfile } from '../../src/parser/index.js';
import { defaultRegistry } from '../../src/rules/index.js';
import { setShellcheckTimeoutForTests } from '../../src/shellcheck/runner.js';

const BIN = fileURLToPath(new URL('../../bin/dockside.js', import.meta.url));
const scratch = mkdtempSync(join(tmpdir(), 'dockside-shellcheck-batching-'));
const savedOverride = process.env['DOCKSIDE_SHELLCHECK'];
const savedLog = process.env['FAKE_SHELLCHECK_LOG'];

afterEach(() => {
  setShellcheckTimeoutForTests(null);
  if (savedOverride === undefined) delete process.env['DOCKSIDE_SHELLCHECK'];
  else process.env['DOCKSIDE_SHELLCHECK'] = savedOverride;
  if (savedLog === undefined) delete process.env['FAKE_SHELLCHECK_LOG'];
  else process.env['FAKE_SHELLCHECK_LOG'] = savedLog;
});
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

const FAKE_SHELLCHECK = `#!/bin/sh
for argument in "$@"; do
  if [ "$argument" = --version ]; then echo 'ShellCheck - shell script analysis tool'; echo 'version: 0.9.0'; exit 0; fi
done
files=''
for argument in "$@"; do
  case "$argument" in --*) ;; *) files="$files $argument" ;; esac
done
echo "$files" >> "$FAKE_SHELLCHECK_LOG"
if grep -q CRASH $files; then echo 'fake crash' >&2; exit 3; fi
if grep -q SLOW $files; then echo "$files" >> "$FAKE_SHELLCHECK_LOG.slow"; sleep 3; fi
printf '{"comments":['
separator=''
for file in $files; do
  last=$(awk 'END { print NR }' "$file")
  printf '%s{"file":"%s","line":%s,"endLine":%s,"column":1,"endColumn":2,"level":"warning","code":2154,"message":"fake"}' "$separator" "$file" "$last" "$last"
  separator=','
done
printf ']}\\n'
exit 1
`;

let fakes = 0;
/** A fake binary of its own (the binary's path keys the result cache) and its empty call log. */
function fakeShellcheck(): { binary: string; log: string } {
  const directory = join(scratch, `fake-${fakes++}`);
  mkdirSync(directory);
  const binary = join(directory, 'shellcheck');
  writeFileSync(binary, FAKE_SHELLCHECK);
  chmodSync(binary, 0o755);
  const log = join(directory, 'calls.log');
  writeFileSync(log, '');
  return { binary, log };
}

/** The scripts of each call the fake got, in order. */
function calls(log: string): number[] {
  return readFileSync(log, 'utf8')
    .split('\n')
    .filter((line) => line.trim() !== '')
    .map((line) => line.trim().split(/\s+/).length);
}

function useFake(fake: { binary: string; log: string }): void {
  process.env['FAKE_SHELLCHECK_LOG'] = fake.log;
  process.env['DOCKSIDE_SHELLCHECK'] = fake.binary;
}

const ENGINE = { registry: defaultRegistry(), only: ['shellcheck'] } as const;

async function lintTogether(sources: readonly string[]): Promise<string[][]> {
  const results = await Promise.all(sources.map((source, index) => lintSource(source, `f${index}/Dockerfile`, ENGINE)));
  return results.map((result) => result.findings.map((finding) => `${finding.line}:${finding.code}:${finding.level}:${finding.message}`));
}

describe.skipIf(process.platform === 'win32')('ShellCheck shared among files', () => {
  it('files linted together share one process, and each gets its own findings', async () => {
    const fake = fakeShellcheck();
    useFake(fake);
    const sources = Array.from({ length: 12 }, (_, index) => `FROM debian:12\nRUN echo ${index}\nRUN echo again ${index}\n`);
    const findings = await lintTogether(sources);
    expect(findings).toEqual(sources.map(() => ['2:SC2154:warning:fake', '3:SC2154:warning:fake']));
    expect(calls(fake.log).reduce((sum, count) => sum + count, 0)).toBe(24);
    // At most a process per core (one in a worker thread), against one per file before.
    expect(calls(fake.log).length).toBeLessThanOrEqual(Math.min(12, availableParallelism()));
  });

  it('a script that crashes a shared process costs only its own file', async () => {
    const fake = fakeShellcheck();
    useFake(fake);
    const findings = await lintTogether(['FROM debian:12\nRUN echo one\n', 'FROM debian:12\nRUN echo CRASH\n', 'FROM debian:12\nRUN echo three\n']);
    expect(findings[0]).toEqual(['2:SC2154:warning:fake']);
    expect(findings[1]).toEqual(['1:internal-error:error:rule shellcheck failed on this file: shellcheck failed (exit status 3): fake crash']);
    expect(findings[2]).toEqual(['2:SC2154:warning:fake']);
  });

  it('a script past the time limit in a shared process costs only its own file', async () => {
    const fake = fakeShellcheck();
    useFake(fake);
    setShellcheckTimeoutForTests(1000);
    const findings = await lintTogether(['FROM debian:12\nRUN echo one\n', 'FROM debian:12\nRUN echo SLOW\n', 'FROM debian:12\nRUN echo three\n']);
    expect(findings[0]).toEqual(['2:SC2154:warning:fake']);
    expect(findings[1]).toEqual([
      '2:shellcheck:info:ShellCheck ran longer than 1 s on this file and was stopped: its checks of these RUN scripts are missing',
    ]);
    expect(findings[2]).toEqual(['2:SC2154:warning:fake']);
  });

  it('a file with a large script gets a process of its own, so the time limit costs it once', async () => {
    const fake = fakeShellcheck();
    useFake(fake);
    setShellcheckTimeoutForTests(1000);
    // 60 KB of script: past the text a file may share a process with.
    const large = `FROM debian:12\nRUN echo SLOW ${'x '.repeat(30_000)}\n`;
    const findings = await lintTogether(['FROM debian:12\nRUN echo one\n', large, 'FROM debian:12\nRUN echo three\n']);
    expect(findings[0]).toEqual(['2:SC2154:warning:fake']);
    expect(findings[1]).toEqual([
      '2:shellcheck:info:ShellCheck ran longer than 1 s on this file and was stopped: its checks of these RUN scripts are missing',
    ]);
    expect(findings[2]).toEqual(['2:SC2154:warning:fake']);
    // Sent once, alone: in a shared process it was sent again alone after the shared one timed out.
    const slowCalls = readFileSync(`${fake.log}.slow`, 'utf8').trim().split('\n');
    expect(slowCalls.map((line) => line.trim().split(/\s+/).length)).toEqual([1]);
    expect(calls(fake.log).reduce((sum, count) => sum + count, 0)).toBe(3);
  });

  it('lintDockerfile alone (no prepare step) runs ShellCheck itself', () => {
    const fake = fakeShellcheck();
    useFake(fake);
    const findings = lintDockerfile(parseDockerfile('FROM debian:12\nRUN echo alone\n'), ENGINE);
    expect(findings.map((finding) => `${finding.line}:${finding.code}`)).toEqual(['2:SC2154']);
    expect(calls(fake.log)).toEqual([1]);
  });

  const chain = (count: number) => Array.from({ length: count }, (_, index) => `echo ${index}`).join(' && ');
  const nested = (depth: number) => `echo ${'$('.repeat(depth)}true${')'.repeat(depth)}`;
  it.each([
    ['more than 500 && and || operators', chain(502), chain(501), 'has 501 && and || operators (more than 500)'],
    ['brackets nested more than 100 deep', nested(101), nested(100), 'nests brackets 101 deep (more than 100)'],
  ])('a script with %s is not sent, and its RUN says so', async (_, tooCostly, atTheLimit, reason) => {
    const fake = fakeShellcheck();
    useFake(fake);
    const source = `FROM debian:12\nRUN ${tooCostly}\nRUN ${atTheLimit}\nRUN (cd /x && { echo \${A:-b} || true; })\n`;
    const [findings] = await lintTogether([source]);
    expect(findings).toEqual([
      `2:shellcheck:info:this RUN script ${reason}: ShellCheck's time and memory grow with the square of that, so it was not checked`,
      '3:SC2154:warning:fake',
      '4:SC2154:warning:fake',
    ]);
    expect(calls(fake.log)).toEqual([2]);
  });

  it('fixing a file runs ShellCheck on its first and final text, not on the texts between passes', async () => {
    const fake = fakeShellcheck();
    useFake(fake);
    // Two passes: uppercasing FROM makes its `as` inconsistent, fixed in the second. A crashing
    // script is never cached, so every lint that ran ShellCheck would show in the log.
    const source = 'from alpine:3.19 as build\nRUN echo CRASH\nWORKDIR /app\n\nFROM build\nCMD ["sh"]\n';
    const outcome = await fixSource(
      source,
      'Dockerfile',
      { registry: defaultRegistry(), only: ['consistent-instruction-casing', 'from-as-casing', 'shellcheck'] },
      { applicability: 'safe' },
    );
    expect(outcome.output).toBe('FROM alpine:3.19 AS build\nRUN echo CRASH\nWORKDIR /app\n\nFROM build\nCMD ["sh"]\n');
    expect(outcome.fixesApplied).toBe(2);
    expect(calls(fake.log)).toEqual([1, 1]);
    // The final findings are the full lint's: ShellCheck's outcome is in them.
    expect(outcome.remaining.map((finding) => `${finding.line}:${finding.code}`)).toEqual(['1:internal-error']);
  });

  describe('a run of many files', () => {
    const folder = join(scratch, 'project');
    mkdirSync(folder);
    const FILES = 40;
    for (let index = 0; index < FILES; index++) {
      writeFileSync(join(folder, `s${String(index).padStart(2, '0')}.Dockerfile`), `FROM debian:12\nRUN echo ${index}\n`);
    }

    function lintFolder(workers: string): { files: { file: string; codes: string[] }[]; calls: number[] } {
      const fake = fakeShellcheck();
      const run = spawnSync(process.execPath, [BIN, 'lint', '--no-config', '--format', 'json', folder], {
        encoding: 'utf8',
        env: { ...process.env, DOCKSIDE_SHELLCHECK: fake.binary, FAKE_SHELLCHECK_LOG: fake.log, DOCKSIDE_WORKERS: workers },
      });
      expect(run.stderr).toBe('');
      const report = JSON.parse(run.stdout) as { file: string; code: string }[];
      const byFile = new Map<string, string[]>();
      for (const finding of report) byFile.set(finding.file, [...(byFile.get(finding.file) ?? []), finding.code]);
      return { files: [...byFile].map(([file, codes]) => ({ file, codes })), calls: calls(fake.log) };
    }

    it('one thread: every script checked once, in a few processes, not one per file', () => {
      const { files, calls: perCall } = lintFolder('0');
      expect(files).toHaveLength(FILES);
      for (const { codes } of files) expect(codes).toContain('SC2154');
      expect(perCall.reduce((sum, count) => sum + count, 0)).toBe(FILES);
      // The first file goes alone (the run learns there that ShellCheck runs), then the rest share
      // the cores' processes.
      expect(perCall.length).toBeLessThanOrEqual(Math.min(FILES, 1 + availableParallelism()));
    });

    it('worker threads: the same findings, each batch in one process', () => {
      const single = lintFolder('0');
      const workers = lintFolder('2');
      expect(workers.files).toEqual(single.files);
      expect(workers.calls.reduce((sum, count) => sum + count, 0)).toBe(FILES);
      expect(workers.calls.length).toBeLessThan(FILES);
    });
  });
});
