/**
 * What a run may use of the machine: how many CPUs and how much memory. The worker pool
 * (cli/pool.ts) and the number of ShellCheck processes at once (shellcheck/runner.ts) follow it.
 *
 * Node 20's `availableParallelism()` counts the cores the process may be scheduled on, but not a
 * cgroup CPU quota, which is how containers are usually limited (`docker run --cpus 2`, a
 * Kubernetes CPU limit, most CI runners): inside a two-CPU container on a 64-core host it answers
 * 64, and a run would start 64 workers, each with its own heap (~60-120 MB), to share two CPUs.
 * Go's runtime and newer libuv read the quota the same way as `cgroupCpuLimit` below.
 */
import { readFileSync } from 'node:fs';
import { availableParallelism, totalmem } from 'node:os';

export interface HostCapacity {
  /** CPUs this process may keep busy (at least 1). */
  readonly cores: number;
  /** Memory this process may use, in bytes: a cgroup memory limit, else the machine's memory. */
  readonly memoryBytes: number;
}

/** Reads a small system file; null when it does not exist or cannot be read. */
export type ReadSystemFile = (path: string) => string | null;

const readSystemFile: ReadSystemFile = (path) => {
  try {
    return readFileSync(path, 'utf8');
  } catch {
    return null;
  }
};

let measured: HostCapacity | null = null;

/** This machine's capacity, read once per process (only by runs large enough for workers). */
export function hostCapacity(): HostCapacity {
  if (measured === null) {
    const quota = cgroupCpuLimit(readSystemFile);
    const cores = Math.max(1, Math.min(availableParallelism(), quota ?? Number.POSITIVE_INFINITY));
    measured = { cores, memoryBytes: memoryLimitBytes() };
  }
  return measured;
}

/**
 * The CPUs a cgroup quota allows this process, rounded up (1.5 CPUs keep two threads busy part of
 * the time), or null when no quota applies. cgroup v2: `cpu.max` ("max 100000" or "<quota>
 * <period>") in the process's cgroup and each of its parents, the smallest quota winning. cgroup
 * v1: `cpu.cfs_quota_us` / `cpu.cfs_period_us` (-1: none), looked up under the process's cgroup
 * path and at the mount's root (a container sees its own cgroup there while /proc/self/cgroup
 * still names the host's path).
 */
export function cgroupCpuLimit(read: ReadSystemFile): number | null {
  const membership = read('/proc/self/cgroup');
  if (membership === null) return null;
  let limit = Number.POSITIVE_INFINITY;
  for (const line of membership.split('\n')) {
    // "<hierarchy id>:<controllers>:<path>"; the path may itself hold colons.
    const first = line.indexOf(':');
    const second = line.indexOf(':', first + 1);
    if (first === -1 || second === -1) continue;
    const controllers = line.slice(first + 1, second);
    const path = line.slice(second + 1).trim();
    if (controllers === '' && line.slice(0, first) === '0') {
      for (const folder of selfAndParents('/sys/fs/cgroup', path)) {
        const [quota, period] = (read(`${folder}/cpu.max`) ?? '').trim().split(/\s+/);
        limit = Math.min(limit, cpusFromQuota(quota, period));
      }
    } else if (controllers.split(',').includes('cpu')) {
      for (const mount of ['/sys/fs/cgroup/cpu', '/sys/fs/cgroup/cpu,cpuacct']) {
        for (const folder of selfAndParents(mount, path)) {
          limit = Math.min(limit, cpusFromQuota(read(`${folder}/cpu.cfs_quota_us`)?.trim(), read(`${folder}/cpu.cfs_period_us`)?.trim()));
        }
      }
    }
  }
  return Number.isFinite(limit) ? Math.max(1, Math.ceil(limit)) : null;
}

/** `root + path`, then each parent up to `root` itself. */
function selfAndParents(root: string, path: string): string[] {
  const parts = path.split('/').filter((part) => part !== '' && part !== '.' && part !== '..');
  const folders: string[] = [];
  for (let depth = parts.length; depth >= 0; depth--) folders.push([root, ...parts.slice(0, depth)].join('/'));
  return folders;
}

/** A quota over a period as a number of CPUs; infinite when there is no (valid) quota. */
function cpusFromQuota(quota: string | undefined, period: string | undefined): number {
  const quotaMicros = Number(quota);
  const periodMicros = Number(period);
  if (!(quotaMicros > 0) || !(periodMicros > 0)) return Number.POSITIVE_INFINITY;
  return quotaMicros / periodMicros;
}

/**
 * The memory this process may use: Node's `process.constrainedMemory()` (a cgroup limit; it
 * answers 0 or a huge number when there is none) when below the machine's memory, else the
 * machine's memory.
 */
function memoryLimitBytes(): number {
  const machine = totalmem();
  const constrained = process.constrainedMemory?.() ?? 0;
  return constrained > 0 && constrained < machine ? constrained : machine;
}
