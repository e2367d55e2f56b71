/**
 * The build-context walk: what the builder would receive, with sizes from `lstat` and no content
 * reads except a short credential check on a few well-known file names.
 *
 * Decisions follow fsutil's walker (what `docker build` sends): each path is matched with
 * `MatchesUsingParentResults`, an excluded folder is pruned when no `!` exception can re-include
 * anything below it, and symlinks are sent as links, never followed (so loops cannot trap us).
 */
import { accessSync, closeSync, constants, lstatSync, openSync, readSync, readdirSync, readlinkSync, type Dirent, type Stats } from 'node:fs';
import { join } from 'node:path';
import type { PatternMatcher } from './dockerignore.js';
import type { ContextFile, ContextTotals, PrunedFolder, UnreadableEntry } from './types.js';

export interface WalkOptions {
  /** Called every few thousand entries with the count so far and the milliseconds spent. */
  readonly onProgress?: (entriesSeen: number, elapsedMs: number) => void;
}

export interface WalkResult {
  readonly entries: ContextFile[];
  readonly pruned: PrunedFolder[];
  readonly totals: ContextTotals;
  readonly warnings: string[];
  /** What the walk could not read (each also a warning): the builder's sender would fail on it. */
  readonly unreadable: UnreadableEntry[];
}

/** Files whose name says "maybe credentials" but whose content decides (read at most 64 KiB). */
const CREDENTIAL_CONTENT_CHECKS: ReadonlyMap<string, readonly { pattern: RegExp; hint: string }[]> = new Map([
  ['.npmrc', [{ pattern: /(?:_authToken|_auth|_password)\s*=\s*\S/u, hint: 'an auth token' }]],
  ['.yarnrc.yml', [{ pattern: /npmAuth(?:Token|Ident)\s*:\s*\S/u, hint: 'an auth token' }]],
  ['.pypirc', [{ pattern: /^\s*password\s*[=:]\s*\S/mu, hint: 'a password' }]],
  ['.netrc', [{ pattern: /\bpassword\s+\S/u, hint: 'a password' }]],
  ['.git-credentials', [{ pattern: /:\/\/[^:\s/]+:[^@\s]+@/u, hint: 'a password' }]],
  ['.dockercfg', [{ pattern: /"auth"\s*:\s*"[^"]+"/u, hint: 'a registry auth' }]],
  ['config.json', [{ pattern: /"auths"\s*:\s*\{[^}]*"auth"\s*:\s*"[^"]+"/u, hint: 'a registry auth' }]],
  ['credentials', [{ pattern: /aws_secret_access_key\s*=\s*\S/u, hint: 'an AWS secret key' }]],
]);
const CONTENT_CHECK_LIMIT = 64 * 1024;

function readHead(path: string): string | null {
  let descriptor: number | null = null;
  try {
    descriptor = openSync(path, 'r');
    const buffer = Buffer.alloc(CONTENT_CHECK_LIMIT);
    const length = readSync(descriptor, buffer, 0, CONTENT_CHECK_LIMIT, 0);
    return buffer.subarray(0, length).toString('utf8');
  } catch {
    return null;
  } finally {
    if (descriptor !== null) closeSync(descriptor);
  }
}

function credentialHintOf(name: string, absolutePath: string): string | null {
  const checks = CREDENTIAL_CONTENT_CHECKS.get(name);
  if (!checks) return null;
  const content = readHead(absolutePath);
  if (content === null) return null;
  return checks.find((check) => check.pattern.test(content))?.hint ?? null;
}

/**
 * A walked entry. A symlink's target is read on first use: only COPY paths through a linked folder
 * need it (query.ts `resolveFolders`), and a folder of links (the corpus the bench lints is one) paid
 * a `readlink` per entry on every walk.
 */
class WalkedEntry implements ContextFile {
  private target: string | null | undefined = undefined;

  constructor(
    readonly path: string,
    readonly size: number,
    readonly isDirectory: boolean,
    readonly isSymlink: boolean,
    readonly ignored: boolean,
    readonly credentialHint: string | null,
    /** A symlink's absolute path, to read it; null for anything else. */
    private readonly linkPath: string | null,
  ) {}

  get linkTarget(): string | null {
    if (this.linkPath === null) return null;
    if (this.target === undefined) {
      try {
        this.target = readlinkSync(this.linkPath);
      } catch {
        this.target = null;
      }
    }
    return this.target;
  }
}

/** Who reads the files: the process's effective user and groups (null where there are none: Windows). */
export interface Reader {
  readonly uid: number;
  readonly groups: ReadonlySet<number>;
}

function thisProcess(): Reader | null {
  if (!process.geteuid || !process.getegid || !process.getgroups) return null;
  return { uid: process.geteuid(), groups: new Set([process.getegid(), ...process.getgroups()]) };
}

/**
 * Whether a file's mode bits let `reader` open it, from the `lstat` the walk already made: the
 * owner's bits for its owner, else the group's for a member, else the others' (a class that matches
 * decides, even when a later one would allow more). Root reads everything. Access control lists
 * can grant more than the bits: a file the bits refuse is asked about again with `access`.
 */
export function modeAllowsReading(stats: Pick<Stats, 'uid' | 'gid' | 'mode'>, reader: Reader | null): boolean {
  if (reader === null || reader.uid === 0) return true;
  if (stats.uid === reader.uid) return (stats.mode & 0o400) !== 0;
  if (reader.groups.has(stats.gid)) return (stats.mode & 0o040) !== 0;
  return (stats.mode & 0o004) !== 0;
}

function canRead(absolutePath: string): boolean {
  try {
    accessSync(absolutePath, constants.R_OK);
    return true;
  } catch {
    return false;
  }
}

interface PendingFolder {
  readonly relativePath: string;
  readonly absolutePath: string;
  readonly state: readonly number[] | null;
}

const PROGRESS_EVERY = 2048;

export function walkContext(root: string, matcher: PatternMatcher, options: WalkOptions = {}): WalkResult {
  const entries: ContextFile[] = [];
  const pruned: PrunedFolder[] = [];
  const warnings: string[] = [];
  const unreadable: UnreadableEntry[] = [];
  let files = 0;
  let bytes = 0;
  let ignoredFiles = 0;
  let ignoredBytes = 0;
  const hasPatterns = matcher.patterns.length > 0;
  const reader = thisProcess();
  const started = Date.now();
  const stack: PendingFolder[] = [{ relativePath: '', absolutePath: root, state: null }];

  while (stack.length > 0) {
    const folder = stack.pop()!;
    let children: Dirent[];
    try {
      children = readdirSync(folder.absolutePath, { withFileTypes: true });
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code ?? (error as Error).message;
      warnings.push(`cannot read folder ${folder.relativePath || '.'}: ${code}`);
      unreadable.push({ path: folder.relativePath, isDirectory: true, code });
      continue;
    }
    // Sorted so that entries (and every report built on them) are stable across file systems.
    children.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
    const subfolders: PendingFolder[] = [];
    for (const child of children) {
      const relativePath = folder.relativePath === '' ? child.name : `${folder.relativePath}/${child.name}`;
      const absolutePath = join(folder.absolutePath, child.name);
      let excluded = false;
      let state: readonly number[] | null = null;
      if (hasPatterns) {
        const decision = matcher.matchesUsingParentResults(relativePath, folder.state);
        excluded = decision.excluded;
        state = decision.state;
      }
      let isDirectory = child.isDirectory();
      let isSymlink = child.isSymbolicLink();
      let isRegularFile = child.isFile();
      let size = 0;
      if (!isDirectory) {
        try {
          const stats = lstatSync(absolutePath);
          // Some file systems report an unknown dirent type: lstat decides.
          isDirectory = stats.isDirectory();
          isSymlink = stats.isSymbolicLink();
          isRegularFile = stats.isFile();
          size = isDirectory ? 0 : stats.size;
          // The builder's sender opens every file it sends (a link is sent as a link): one this
          // process cannot read fails the build, as an unreadable folder does. An excluded one is
          // never opened.
          if (!excluded && isRegularFile && !modeAllowsReading(stats, reader) && !canRead(absolutePath)) {
            warnings.push(`cannot read ${relativePath}: EACCES`);
            unreadable.push({ path: relativePath, isDirectory: false, code: 'EACCES' });
          }
        } catch (error) {
          const code = (error as NodeJS.ErrnoException).code ?? (error as Error).message;
          warnings.push(`cannot stat ${relativePath}: ${code}`);
          unreadable.push({ path: relativePath, isDirectory: false, code });
          continue;
        }
      }
      if (isDirectory) {
        entries.push(new WalkedEntry(relativePath, 0, true, false, excluded, null, null));
        if (excluded && !matcher.exceptionCouldMatchBelow(relativePath)) pruned.push({ path: relativePath });
        else subfolders.push({ relativePath, absolutePath, state });
      } else {
        // Only a regular file's content is read: opening a named pipe (a `.npmrc` FIFO) waits for a writer forever.
        const credentialHint = !excluded && isRegularFile ? credentialHintOf(child.name, absolutePath) : null;
        entries.push(new WalkedEntry(relativePath, size, false, isSymlink, excluded, credentialHint, isSymlink ? absolutePath : null));
        if (excluded) {
          ignoredFiles++;
          ignoredBytes += size;
        } else {
          files++;
          bytes += size;
        }
      }
      if (options.onProgress && entries.length % PROGRESS_EVERY === 0) options.onProgress(entries.length, Date.now() - started);
    }
    // Pushed in reverse so that folders are visited in name order (depth first).
    for (let index = subfolders.length - 1; index >= 0; index--) stack.push(subfolders[index]!);
  }
  return { entries, pruned, totals: { files, bytes, ignoredFiles, ignoredBytes }, warnings, unreadable };
}
