/**
 * Spreads a large run over worker threads, one per core, in small batches so a slow file does not
 * hold up a whole share. Small runs stay on the main thread: starting a worker (and its shell
 * parser) costs more than linting a few dozen files.
 */
import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import type { JobOutcome, SharedLintOptions } from './lint-job.js';
import type { WorkerBatch, WorkerReply } from './lint-worker.js';

/** Below this many files a run is single-threaded. */
export const MIN_FILES_FOR_WORKERS = 200;
const BATCH_SIZE = 32;

export function workerCount(fileCount: number, env: NodeJS.ProcessEnv): number {
  const requested = env.DOCKSIDE_WORKERS !== undefined ? Number.parseInt(env.DOCKSIDE_WORKERS, 10) : Number.NaN;
  if (Number.isInteger(requested) && requested >= 0) return requested;
  if (fileCount < MIN_FILES_FOR_WORKERS) return 0;
  return Math.max(1, Math.min(availableParallelism(), Math.ceil(fileCount / BATCH_SIZE)));
}

export async function lintInWorkers(
  paths: readonly string[],
  shared: SharedLintOptions,
  count: number,
): Promise<JobOutcome[]> {
  const outcomes: JobOutcome[] = new Array<JobOutcome>(paths.length);
  const batches: { id: number; start: number; paths: string[] }[] = [];
  for (let start = 0, id = 0; start < paths.length; start += BATCH_SIZE, id++) {
    batches.push({ id, start, paths: paths.slice(start, start + BATCH_SIZE) });
  }
  let next = 0;
  const workerUrl = new URL('./lint-worker.js', import.meta.url);
  await Promise.all(
    Array.from({ length: Math.min(count, batches.length) }, () =>
      new Promise<void>((resolvePromise, rejectPromise) => {
        const worker = new Worker(workerUrl, { workerData: shared });
        const sendNext = (): void => {
          const batch = batches[next++];
          if (!batch) {
            void worker.terminate().then(() => resolvePromise());
            return;
          }
          worker.postMessage({ batchId: batch.id, paths: batch.paths } satisfies WorkerBatch);
        };
        worker.on('message', (reply: WorkerReply) => {
          const batch = batches[reply.batchId]!;
          reply.outcomes.forEach((outcome, offset) => {
            outcomes[batch.start + offset] = outcome;
          });
          sendNext();
        });
        worker.on('error', rejectPromise);
        sendNext();
      }),
    ),
  );
  return outcomes;
}
