/**
 * Turning command-line paths into the Dockerfiles to lint: files as given, folders searched for
 * Dockerfile names (skipping node_modules and .git), quoted globs expanded, `-` for stdin.
 */
import { lstatSync, readdirSync, statSync, type Dirent } from 'node:fs';
import { basename, isAbsolute, join, resolve } from 'node:path';

/** `Dockerfile`, `Dockerfile.*`, `*.Dockerfile`, `*.dockerfile`, `Containerfile`, `Containerfile.*`. */
export function isDockerfileName(name: string): boolean {
  if (name === 'Dockerfile' || name === 'Containerfile') return true;
  if (name.startsWith('Dockerfile.') || name.startsWith('Containerfile.')) return !name.endsWith('.dockerignore');
  return name.endsWith('.Dockerfile') || name.endsWith('.dockerfile');
}

const SKIPPED_FOLDERS = new Set(['node_modules', '.git']);

export interface Target {
  /** The path as reported (as given, or joined below a given folder), or `-` for stdin. */
  readonly path: string;
}

export interface DiscoveryResult {
  readonly targets: Target[];
  /** Problems with the given paths, one line each (path not found, folder without Dockerfile). */
  readonly problems: string[];
}

function walkFolder(folder: string, targets: Target[], problems: string[], visited: Set<string>, onFound: () => void): void {
  let realKey: string;
  try {
    const stats = statSync(folder);
    realKey = `${stats.dev}:${stats.ino}`;
  } catch (error) {
    problems.push(`${folder}: cannot read folder (${(error as NodeJS.ErrnoException).code ?? 'error'})`);
    return;
  }
  // A symlink loop would revisit the same folder: stop there.
  if (visited.has(realKey)) return;
  visited.add(realKey);
  let entries: Dirent[];
  try {
    entries = readdirSync(folder, { withFileTypes: true });
  } catch (error) {
    problems.push(`${folder}: cannot read folder (${(error as NodeJS.ErrnoException).code ?? 'error'})`);
    return;
  }
  entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  for (const entry of entries) {
    const path = join(folder, entry.name);
    if (entry.isDirectory()) {
      if (!SKIPPED_FOLDERS.has(entry.name)) walkFolder(path, targets, problems, visited, onFound);
    } else if (isDockerfileName(entry.name)) {
      // A named pipe, socket or device is named, not opened: opening a pipe nobody writes to would
      // wait forever, and a device may never end. On the command line they are read (`lint <(…)`).
      const kind = entry.isFile() ? 'file' : entry.isSymbolicLink() ? linkedKind(path) : 'not a regular file';
      if (kind === 'file') {
        targets.push({ path });
        onFound();
      } else if (kind === 'folder') {
        if (!SKIPPED_FOLDERS.has(entry.name)) walkFolder(path, targets, problems, visited, onFound);
      } else problems.push(`${path}: ${kind}`);
    } else if (entry.isSymbolicLink()) {
      // Follow links to folders (once, see `visited`); links to other files are not Dockerfiles.
      try {
        if (statSync(path).isDirectory() && !SKIPPED_FOLDERS.has(entry.name)) walkFolder(path, targets, problems, visited, onFound);
      } catch (error) {
        const code = (error as NodeJS.ErrnoException).code;
        if (code === 'ELOOP') problems.push(`${path}: symbolic link loop`);
      }
    }
  }
}

/** What a symbolic link found in a folder leads to, or the problem with it. */
function linkedKind(path: string): string {
  try {
    const stats = statSync(path, { throwIfNoEntry: false });
    if (stats === undefined) return 'broken symbolic link';
    return stats.isFile() ? 'file' : stats.isDirectory() ? 'folder' : 'not a regular file';
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code ?? 'error';
    return code === 'ELOOP' ? 'symbolic link loop' : `cannot read file (${code})`;
  }
}

const GLOB_CHARACTERS = /[*?[\]{}]/;

export async function discoverTargets(
  paths: readonly string[],
  /** Told of each Dockerfile a folder walk finds, as it finds it (the walk is synchronous). */
  onFound: () => void = () => {},
): Promise<DiscoveryResult> {
  const targets: Target[] = [];
  const problems: string[] = [];
  // One file named twice (`Dockerfile ./Dockerfile`, a folder and a file in it) is linted, and
  // fixed, once, under the first name given: as ESLint does.
  const seen = new Set<string>();
  const add = (target: Target): void => {
    const key = target.path === '-' ? '-' : resolve(target.path);
    if (seen.has(key)) return;
    seen.add(key);
    targets.push(target);
  };
  for (const path of paths.length > 0 ? paths : ['.']) {
    if (path === '-') {
      add({ path: '-' });
      continue;
    }
    let isDirectory = false;
    let exists = true;
    try {
      isDirectory = statSync(path).isDirectory();
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      if (code === 'ELOOP') {
        problems.push(`${path}: symbolic link loop`);
        continue;
      }
      exists = false;
      try {
        lstatSync(path);
        // lstat works but stat does not: a broken link.
        problems.push(`${path}: broken symbolic link`);
        continue;
      } catch {
        // not there at all
      }
    }
    if (exists && isDirectory) {
      const found: Target[] = [];
      walkFolder(path, found, problems, new Set(), onFound);
      if (found.length === 0) problems.push(`${path}: no Dockerfile found in this folder`);
      for (const target of found) add(target);
    } else if (exists) {
      add({ path });
    } else if (GLOB_CHARACTERS.test(path)) {
      const { glob } = await import('tinyglobby');
      // Report matches the way the pattern was written: absolute for an absolute pattern.
      const matches = (
        await glob(path, { ignore: ['**/node_modules/**', '**/.git/**'], dot: true, onlyFiles: true, absolute: isAbsolute(path) })
      ).sort();
      if (matches.length === 0) problems.push(`${path}: no file matches this pattern`);
      for (const match of matches) add({ path: match });
    } else {
      problems.push(`${path}: no such file or folder`);
    }
  }
  return { targets, problems };
}

export function displayName(path: string): string {
  return basename(path);
}

/**
 * Why `--context DIR` cannot be a build context, or null. A missing folder walked as empty made
 * every COPY a "matches nothing" error; `docker build` refuses it before building (`unable to
 * prepare context: path "…" not found`, `context must be a directory`).
 */
export function contextFolderProblem(folder: string): string | null {
  try {
    return statSync(folder).isDirectory() ? null : 'not a folder';
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    return code === 'ENOENT' || code === 'ENOTDIR' ? 'no such folder' : `cannot read it (${code ?? 'error'})`;
  }
}
