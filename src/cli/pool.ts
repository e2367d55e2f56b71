/**
 * Spreads a large run over worker threads, one per usable core, in small batches so a slow file
 * does not hold up a whole share. Small runs stay on the main thread: starting a worker (and its
 * shell parser) costs more than linting a few dozen files.
 *
 * Each worker's heap is capped: its live data is small (one file at a time) but V8 lets an
 * allocating isolate grow to hundreds of MB before a full collection, and the whole-corpus run
 * must stay under 300 MB (issue 8). A worker that dies anyway (a pathological file exhausting
 * its capped heap) loses nothing: its batch is linted again on the main thread, whose heap is not
 * capped, and the run goes on.
 */
import { createRequire } from 'node:module';
import { hostCapacity, type HostCapacity } from '../io/host-capacity.js';
import type { Worker } from 'node:worker_threads';
import type { Finding, Mutable } from '../engine/types.js';
import type { JobOutcome, LintJobRunner, SharedLintOptions } from './lint-job.js';
import type { WorkerBatch, WorkerReply } from './lint-worker.js';

let workerThreadsStarted = false;

/**
 * Whether this process linted in worker threads. `bin/dockside.js` asks before saving its code
 * cache: such a run compiled the rules in the workers, so the main thread's cache would lack them
 * (measured: a one-file run then started 25 ms slower than with a cache from a one-file run).
 */
export function lintedInWorkerThreads(): boolean {
  return workerThreadsStarted;
}

/** Below this many files a run is single-threaded. */
export const MIN_FILES_FOR_WORKERS = 200;
/**
 * The same on two cores or fewer. There a single-threaded run already keeps the second core busy
 * with V8's compiler and GC, and each worker pays its own start-up and warm-up. Measured on two
 * vCPUs with the code cache: at 600, 1,000 and 2,000 corpus files one thread was as fast or
 * faster (2,000: 2.8-3.5 s against 3.1-3.4 s) and used a third less CPU; on the whole corpus
 * (20,000) the workers won by ~20%.
 */
export const MIN_FILES_FOR_WORKERS_ON_TWO_CORES = 2500;
/**
 * One usable core (`docker run --cpus 1`, a small VM) never gets a worker: it would do the same
 * work as the main thread, on the same core, with a second heap and every result copied across.
 * Measured pinned to one CPU (`taskset -c 0`), one worker against one thread: 5,000 corpus files
 * 6.5-8.0 s against 5.8-7.0 s (3 pairs), 10,000 files 10.4-10.9 s against 8.7-9.9 s (2 pairs),
 * the whole corpus a tie (3 pairs, each faster once or twice), and 20-24 MB more memory every time.
 */
const MIN_CORES_FOR_WORKERS = 2;
const BATCH_SIZE = 32;
/**
 * Heap caps per worker (MB). Live data per worker is ~20-30 MB. The young generation is where a
 * file's model lives and dies, and each scavenge costs ~2 ms whatever its size (it copies the file
 * in progress): at 16 MB the two workers ran ~570 scavenges over the corpus. 32 MB halves them and
 * took the whole-corpus run from 7.9-8.6 s to 7.4-7.5 s on two vCPUs. It also brought the run's peak
 * to 284-308 MB, over issue 8's 300 MB, until the main thread shared the findings' repeated messages
 * (shareRepeatedValues): 272-289 MB since. 24 MB was no faster than 16.
 */
const WORKER_OLD_GENERATION_MB = 64;
const WORKER_YOUNG_GENERATION_MB = 32;

/**
 * What a worker may cost in memory at worst: its heap caps, plus what lives outside its heap (the
 * shell grammar's WASM, ~15 MB, compiled code and the isolate itself). A whole-corpus run measured
 * ~60-90 MB per worker (`DOCKSIDE_WORKERS=2,3,4,6`: 279, 325, 391 and 510 MB peaks).
 */
const WORKER_MEMORY_BUDGET_BYTES = (WORKER_OLD_GENERATION_MB + WORKER_YOUNG_GENERATION_MB + 32) * 1024 * 1024;
/** What the main thread may take: a one-thread whole-corpus run peaks at ~160 MB. */
const MAIN_THREAD_MEMORY_BUDGET_BYTES = 160 * 1024 * 1024;

/**
 * How many workers fit in half of the memory the run may use, beside the main thread: a container
 * limited to 1 GB gets two at most, one limited to 512 MB none (a one-thread run). Half, because a
 * linter shares its machine (a CI job's build, an editor) and its peak is only estimated.
 */
export function workersMemoryAllows(memoryBytes: number): number {
  return Math.max(0, Math.floor((memoryBytes / 2 - MAIN_THREAD_MEMORY_BUDGET_BYTES) / WORKER_MEMORY_BUDGET_BYTES));
}

/**
 * The number of worker threads for a run of `fileCount` files: DOCKSIDE_WORKERS when set, else
 * none for a small run or a single core, else one per usable core (a container's CPU quota
 * counts, see host-capacity.ts) and no more than one per batch, nor than the memory the run may
 * use allows.
 */
export function workerCount(fileCount: number, env: NodeJS.ProcessEnv, capacity?: HostCapacity): number {
  const requested = env.DOCKSIDE_WORKERS !== undefined ? Number.parseInt(env.DOCKSIDE_WORKERS, 10) : Number.NaN;
  if (Number.isInteger(requested) && requested >= 0) return requested;
  // Most runs are a few files: they decide here, without reading the machine's limits.
  if (fileCount < MIN_FILES_FOR_WORKERS) return 0;
  const { cores, memoryBytes } = capacity ?? hostCapacity();
  if (cores < MIN_CORES_FOR_WORKERS) return 0;
  if (cores <= 2 && fileCount < MIN_FILES_FOR_WORKERS_ON_TWO_CORES) return 0;
  return Math.min(cores, Math.ceil(fileCount / BATCH_SIZE), workersMemoryAllows(memoryBytes));
}

interface Batch {
  readonly id: number;
  readonly start: number;
  readonly paths: string[];
}

/**
 * How many workers a run of at least `found` files uses, when that is already its final number:
 * the run may start them before discovery ends (their start-up, ~60-80 ms each, then overlaps the
 * rest of the folder walk). Zero while more files could still change the count.
 */
export function earlyWorkerCount(found: number, env: NodeJS.ProcessEnv, capacity?: HostCapacity): number {
  const count = workerCount(found, env, capacity);
  return count > 0 && count === workerCount(Number.MAX_SAFE_INTEGER, env, capacity) ? count : 0;
}

/**
 * A pool has a worker per core, so every core is busy linting and V8's helper threads only compete
 * with the workers. Setting it again for a second pool changes nothing.
 *
 * - Worker isolates optimise on their own thread (--no-concurrent-recompilation): a function waited
 *   for its optimised code while it ran unoptimised, and over the corpus a worker took ~7 s to reach
 *   the files/s of one warm thread. The flag is read when an isolate is created, so the main
 *   thread's isolate, created earlier, keeps compiling in the background, as a one-thread run should
 *   (there it measured 3% faster than synchronous).
 * - Young-generation collections run on the collecting thread alone (--no-parallel-scavenge): a
 *   worker collects ~150 times over the corpus, and its helpers had no idle core to run on. Whole
 *   corpus, two workers on two vCPUs, 11 interleaved pairs: faster in 9, ~3-5% less wall and CPU.
 *   The main thread of a pooled run only gathers results, so it loses nothing by it either.
 * - A hot function is optimised after two interrupt-budget ticks, not V8's three
 *   (--ticks-before-optimization=2): with synchronous compiles a worker runs a function in its slow
 *   tiers until then, and over the corpus most of a worker's time is spent before its hot code is
 *   optimised. Whole corpus, two workers on two vCPUs, 9 interleaved pairs: faster in 8, mean wall
 *   ~5% less. One thread measured the same either way (4 pairs), so the flag waits for a pool.
 */
function tuneV8ForWorkerPool(require: NodeJS.Require): void {
  (require('node:v8') as typeof import('node:v8')).setFlagsFromString('--no-concurrent-recompilation --no-parallel-scavenge --ticks-before-optimization=2');
}

/** One worker thread of a pool, and what its events are handed to once it has work. */
class PoolMember {
  /** Why it stopped, once it has; a worker that dies before it is given work is remembered here. */
  deathReason: string | null = null;
  onMessage: ((reply: WorkerReply) => void) | null = null;
  onDeath: ((reason: string) => void) | null = null;

  constructor(readonly worker: Worker) {
    // Listened to from the start: an 'error' event nobody listens to would end the process.
    worker.on('message', (reply: WorkerReply) => this.onMessage?.(reply));
    worker.on('error', (error) => this.die(error instanceof Error ? error.message : String(error)));
    worker.on('exit', () => this.die('it exited'));
  }

  private die(reason: string): void {
    if (this.deathReason !== null) return;
    this.deathReason = reason;
    this.onDeath?.(reason);
  }
}

/**
 * Worker threads started for a run. `start` only creates them (each loads the bundle and the
 * rules on its own thread), so a caller can start them while it is still finding the files, then
 * hand them the paths with `lint`.
 */
export class WorkerPool {
  private used = false;
  /** Replacements for workers that die mid-run, left to start (see `lint`). */
  private replacementsLeft: number;

  private constructor(
    /** Every worker started, replacements included (`close` stops them all). */
    private readonly members: PoolMember[],
    private readonly startMember: () => PoolMember,
  ) {
    this.replacementsLeft = members.length;
  }

  static start(shared: SharedLintOptions, count: number, env: NodeJS.ProcessEnv = {}): WorkerPool {
    // DOCKSIDE_WORKER_HEAP_MB overrides the cap (tests use a tiny one to make workers die).
    const heapOverride = Number.parseInt(env.DOCKSIDE_WORKER_HEAP_MB ?? '', 10);
    const oldGenerationMb = Number.isInteger(heapOverride) && heapOverride > 0 ? heapOverride : WORKER_OLD_GENERATION_MB;
    // Required here, not imported: small runs never start a worker (~3 ms of a cold start), and a
    // pool started during discovery must start now, not after the synchronous folder walk.
    const require = createRequire(import.meta.url);
    const { Worker: WorkerThread } = require('node:worker_threads') as typeof import('node:worker_threads');
    tuneV8ForWorkerPool(require);
    const workerUrl = new URL('./lint-worker.js', import.meta.url);
    workerThreadsStarted = true;
    const startMember = (): PoolMember =>
      new PoolMember(
        new WorkerThread(workerUrl, {
          workerData: shared,
          resourceLimits: { maxOldGenerationSizeMb: oldGenerationMb, maxYoungGenerationSizeMb: Math.min(WORKER_YOUNG_GENERATION_MB, oldGenerationMb) },
        }),
      );
    return new WorkerPool(Array.from({ length: count }, startMember), startMember);
  }

  /**
   * Lints `paths` in batches over the pool's workers (once per pool). Outcomes are delivered as
   * they arrive; batches of workers that die are linted on the main thread with `fallback`.
   *
   * A worker that dies (a file too big for its capped heap, such as an 18 MB continued RUN) is
   * replaced by a new worker while there is work left: before, the rest of the run went on with
   * one worker fewer, and a run of two workers took twice as long. The pool replaces as many
   * workers as it started, no more, so where no worker can run (no thread can start, a heap too
   * small for any file) the waste is one more failed start per worker (~0.1 s) before the main
   * thread takes the rest.
   */
  async lint(
    paths: readonly string[],
    /** Lints a batch whose worker died; the main thread's runner. */
    fallback: LintJobRunner,
    /** Told each file's outcome as it arrives (by its index in `paths`), in no particular order. */
    deliver: (index: number, outcome: JobOutcome) => void,
    /** Told once per worker that died before finishing its work. */
    onWorkerDeath: (reason: string) => void = () => {},
    /**
     * Asked before each batch is handed out; a promise holds the batches back until it settles (a
     * full stdout pipe: the workers would otherwise out-run a slow reader and the report queue up
     * in memory).
     */
    room: () => Promise<void> | undefined = () => undefined,
    /**
     * Asked before each batch is handed out: once it says yes, no more are (the only reader of the
     * report went away, `dockside lint … | head`). The batches in flight still come back.
     */
    stopped: () => boolean = () => false,
  ): Promise<void> {
    if (this.used) throw new Error('a worker pool lints one list of paths');
    this.used = true;
    const batches: Batch[] = [];
    for (let start = 0, id = 0; start < paths.length; start += BATCH_SIZE, id++) {
      batches.push({ id, start, paths: paths.slice(start, start + BATCH_SIZE) });
    }
    let next = 0;
    const orphaned: Batch[] = [];
    const interned: InternTables = { strings: new Map(), aliasLists: new Map() };
    // More workers than batches: the spare ones are stopped unused.
    const working = this.members.slice(0, batches.length);
    await Promise.all(this.members.slice(batches.length).map((member) => member.worker.terminate()));
    const drive = (member: PoolMember): Promise<void> =>
      new Promise<void>((resolvePromise) => {
        const { worker } = member;
        // Batches sent and not answered yet: two, so the worker has the next one queued when it
        // finishes one (with one at a time it sat idle for every round trip to this thread).
        const inFlight = new Map<number, Batch>();
        let finished = false;
        const finish = (reason: string): void => {
          if (finished) return;
          finished = true;
          onWorkerDeath(reason);
          orphaned.push(...inFlight.values());
          inFlight.clear();
          if (next < batches.length && !stopped() && this.replacementsLeft > 0) {
            this.replacementsLeft--;
            const replacement = this.startMember();
            this.members.push(replacement);
            resolvePromise(drive(replacement));
          } else {
            resolvePromise();
          }
        };
        if (member.deathReason !== null) {
          finish(member.deathReason);
          return;
        }
        const sendNext = (): void => {
          // A call held back by `room` may come after the worker died: its batches went back.
          if (finished) return;
          const more = next < batches.length && !stopped();
          const full = more ? room() : undefined;
          if (full) {
            void full.then(sendNext, sendNext);
            return;
          }
          const batch = more ? batches[next] : undefined;
          if (batch) {
            next++;
            inFlight.set(batch.id, batch);
            worker.postMessage({ batchId: batch.id, paths: batch.paths } satisfies WorkerBatch);
          }
          if (inFlight.size === 0) {
            finished = true;
            void worker.terminate().then(() => resolvePromise());
          }
        };
        member.onMessage = (reply) => {
          const batch = batches[reply.batchId]!;
          reply.outcomes.forEach((outcome, offset) => {
            deliver(batch.start + offset, shareRepeatedValues(outcome, interned));
          });
          inFlight.delete(reply.batchId);
          sendNext();
        };
        // A worker that dies (out of memory, a crash) hands its batches back; the others go on.
        member.onDeath = finish;
        sendNext();
        if (!finished) sendNext();
      });
    await Promise.all(working.map(drive));
    // Batches of dead workers, and any never started because every worker died: the main thread.
    while (next < batches.length) orphaned.push(batches[next++]!);
    for (const batch of orphaned) {
      await fallback.runEach(batch.paths, (offset, outcome) => deliver(batch.start + offset, outcome), () => !stopped());
    }
  }

  /**
   * Stops every worker: a pool the run turned out not to need, or a run that failed. `lint` stops
   * its workers itself when the work is done; stopping a stopped worker does nothing.
   */
  async close(): Promise<void> {
    this.used = true;
    await Promise.all(this.members.map((member) => member.worker.terminate()));
  }
}

interface InternTables {
  readonly strings: Map<string, string>;
  readonly aliasLists: Map<string, readonly string[]>;
}

/**
 * A worker's reply arrives as copies: every finding brings its own copy of the file path, code,
 * rule name, level and alias list. A run whose report is gathered before it is written (a format
 * that is not partwise, or fixing) keeps all of them, ~170,000 on the whole corpus, so the copies are
 * replaced by one shared value each (~30 MB of the main thread's heap). Streamed runs get report
 * parts instead of findings, and this has nothing to do.
 */
function shareRepeatedValues(outcome: JobOutcome, tables: InternTables): JobOutcome {
  const intern = (value: string): string => {
    const known = tables.strings.get(value);
    if (known !== undefined) return known;
    tables.strings.set(value, value);
    return value;
  };
  const file = outcome.result.file;
  for (const finding of outcome.result.findings as Mutable<Finding>[]) {
    finding.file = file;
    finding.code = intern(finding.code);
    finding.rule = intern(finding.rule);
    finding.level = intern(finding.level) as Finding['level'];
    // Messages repeat too (the same package, the same base image, over many files): the corpus's
    // 174,099 findings hold ~12,000 distinct strings, and sharing them saves ~18 MB here.
    finding.message = intern(finding.message);
    const key = finding.aliases.join('\0');
    const aliases = tables.aliasLists.get(key);
    if (aliases) finding.aliases = aliases;
    else tables.aliasLists.set(key, finding.aliases);
  }
  return outcome;
}
