/**
 * Large runs go through worker threads (src/cli/pool.ts): same output as one thread, in the same
 * order, and a worker that dies hands its files back to the main thread.
 */
import { spawn, spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it, onTestFinished } from 'vitest';
import { cgroupCpuLimit } from '../../src/io/host-capacity.js';
import { earlyWorkerCount, workerCount, workersMemoryAllows } from '../../src/cli/pool.js';

/** A machine with `cores` usable cores and plenty of memory. */
const host = (cores: number) => ({ cores, memoryBytes: 16 * 2 ** 30 });

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const BIN = join(ROOT, 'bin/dockside.js');

function dockside(args: string[], env: Record<string, string>) {
  const result = spawnSync(process.execPath, [BIN, ...args], {
    cwd: ROOT,
    encoding: 'utf8',
    env: { ...process.env, NO_COLOR: '1', DOCKSIDE_SHELLCHECK: 'off', ...env },
    timeout: 120_000,
    maxBuffer: 256 * 1024 * 1024,
  });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

const VARIANTS = [
  'FROM ubuntu\nRUN apt-get update && apt-get install -y curl\n',
  'FROM alpine:3.20\nRUN apk add --no-cache git\nUSER nobody\n',
  'FROM node:20 AS build\nWORKDIR app\nRUN npm ci | tee log\nCMD node server.js\n',
  'FROM python:3.12-slim\nRUN pip install flask\nMAINTAINER someone\n',
  'from debian\nrun if [ -f x ]; then echo $1; fi\nEXPOSE 80/TCP\n',
];

let folder: string;
beforeAll(() => {
  folder = mkdtempSync(join(tmpdir(), 'dockside-workers-'));
  // More files than MIN_FILES_FOR_WORKERS, so on more than two cores the default run uses workers.
  for (let index = 0; index < 230; index++) {
    const directory = join(folder, `project-${String(index).padStart(3, '0')}`);
    mkdirSync(directory);
    writeFileSync(join(directory, 'Dockerfile'), VARIANTS[index % VARIANTS.length]! + `LABEL n="${index}"\n`);
  }
});
afterAll(() => rmSync(folder, { recursive: true, force: true }));

describe('worker threads', () => {
  it('give the same findings, in the same order, as one thread', () => {
    const single = dockside(['lint', '--no-config', '--format', 'json', folder], { DOCKSIDE_WORKERS: '0' });
    const parallel = dockside(['lint', '--no-config', '--format', 'json', folder], { DOCKSIDE_WORKERS: '2' });
    expect(single.code).toBe(1);
    expect(parallel.code).toBe(1);
    expect(JSON.parse(single.stdout).length).toBeGreaterThan(230);
    expect(parallel.stdout).toBe(single.stdout);
    expect(parallel.stderr).toBe('');
  }, 120_000);

  it('write partwise reports while linting: the same text, --quiet and exit codes as a report gathered first', () => {
    // text alone is written as the files are linted; with sarif beside it (not partwise) the run
    // gathers every result first and renders at the end, the way all reports used to be written.
    const sarif = join(folder, 'report.sarif');
    for (const extra of [[], ['--quiet'], ['--max-warnings', '100000', '--failure-threshold', 'error']]) {
      for (const workers of ['0', '2']) {
        const streamed = dockside(['lint', '--no-config', '--format', 'text', ...extra, folder], { DOCKSIDE_WORKERS: workers });
        const gathered = dockside(['lint', '--no-config', '--format', 'text', '--format', 'sarif', '-o', '-', '-o', sarif, ...extra, folder], { DOCKSIDE_WORKERS: workers });
        expect(streamed.stdout).toMatch(/problems? \(/);
        expect(streamed.stdout).toBe(gathered.stdout);
        expect(streamed.code).toBe(gathered.code);
        expect(streamed.stderr).toBe(gathered.stderr);
      }
    }
  }, 120_000);

  it('are used by default from 200 files, or 2,500 on two cores, and never on one core', () => {
    expect(workerCount(199, {}, host(8))).toBe(0);
    expect(workerCount(200, {}, host(8))).toBe(7);
    expect(workerCount(5000, {}, host(8))).toBe(8);
    expect(workerCount(2499, {}, host(2))).toBe(0);
    expect(workerCount(2500, {}, host(2))).toBe(2);
    // One core: a worker would only add a heap and the copying of results (MIN_CORES_FOR_WORKERS).
    expect(workerCount(20000, {}, host(1))).toBe(0);
    expect(earlyWorkerCount(20000, {}, host(1))).toBe(0);
    // DOCKSIDE_WORKERS decides whatever the count.
    expect(workerCount(10, { DOCKSIDE_WORKERS: '3' }, host(2))).toBe(3);
    expect(workerCount(20000, { DOCKSIDE_WORKERS: '0' }, host(8))).toBe(0);
  });

  it('are no more than the memory the run may use allows', () => {
    const megabytes = 2 ** 20;
    // Half the limit, less the main thread's 160 MB, in 128 MB per worker.
    expect(workersMemoryAllows(512 * megabytes)).toBe(0);
    expect(workersMemoryAllows(1024 * megabytes)).toBe(2);
    expect(workersMemoryAllows(2048 * megabytes)).toBe(6);
    expect(workerCount(20000, {}, { cores: 8, memoryBytes: 1024 * megabytes })).toBe(2);
    // Too little memory for any worker: the run stays on one thread.
    expect(workerCount(20000, {}, { cores: 8, memoryBytes: 512 * megabytes })).toBe(0);
    expect(earlyWorkerCount(20000, {}, { cores: 8, memoryBytes: 512 * megabytes })).toBe(0);
    // DOCKSIDE_WORKERS still decides.
    expect(workerCount(20000, { DOCKSIDE_WORKERS: '4' }, { cores: 8, memoryBytes: 512 * megabytes })).toBe(4);
  });

  it("count a container's CPU quota, not the host's cores", () => {
    const files = (entries: Record<string, string>) => (path: string) => entries[path] ?? null;
    // cgroup v2, a container (its own cgroup at the root): `docker run --cpus 2`.
    expect(cgroupCpuLimit(files({ '/proc/self/cgroup': '0::/\n', '/sys/fs/cgroup/cpu.max': '200000 100000\n' }))).toBe(2);
    // A fraction of a CPU is rounded up; no quota anywhere is null.
    expect(cgroupCpuLimit(files({ '/proc/self/cgroup': '0::/\n', '/sys/fs/cgroup/cpu.max': '150000 100000\n' }))).toBe(2);
    expect(cgroupCpuLimit(files({ '/proc/self/cgroup': '0::/\n', '/sys/fs/cgroup/cpu.max': 'max 100000\n' }))).toBeNull();
    // A nested cgroup: the smallest quota of the process's cgroup and its parents.
    expect(
      cgroupCpuLimit(
        files({
          '/proc/self/cgroup': '0::/ci.slice/job-7\n',
          '/sys/fs/cgroup/ci.slice/job-7/cpu.max': 'max 100000',
          '/sys/fs/cgroup/ci.slice/cpu.max': '400000 100000',
          '/sys/fs/cgroup/cpu.max': '800000 100000',
        }),
      ),
    ).toBe(4);
    // cgroup v1: the path /proc/self/cgroup names is the host's; the container sees its own at the root.
    const v1 = '12:memory:/docker/abc\n4:cpu,cpuacct:/docker/abc\n1:name=systemd:/docker/abc\n';
    expect(
      cgroupCpuLimit(files({ '/proc/self/cgroup': v1, '/sys/fs/cgroup/cpu,cpuacct/cpu.cfs_quota_us': '300000\n', '/sys/fs/cgroup/cpu,cpuacct/cpu.cfs_period_us': '100000\n' })),
    ).toBe(3);
    expect(
      cgroupCpuLimit(files({ '/proc/self/cgroup': v1, '/sys/fs/cgroup/cpu/cpu.cfs_quota_us': '-1\n', '/sys/fs/cgroup/cpu/cpu.cfs_period_us': '100000\n' })),
    ).toBeNull();
    // Nothing to read (not Linux): no quota.
    expect(cgroupCpuLimit(files({}))).toBeNull();
  });

  it('start during discovery only once the count is final', () => {
    // Two cores: from 2,500 files the count is the core count, and more files do not change it.
    expect(earlyWorkerCount(2499, {}, host(2))).toBe(0);
    expect(earlyWorkerCount(2500, {}, host(2))).toBe(2);
    // Eight cores: 200 files give 7 workers (one per 32-file batch) and 225 give 8, the most.
    expect(earlyWorkerCount(200, {}, host(8))).toBe(0);
    expect(earlyWorkerCount(224, {}, host(8))).toBe(0);
    expect(earlyWorkerCount(225, {}, host(8))).toBe(8);
    expect(earlyWorkerCount(1, { DOCKSIDE_WORKERS: '3' }, host(8))).toBe(3);
    expect(earlyWorkerCount(100_000, { DOCKSIDE_WORKERS: '0' }, host(8))).toBe(0);
  });

  it('started during discovery and then not needed are stopped: the run ends as one thread would', () => {
    // The same folder twice: discovery counts every file twice, the run lints each once. On two
    // cores the count crosses 2,500 (workers start) but the run has 1,300 files (one thread).
    const twice = mkdtempSync(join(tmpdir(), 'dockside-workers-twice-'));
    onTestFinished(() => rmSync(twice, { recursive: true, force: true }));
    for (let index = 0; index < 1300; index++) {
      writeFileSync(join(twice, `n${String(index).padStart(4, '0')}.Dockerfile`), VARIANTS[index % VARIANTS.length]!);
    }
    const once = dockside(['lint', '--no-config', '--format', 'json', twice], { DOCKSIDE_WORKERS: '0' });
    const repeated = dockside(['lint', '--no-config', '--format', 'json', twice, twice], {});
    expect(once.code).toBe(1);
    expect(repeated.code).toBe(1);
    expect(repeated.stdout).toBe(once.stdout);
    expect(repeated.stderr).toBe('');
  }, 120_000);

  it('hand the files of a worker that runs out of memory back to the main thread', () => {
    const single = dockside(['lint', '--no-config', '--format', 'json', folder], { DOCKSIDE_WORKERS: '0' });
    const starved = dockside(['lint', '--no-config', '--format', 'json', folder], { DOCKSIDE_WORKERS: '2', DOCKSIDE_WORKER_HEAP_MB: '2' });
    expect(starved.code).toBe(1);
    expect(starved.stdout).toBe(single.stdout);
    expect(starved.stderr).toMatch(/^dockside: a worker thread stopped \(.*memory.*\); its files were linted on the main thread\n$/);
  }, 120_000);

  it('stops cleanly when the reader of a large report goes away (`| head`)', async () => {
    const child = spawn(process.execPath, [BIN, 'lint', '--no-config', '--format', 'json', folder], {
      cwd: ROOT,
      env: { ...process.env, NO_COLOR: '1', DOCKSIDE_SHELLCHECK: 'off' },
    });
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.stdout.once('data', () => child.stdout.destroy());
    const code = await new Promise<number | null>((resolveExit) => child.on('close', resolveExit));
    // The report is cut short: exit 2, and nothing said (stdout-closed.test.ts has the details).
    expect(code).toBe(2);
    expect(stderr).toBe('');
  }, 120_000);
});
