/**
 * A worker that dies mid-run on a file too big for its capped heap is replaced (src/cli/pool.ts):
 * only the batches it held go to the main thread, and a new worker lints the rest. Driven through
 * the built pool (dist/cli/pool.js starts dist/cli/lint-worker.js), with a main-thread runner that
 * records what it is given.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { JobOutcome, LintJobRunner } from '../../src/cli/lint-job.js';
import type { WorkerPool } from '../../src/cli/pool.js';
import { PLAIN_LINT_OPTIONS } from '../support/lint-options.js';

const POOL = fileURLToPath(new URL('../../dist/cli/pool.js', import.meta.url));
const { WorkerPool: BuiltPool } = (await import(POOL)) as { WorkerPool: typeof WorkerPool };

const SHARED = PLAIN_LINT_OPTIONS;
/** Small files lint well within this heap; the big one needs ~50 MB. */
const TINY_HEAP = { DOCKSIDE_WORKER_HEAP_MB: '16' };
const BATCH_SIZE = 32;

let folder: string;
let paths: string[];
const BIG_FILE_INDEX = 40;
beforeAll(() => {
  folder = mkdtempSync(join(tmpdir(), 'dockside-pool-'));
  paths = [];
  for (let index = 0; index < 200; index++) {
    const path = join(folder, `${String(index).padStart(3, '0')}.Dockerfile`);
    // A RUN continued over 120,000 lines (6.5 MB): its script's model outgrows the tiny heap.
    const content =
      index === BIG_FILE_INDEX
        ? `FROM alpine:3.19\nRUN echo ${'a b c d e f g h i j k l m n o p q r s t u v w x y z \\\n'.repeat(120_000)} done\n`
        : `FROM alpine:3.19\nRUN apk add curl\nLABEL n="${index}"\n`;
    writeFileSync(path, content);
    paths.push(path);
  }
});
afterAll(() => rmSync(folder, { recursive: true, force: true }));

/** A main-thread runner that records the paths it is handed and answers each with an empty result. */
function recordingFallback(): { runner: LintJobRunner; given: string[] } {
  const given: string[] = [];
  const runner = {
    async runEach(batch: readonly string[], deliver: (index: number, outcome: JobOutcome) => void): Promise<void> {
      batch.forEach((path, index) => {
        given.push(path);
        deliver(index, { result: { file: path, findings: [] }, threshold: 'warning', configError: null, operationalError: false });
      });
    },
  };
  return { runner: runner as unknown as LintJobRunner, given };
}

describe('a worker pool whose worker runs out of memory on one file', () => {
  it('replaces the worker: the main thread lints only the batches the dead worker held', async () => {
    const pool = BuiltPool.start(SHARED, 1, TINY_HEAP);
    const { runner, given } = recordingFallback();
    const delivered = new Map<number, JobOutcome>();
    const deaths: string[] = [];
    await pool.lint(paths, runner, (index, outcome) => delivered.set(index, outcome), (reason) => deaths.push(reason));
    expect(deaths).toHaveLength(1);
    expect(deaths[0]).toMatch(/memory/);
    // The worker held the big file's batch and the next one (two in flight): 64 files at most.
    const bigBatchStart = Math.floor(BIG_FILE_INDEX / BATCH_SIZE) * BATCH_SIZE;
    expect(given).toContain(paths[BIG_FILE_INDEX]);
    expect(given.length).toBeLessThanOrEqual(2 * BATCH_SIZE);
    expect(given.every((path) => paths.indexOf(path) >= bigBatchStart && paths.indexOf(path) < bigBatchStart + 2 * BATCH_SIZE)).toBe(true);
    // Every file has its outcome, the last ones from the replacement worker (real findings).
    expect(delivered.size).toBe(paths.length);
    expect(delivered.get(paths.length - 1)!.result.findings.length).toBeGreaterThan(0);
    await pool.close();
  }, 60_000);

  it('replaces no more workers than it started when none can run', async () => {
    // A heap too small to start in: the worker and its one replacement die, and every file goes
    // to the main thread.
    const pool = BuiltPool.start(SHARED, 1, { DOCKSIDE_WORKER_HEAP_MB: '1' });
    const { runner, given } = recordingFallback();
    const deaths: string[] = [];
    await pool.lint(paths, runner, () => {}, (reason) => deaths.push(reason));
    expect(deaths).toHaveLength(2);
    expect([...given].sort()).toEqual(paths);
    await pool.close();
  }, 60_000);
});
