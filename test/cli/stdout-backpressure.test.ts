/**
 * A full stdout pipe (`dockside lint … | jq` with a slow reader) must hold up the run, not queue its
 * report in memory. Found on the whole corpus with one thread and a reader starting after 16 s: the
 * run finished linting at ~13 s and peaked at 295 MB (162 MB since), because the lint loop only ever
 * awaited promises that were already settled: it never gave the event loop a turn, so the pipe's
 * 'drain' could not arrive before the last file, and every report part waited in memory until then.
 * With workers the main thread kept handing out batches (319 MB, 262 MB since).
 *
 * Observed from outside: while the first write waits for 'drain', the test rewrites the last
 * Dockerfile. A run that waits lints the new text; one that queued its report had read the old one.
 */
import { spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { main } from '../../src/cli/main.js';
import type { CliIO } from '../../src/cli/lint-command.js';

const scratch = mkdtempSync(join(tmpdir(), 'dockside-backpressure-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

/** Enough findings for more than one write of the streamed report (64 KiB). */
const NOISY = `FROM debian\n${Array.from({ length: 400 }, (_, index) => `RUN apt-get install pkg${index}`).join('\n')}\n`;

const eventLoopTurns = async (count: number): Promise<void> => {
  for (let turn = 0; turn < count; turn++) await new Promise((resolve) => setImmediate(resolve));
};

/** Polls until `done()` (the run loads its modules asynchronously first), for at most 20 s. */
async function waitUntil(done: () => boolean): Promise<void> {
  const deadline = Date.now() + 20_000;
  while (!done() && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 5));
}

describe('stdout backpressure, one thread', () => {
  it('waits for a full pipe to drain before linting the next file', async () => {
    const folder = join(scratch, 'project');
    mkdirSync(folder);
    writeFileSync(join(folder, 'a.Dockerfile'), NOISY);
    writeFileSync(join(folder, 'b.Dockerfile'), 'FROM debian:12\n');
    let written = '';
    let releaseFirstWrite: () => void = () => {};
    let writes = 0;
    const io: CliIO = {
      stdout: (text) => {
        written += text;
        writes++;
        // The first write fills the pipe: the reader drains it when the test says so.
        if (writes === 1) return new Promise<void>((resolve) => (releaseFirstWrite = resolve));
        return undefined;
      },
      stderr: () => {},
      readStdin: async () => Buffer.alloc(0),
      cwd: scratch,
      env: { DOCKSIDE_SHELLCHECK: 'off', DOCKSIDE_WORKERS: '0' },
      stdoutIsTTY: false,
    };
    const run = main(['node', 'dockside', 'lint', '--no-config', '--format', 'json', '--no-fail', folder], io);
    await waitUntil(() => writes > 0);
    // Plenty of turns for a run that does not wait to lint b.Dockerfile and queue its part.
    await eventLoopTurns(50);
    expect(writes).toBe(1);
    // b.Dockerfile loses its tag: linted from now on, it gets DL3006.
    writeFileSync(join(folder, 'b.Dockerfile'), 'FROM debian\n');
    releaseFirstWrite();
    expect(await run).toBe(0);
    const findings = JSON.parse(written) as { file: string; code: string }[];
    const ofB = findings.filter((finding) => finding.file.endsWith('b.Dockerfile')).map((finding) => finding.code);
    // Linted after the drain, so from the text written while the pipe was full.
    expect(ofB).toContain('DL3006');
  });
});

describe('stdout backpressure, worker threads', () => {
  it('holds back the batches not yet handed out while the pipe is full', async () => {
    const folder = join(scratch, 'many');
    mkdirSync(folder);
    // Every file has a part of the report (~20 KB), so the report flows from the first batch on and
    // fills the pipe (~256 KB with the reader's buffer) long before the last of 19 batches of 32,
    // which the workers (two, two batches each in flight) have not been given by then.
    const some = `FROM debian\n${Array.from({ length: 20 }, (_, index) => `RUN apt-get install pkg${index}`).join('\n')}\n`;
    for (let index = 0; index < 600; index++) writeFileSync(join(folder, `m-${String(index).padStart(3, '0')}.Dockerfile`), some);
    writeFileSync(join(folder, 'z-last.Dockerfile'), 'FROM debian:12\n');
    const bin = fileURLToPath(new URL('../../bin/dockside.js', import.meta.url));
    const child = spawn(process.execPath, [bin, 'lint', '--no-config', '--format', 'json', '--no-fail', folder], {
      env: { ...process.env, DOCKSIDE_SHELLCHECK: 'off', DOCKSIDE_WORKERS: '2' },
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    // Not read yet: the pipe fills. Once output has arrived, give a run that does not wait ample
    // time to lint every file (600 small files take a second or two once the workers run).
    await new Promise((resolve) => child.stdout.once('readable', resolve));
    await new Promise((resolve) => setTimeout(resolve, 2000));
    writeFileSync(join(folder, 'z-last.Dockerfile'), 'FROM debian\n');
    const chunks: Buffer[] = [];
    child.stdout.on('data', (chunk: Buffer) => chunks.push(chunk));
    const code = await new Promise((resolve) => child.on('close', resolve));
    expect(code).toBe(0);
    const findings = JSON.parse(Buffer.concat(chunks).toString('utf8')) as { file: string; code: string }[];
    expect(findings.filter((finding) => finding.file.endsWith('m-000.Dockerfile')).length).toBeGreaterThan(20);
    // Linted after the reader came back, so from the text written while the pipe was full.
    expect(findings.filter((finding) => finding.file.endsWith('z-last.Dockerfile')).map((finding) => finding.code)).toContain('DL3006');
  }, 60_000);
});
