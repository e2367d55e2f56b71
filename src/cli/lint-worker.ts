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
  port.on('message', (batch: WorkerBatch) => {
    void (async () => {
      const outcomes: JobOutcome[] = [];
      for (const path of batch.paths) outcomes.push(await runner.run(path));
      port.postMessage({ batchId: batch.batchId, outcomes } satisfies WorkerReply);
    })();
  });
}
