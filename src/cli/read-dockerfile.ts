/**
 * Reading a Dockerfile from disk with the limits every command applies: one open, a size check
 * before reading, and an end for files that have none (`/dev/zero`). `lint` and `analyze` read
 * through here, so both refuse the same files with the same words.
 */
import { closeSync, fstatSync, openSync, readSync } from 'node:fs';

/** Files larger than this are refused before reading: no Dockerfile is 20 MiB. */
export const MAX_FILE_BYTES = 20 * 1024 * 1024;

/** The error for a file past the limit whose size is known only to be over it (stdin, pipes). */
export const OVER_LIMIT = `file too large to be a Dockerfile (over ${MAX_FILE_BYTES} bytes)`;

/** A file's bytes, or why they could not be read (`cannot read file: permission denied`). */
export type ReadOutcome = { readonly bytes: Buffer; readonly error?: undefined } | { readonly bytes?: undefined; readonly error: string };

const READ_ERROR_WORDS: Readonly<Record<string, string>> = {
  EACCES: 'permission denied',
  ENOENT: 'no such file',
  EISDIR: 'is a folder',
  ELOOP: 'symbolic link loop',
};

export function readDockerfileBytes(path: string): ReadOutcome {
  let descriptor: number | null = null;
  let bytes: Buffer;
  try {
    // One open, then questions about the open file: no second lookup of the path (and of every
    // symlink on it) per file.
    descriptor = openSync(path, 'r');
    const stats = fstatSync(descriptor);
    if (stats.isDirectory()) return { error: 'cannot read file: is a folder' };
    if (stats.size > MAX_FILE_BYTES) return { error: `file too large to be a Dockerfile (${stats.size} bytes, limit ${MAX_FILE_BYTES})` };
    bytes = stats.isFile() && stats.size > 0 ? readUpTo(descriptor, stats.size) : readUnsized(descriptor);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code ?? 'error';
    return { error: `cannot read file: ${READ_ERROR_WORDS[code] ?? code}` };
  } finally {
    if (descriptor !== null) closeSync(descriptor);
  }
  // Pipes and devices: their size is known only once read (up to one chunk past the limit).
  return bytes.length > MAX_FILE_BYTES ? { error: OVER_LIMIT } : { bytes };
}

/**
 * Reads a regular file whose size `fstat` just gave, as `readFileSync(descriptor)` would (which
 * asks `fstat` again, once per file of the run). Files that report no size go through
 * `readUnsized`.
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

/**
 * Reads what `fstat` gives no size for (a pipe, a device, a `/proc` file) until its end, or until
 * it is past the limit: `/dev/zero` has no end.
 */
function readUnsized(descriptor: number): Buffer {
  const chunks: Buffer[] = [];
  let total = 0;
  while (total <= MAX_FILE_BYTES) {
    const chunk = Buffer.allocUnsafe(64 * 1024);
    const count = readSync(descriptor, chunk, 0, chunk.length, null);
    if (count === 0) break;
    chunks.push(count === chunk.length ? chunk : chunk.subarray(0, count));
    total += count;
  }
  return Buffer.concat(chunks, total);
}
