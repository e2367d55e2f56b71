/**
 * A worker thread of a large run: lints the batches of paths it is sent with the same
 * `LintJobRunner` the main thread uses, and posts the outcomes back in order.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { initShellParser } from '../parser/shell.js';
import { defaultRegistry } from '../rules/index.js';
import { LintJobRunner, type JobOutcome, type SharedLintOptions } from './lint-job.js';

export interface WorkerBatch {
  readonly batchId: number;
  readonly paths: readonly string[];
}

export interface WorkerReply {
  readonly batchId: number;
  readonly outcomes: readonly JobOutcome[];
}

/**
 * How many files a worker lints before it calls the `whenWarm` callback. By then it has compiled
 * nearly every function a large run uses: the bundled CLI saves the worker's code cache then
 * (bin/code-cache.js), as a worker is stopped, not left to exit, when the run's work is done.
 */
const WARM_AFTER_FILES = 500;
let onWarm: (() => void) | null = null;

/** Calls `callback` once this worker has linted `WARM_AFTER_FILES` files (if it ever does). */
export function whenWarm(callback: () => void): void {
  onWarm = callback;
}

if (parentPort) {
  const port = parentPort;
  const runner = new LintJobRunner(defaultRegistry(), workerData as SharedLintOptions);
  // A worker's share of a large run is thousands of files, some of whose RUN scripts the fast shell
  // parser leaves to tree-sitter: its WASM loads now, while the worker waits for its first batch (the
  // main thread is still finding files), not in the middle of a batch. The load needs this thread's
  // event loop, which a batch keeps busy, so the first batch waits for it. A failed load is not
  // reported here: the file that needs the parser awaits the same load and reports its error.
  const shellParserLoaded = initShellParser().catch(() => {});
  // The main thread keeps a second batch queued here, so the worker never waits for the next one;
  // batches are still linted one at a time, in the order they came (the files of one batch go
  // together only while ShellCheck runs, to share its process: LintJobRunner.runEach).
  const queue: WorkerBatch[] = [];
  let draining = false;
  let linted = 0;
  const drain = async (): Promise<void> => {
    draining = true;
    await shellParserLoaded;
    for (let batch = queue.shift(); batch; batch = queue.shift()) {
      const outcomes: JobOutcome[] = [];
      await runner.runEach(batch.paths, (index, outcome) => (outcomes[index] = outcome));
      linted += batch.paths.length;
      // Before the reply: once the main thread has its last reply it stops this worker, and a
      // callback that ran after it could be cut short.
      if (onWarm && linted >= WARM_AFTER_FILES) {
        const callback = onWarm;
        onWarm = null;
        callback();
      }
      port.postMessage({ batchId: batch.batchId, outcomes } satisfies WorkerReply);
    }
    draining = false;
  };
  port.on('message', (batch: WorkerBatch) => {
    queue.push(batch);
    if (!draining) void drain();
  });
}
