/**
 * A worker thread of a large run: lints the batches of paths it is sent with the same
 * `LintJobRunner` the main thread uses, and posts the outcomes back in order.
 */
import { parentPort, workerData } from 'node:worker_threads';
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

if (parentPort) {
  const port = parentPort;
  const runner = new LintJobRunner(defaultRegistry(), workerData as SharedLintOptions);
  // The main thread keeps a second batch queued here, so the worker never waits for the next one;
  // batches are still linted one at a time, in the order they came.
  const queue: WorkerBatch[] = [];
  let draining = false;
  const drain = async (): Promise<void> => {
    draining = true;
    for (let batch = queue.shift(); batch; batch = queue.shift()) {
      const outcomes: JobOutcome[] = [];
      for (const path of batch.paths) outcomes.push(await runner.run(path));
      port.postMessage({ batchId: batch.batchId, outcomes } satisfies WorkerReply);
    }
    draining = false;
  };
  port.on('message', (batch: WorkerBatch) => {
    queue.push(batch);
    if (!draining) void drain();
  });
}
