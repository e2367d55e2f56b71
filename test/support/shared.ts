import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { join } from 'node:path';

/** `../shared` beside the repository: the reference cases and the corpus. Absent on some machines. */
export const SHARED_DIR = fileURLToPath(new URL('../../../shared/', import.meta.url));
export const REFERENCE_DIR = join(SHARED_DIR, 'reference');
export const CORPUS_DIR = join(SHARED_DIR, 'corpus');
export const hasShared = existsSync(REFERENCE_DIR);
export const hasCorpus = existsSync(join(CORPUS_DIR, 'dockerfiles'));

export function skipMessage(what: string): string {
  return `${what}: skipped, ../shared is absent on this machine`;
}
