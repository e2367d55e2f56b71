/**
 * Reading a file the user named, with a size limit: one open, the size checked before reading, and
 * an end for files that report no size (a pipe, a device, a `/proc` file; `/dev/zero` has none).
 * `readFileSync` on `/dev/zero` never returns, and on a 10 GB file reads all of it.
 */
import { closeSync, fstatSync, openSync, readSync } from 'node:fs';

export type BoundedRead =
  | { readonly kind: 'read'; readonly bytes: Buffer }
  /** `size` is null when only known to be over the limit (read up to one chunk past it). */
  | { readonly kind: 'too-large'; readonly size: number | null }
  | { readonly kind: 'folder' }
  /** Node's error code (`ENOENT`, `EACCES`, `ELOOP`), or the message when it has none. */
  | { readonly kind: 'failed'; readonly code: string };

export function readBounded(path: string, limit: number): BoundedRead {
  let descriptor: number | null = null;
  try {
    // One open, then questions about the open file: no second lookup of the path (and of every
    // symlink on it) per file.
    descriptor = openSync(path, 'r');
    const stats = fstatSync(descriptor);
    if (stats.isDirectory()) return { kind: 'folder' };
    if (stats.size > limit) return { kind: 'too-large', size: stats.size };
    const bytes = stats.isFile() && stats.size > 0 ? readUpTo(descriptor, stats.size) : readUnsized(descriptor, limit);
    return bytes.length > limit ? { kind: 'too-large', size: null } : { kind: 'read', bytes };
  } catch (error) {
    return { kind: 'failed', code: (error as NodeJS.ErrnoException).code ?? (error as Error).message };
  } finally {
    if (descriptor !== null) closeSync(descriptor);
  }
}

/**
 * Reads a regular file whose size `fstat` just gave, as `readFileSync(descriptor)` would (which
 * asks `fstat` again, once per file of the run).
 */
function readUpTo(descriptor: number, size: number): Buffer {
  const buffer = Buffer.allocUnsafe(size);
  let filled = 0;
  while (filled < size) {
    const count = readSync(descriptor, buffer, filled, size - filled, null);
    if (count === 0) break;
    filled += count;
  }
  return filled === size ? buffer : buffer.subarray(0, filled);
}

/** Reads what `fstat` gives no size for until its end, or until it is past `limit`. */
function readUnsized(descriptor: number, limit: number): Buffer {
  const chunks: Buffer[] = [];
  let total = 0;
  while (total <= limit) {
    const chunk = Buffer.allocUnsafe(64 * 1024);
    const count = readSync(descriptor, chunk, 0, chunk.length, null);
    if (count === 0) break;
    chunks.push(count === chunk.length ? chunk : chunk.subarray(0, count));
    total += count;
  }
  return Buffer.concat(chunks, total);
}
