import { chmodSync, realpathSync, renameSync, statSync, unlinkSync, writeFileSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';

/**
 * Writes a file atomically: a temporary file in the same folder, the original's mode, then a
 * rename over it. A crash midway leaves the original untouched. (A hard link's other names keep
 * the old text: the rename makes a new file.)
 */
export function writeFileAtomically(linkOrPath: string, text: string): void {
  // Through symbolic links: renaming over the link itself would replace it with a regular file and
  // leave the file it points at unfixed (ESLint and Ruff write through links too).
  const path = realpathSync(linkOrPath);
  const mode = statSync(path).mode & 0o7777;
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
