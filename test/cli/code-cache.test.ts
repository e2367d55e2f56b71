/**
 * bin/dockside.js compiles the bundle with a V8 code cache kept in the temporary folder (issue 8,
 * cold start). The cache must never change what a run prints, and a bad or foreign cache must be
 * ignored. Each test points TMPDIR at its own folder.
 */
import { spawnSync } from 'node:child_process';
import { chmodSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const BIN = join(ROOT, 'bin/dockside.js');
const EXAMPLE = join(ROOT, 'fixtures/examples/Dockerfile');
const posixOnly = process.platform === 'win32' ? it.skip : it;

function dockside(temporaryFolder: string, extraEnv: Record<string, string> = {}, dockerfile = EXAMPLE) {
  // A folder is linted whole (its Dockerfiles found by name); a file, alone.
  const result = spawnSync(process.execPath, [BIN, 'lint', '--no-config', '--format', 'json', dockerfile], {
    cwd: ROOT,
    encoding: 'utf8',
    env: { ...process.env, NO_COLOR: '1', DOCKSIDE_SHELLCHECK: 'off', TMPDIR: temporaryFolder, ...extraEnv },
    timeout: 60_000,
    // A folder's report is megabytes; spawnSync kills a child past its buffer (1 MiB by default).
    maxBuffer: 64 * 1024 * 1024,
  });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

const temporaryFolders: string[] = [];
afterAll(() => {
  for (const folder of temporaryFolders) rmSync(folder, { recursive: true, force: true });
});

/** A TMPDIR of the test's own, removed after the file's tests. */
function temporaryFolder(): string {
  const folder = mkdtempSync(join(tmpdir(), 'dockside-cache-'));
  temporaryFolders.push(folder);
  return folder;
}

function cacheFolder(temporaryFolder: string): string {
  return join(temporaryFolder, `dockside-code-cache-${process.getuid?.() ?? 'user'}`);
}

describe('the code cache of bin/dockside.js', () => {
  posixOnly('is written by the first run and gives the second the same report', () => {
    const temporary = temporaryFolder();
    const uncached = dockside(temporary, { DOCKSIDE_NO_CODE_CACHE: '1' });
    expect(existsSync(cacheFolder(temporary))).toBe(false);
    const first = dockside(temporary);
    const written = readdirSync(cacheFolder(temporary));
    expect(written).toHaveLength(1);
    expect(written[0]).toMatch(/^[0-9a-f]{20}-v\d+\.\d+\.\d+-[a-z0-9]+-lint\.bin$/);
    const second = dockside(temporary);
    expect(uncached.code).toBe(1);
    expect(JSON.parse(uncached.stdout).length).toBeGreaterThan(5);
    for (const run of [first, second]) {
      expect(run.stderr).toBe('');
      expect(run.code).toBe(uncached.code);
      expect(run.stdout).toBe(uncached.stdout);
    }
  });

  posixOnly('is accepted by the next run when the run loaded the WASM shell parser', () => {
    // The WASM parser needs a V8 flag; a flag set during a run used to change the cache's flag
    // hash, so V8 rejected it and every such run compiled from scratch and wrote it again.
    const temporary = temporaryFolder();
    const dockerfile = join(temporary, 'Dockerfile');
    // `;&` is a case fall-through outside a case: the fast shell parser leaves it to tree-sitter.
    writeFileSync(dockerfile, 'FROM alpine:3.19\nRUN a;& apt-get install foo\n');
    const first = dockside(temporary, {}, dockerfile);
    expect(first.stdout).toContain('DL3014');
    const [name] = readdirSync(cacheFolder(temporary));
    const written = statSync(join(cacheFolder(temporary), name!));
    const second = dockside(temporary, {}, dockerfile);
    expect(second.stdout).toBe(first.stdout);
    // A rewrite renames a new file into place: another inode.
    expect(statSync(join(cacheFolder(temporary), name!)).ino).toBe(written.ino);
  });

  posixOnly('is not written by a run that linted in worker threads, and is by the next short run', () => {
    // The workers compile the rules, not the main thread: such a cache would lack them, and an
    // accepted cache is never replaced.
    const temporary = temporaryFolder();
    const inWorkers = dockside(temporary, { DOCKSIDE_WORKERS: '1' });
    expect(inWorkers.stderr).toBe('');
    expect(existsSync(cacheFolder(temporary)) ? readdirSync(cacheFolder(temporary)) : []).toEqual([]);
    const onMainThread = dockside(temporary);
    expect(onMainThread.stdout).toBe(inWorkers.stdout);
    expect(readdirSync(cacheFolder(temporary))).toHaveLength(1);
  });

  posixOnly('of the worker threads is written by a worker once it has warmed up, and accepted by the next run', () => {
    const temporary = temporaryFolder();
    const folder = join(temporary, 'many');
    mkdirSync(folder);
    const example = readFileSync(EXAMPLE);
    // A worker saves its cache after WARM_AFTER_FILES (500) files; one worker gets them all.
    for (let index = 0; index < 520; index++) writeFileSync(join(folder, `${index}.Dockerfile`), example);
    const reference = dockside(temporary, { DOCKSIDE_WORKERS: '0', DOCKSIDE_NO_CODE_CACHE: '1' }, folder);
    const first = dockside(temporary, { DOCKSIDE_WORKERS: '1' }, folder);
    const written = readdirSync(cacheFolder(temporary));
    expect(written).toHaveLength(1);
    expect(written[0]).toMatch(/^[0-9a-f]{20}-v\d+\.\d+\.\d+-[a-z0-9]+-lint-worker\.bin$/);
    const path = join(cacheFolder(temporary), written[0]!);
    const inode = statSync(path).ino;
    const second = dockside(temporary, { DOCKSIDE_WORKERS: '1' }, folder);
    // Accepted: not written again (a rewrite renames a new file into place, another inode).
    expect(statSync(path).ino).toBe(inode);
    // A corrupt one is rejected, the run is unchanged, and the worker replaces it.
    writeFileSync(path, Buffer.alloc(4096, 0x5a));
    const third = dockside(temporary, { DOCKSIDE_WORKERS: '1' }, folder);
    expect(readFileSync(path).subarray(0, 64).equals(Buffer.alloc(64, 0x5a))).toBe(false);
    expect(reference.code).toBe(1);
    for (const run of [first, second, third]) {
      expect(run.stderr).toBe('');
      expect(run.code).toBe(reference.code);
      expect(run.stdout).toBe(reference.stdout);
    }
  }, 120_000);

  posixOnly('survives a corrupt cache and replaces it', () => {
    const temporary = temporaryFolder();
    const reference = dockside(temporary);
    const [name] = readdirSync(cacheFolder(temporary));
    const path = join(cacheFolder(temporary), name!);
    writeFileSync(path, Buffer.alloc(4096, 0x5a));
    const afterCorruption = dockside(temporary);
    expect(afterCorruption.stderr).toBe('');
    expect(afterCorruption.stdout).toBe(reference.stdout);
    expect(readFileSync(path).subarray(0, 64).equals(Buffer.alloc(64, 0x5a))).toBe(false);
  });

  posixOnly('is neither read nor written in a folder others can write to', () => {
    const temporary = temporaryFolder();
    mkdirSync(cacheFolder(temporary));
    chmodSync(cacheFolder(temporary), 0o777);
    const run = dockside(temporary);
    expect(run.stderr).toBe('');
    expect(JSON.parse(run.stdout).length).toBeGreaterThan(5);
    expect(readdirSync(cacheFolder(temporary))).toEqual([]);
  });
});
