import { chmodSync, realpathSync, renameSync, statSync, unlinkSync, writeFileSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';

/**
 * Writes a fixed file. Usually atomically: a temporary file in the same folder, the original's
 * mode, then a rename over it, so a crash midway leaves the original untouched.
 *
 * A rename makes a new file, though, and two kinds of file must stay the file they are, so they
 * are rewritten in place, as ESLint and Ruff always do:
 * - a file with other hard links: the rename would fix only this name, the others keeping the
 *   old text;
 * - a file owned by another user (dockside run as root, or by a member of a group that may write
 *   the file): the new file would belong to whoever ran dockside.
 */
export function writeFileAtomically(linkOrPath: string, text: string): void {
  // Through symbolic links: renaming over the link itself would replace it with a regular file and
  // leave the file it points at unfixed (ESLint and Ruff write through links too).
  const path = realpathSync(linkOrPath);
  const stats = statSync(path);
  const ownedByAnother = typeof process.getuid === 'function' && stats.uid !== process.getuid();
  if (stats.nlink > 1 || ownedByAnother) {
    writeFileSync(path, text);
    return;
  }
  const mode = stats.mode & 0o7777;
  const temporary = join(dirname(path), `.${basename(path)}.dockside-${process.pid}-${Date.now()}.tmp`);
  try {
    writeFileSync(temporary, text, { mode });
    chmodSync(temporary, mode);
    renameSync(temporary, path);
  } catch (error) {
    try {
      unlinkSync(temporary);
    } catch {
      // already gone
    }
    throw error;
  }
}
