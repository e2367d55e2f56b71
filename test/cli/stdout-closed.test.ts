/**
 * `dockside lint … | head`: once the reader of stdout has gone, the run stops linting (it went on to
 * the last file before: 16 s over the corpus with one thread for a `| head -1` that had its line
 * after 0.3 s) and exits 2 without a word. A report that also goes to a file is finished whole.
 *
 * Observed from outside, with no timing: the last file sits in a folder whose config is broken, and
 * linting it prints a config error. The pipe is full long before that file (every file has ~20 KB
 * of report, and the run waits for a full pipe to drain), so a run that stops when the reader
 * leaves never reaches it.
 */
import { spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const BIN = fileURLToPath(new URL('../../bin/dockside.js', import.meta.url));
const scratch = mkdtempSync(join(tmpdir(), 'dockside-stdout-closed-'));
const folder = join(scratch, 'project');
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

beforeAll(() => {
  mkdirSync(folder);
  const noisy = `FROM debian\n${Array.from({ length: 20 }, (_, index) => `RUN apt-get install pkg${index}`).join('\n')}\n`;
  for (let index = 0; index < 300; index++) writeFileSync(join(folder, `m-${String(index).padStart(3, '0')}.Dockerfile`), noisy);
  // Found last (the search goes in name order); its config cannot be read.
  mkdirSync(join(folder, 'zz'));
  writeFileSync(join(folder, 'zz', 'Dockerfile'), 'FROM debian:12\n');
  writeFileSync(join(folder, 'zz', '.dockside.yaml'), 'rules: [unclosed\n');
});

interface Run {
  readonly code: number | null;
  readonly stderr: string;
  readonly stdoutBytes: number;
}

/** Runs the CLI with stdout a pipe; `leaveAfterFirstChunk` closes it once the first output arrived. */
function run(args: readonly string[], workers: string, leaveAfterFirstChunk: boolean): Promise<Run> {
  return new Promise((resolvePromise, reject) => {
    const child = spawn(process.execPath, [BIN, 'lint', ...args, folder], {
      env: { ...process.env, NO_COLOR: '1', DOCKSIDE_SHELLCHECK: 'off', DOCKSIDE_WORKERS: workers },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stderr = '';
    let stdoutBytes = 0;
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString('utf8')));
    child.stdout.on('data', (chunk: Buffer) => {
      stdoutBytes += chunk.length;
      if (leaveAfterFirstChunk) child.stdout.destroy();
    });
    child.on('error', reject);
    child.on('close', (code) => resolvePromise({ code, stderr, stdoutBytes }));
  });
}

describe.each([
  ['one thread', '0'],
  ['worker threads', '2'],
])('stdout closed by its reader, %s', (_, workers) => {
  it('a full read lints every file, the last one included', async () => {
    const result = await run(['--format', 'text'], workers, false);
    expect(result.stderr).toContain('config error');
    expect(result.stdoutBytes).toBeGreaterThan(300 * 10_000);
    // The broken config makes it an operational error.
    expect(result.code).toBe(2);
  }, 60_000);

  it('stops linting once the reader leaves, says nothing and exits 2', async () => {
    const result = await run(['--format', 'text'], workers, true);
    expect(result.stderr).toBe('');
    expect(result.code).toBe(2);
  }, 60_000);

  it('still finishes a report that goes to a file', async () => {
    const reportFile = join(scratch, `report-${workers}.json`);
    const result = await run(['--format', 'text', '--format', 'json', '--output-file', '-', '--output-file', reportFile], workers, true);
    expect(result.stderr).toContain('config error');
    const findings = JSON.parse(readFileSync(reportFile, 'utf8')) as { file: string }[];
    const files = new Set(findings.map((finding) => finding.file));
    // Every file has findings (the last one for its unpinned base image).
    expect(files.size).toBe(301);
    expect([...files].some((file) => file.endsWith(join('zz', 'Dockerfile')))).toBe(true);
  }, 60_000);
});
