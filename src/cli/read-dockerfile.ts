/**
 * Reading a Dockerfile from disk with the limits every command applies (io/read-bounded.ts). `lint`
 * and `analyze` read through here, so both refuse the same files with the same words.
 */
import { readBounded } from '../io/read-bounded.js';

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
  const read = readBounded(path, MAX_FILE_BYTES);
  switch (read.kind) {
    case 'read':
      return { bytes: read.bytes };
    case 'folder':
      return { error: 'cannot read file: is a folder' };
    case 'too-large':
      return { error: read.size === null ? OVER_LIMIT : `file too large to be a Dockerfile (${read.size} bytes, limit ${MAX_FILE_BYTES})` };
    case 'failed':
      return { error: `cannot read file: ${READ_ERROR_WORDS[read.code] ?? read.code}` };
  }
}
