/**
 * The build context as rules see it: the files the builder would receive, after `.dockerignore`.
 * Built by `src/context/` only when a rule that needs it is enabled (or `analyze` runs).
 */
export interface ContextFile {
  /** Relative to the context root, `/`-separated, no leading `/`. */
  readonly path: string;
  /** Bytes for a file; the target's length for a symlink (what `lstat` says); 0 for a folder. */
  readonly size: number;
  readonly isDirectory: boolean;
  readonly isSymlink: boolean;
  /** Excluded by the `.dockerignore`: not sent to the builder. */
  readonly ignored: boolean;
  /** The link text of a symlink (never followed by the walk), else null. */
  readonly linkTarget: string | null;
  /**
   * For the few files whose name alone cannot tell (`.npmrc`, `.pypirc`, `.netrc`, `.env`…): what a
   * short content check found, e.g. `an auth token`. Never the content itself. Null when not checked
   * or nothing found.
   */
  readonly credentialHint: string | null;
}

export interface DockerIgnore {
  /** Path of the ignore file used, relative to the current directory, or null when none applies. */
  readonly file: string | null;
  /** The patterns as read (comments and blanks removed, cleaned), `!` kept on exceptions. */
  readonly patterns: readonly string[];
  /** True when any pattern is an exception (`!pattern`). */
  readonly hasExceptions: boolean;
  /**
   * Why BuildKit would refuse the ignore file, one line each: it cannot be read, or a line is
   * rejected (`illegal exclusion pattern`, `syntax error in pattern`), each with its path and line.
   */
  readonly errors: readonly string[];
  /**
   * The ignore file applies but could not be read (its error code, `EACCES`), else null. What it
   * excludes is then unknown, and the build stops there: the client reads it before sending anything.
   */
  readonly readError: string | null;
  /** BuildKit's MatchesOrParentMatches: is this context-relative path excluded? */
  isIgnored(path: string): boolean;
}

/** A folder the walk skipped because the `.dockerignore` excludes all of it. */
export interface PrunedFolder {
  readonly path: string;
}

/** A folder or entry of the context the walk could not read. */
export interface UnreadableEntry {
  /** Context-relative, `/`-separated; `''` for the context root. */
  readonly path: string;
  readonly isDirectory: boolean;
  /** The error code (`EACCES`). */
  readonly code: string;
}

export interface ContextTotals {
  /** Files and symlinks sent to the builder (after `.dockerignore`). */
  readonly files: number;
  readonly bytes: number;
  /** Files and symlinks seen by the walk but excluded (pruned folders are not counted). */
  readonly ignoredFiles: number;
  readonly ignoredBytes: number;
}

export interface BuildContext {
  /** Absolute path of the context root. */
  readonly root: string;
  /** Absolute path of the Dockerfile the context was loaded for. */
  readonly dockerfilePath: string;
  readonly dockerignore: DockerIgnore;
  /**
   * Every file and folder the walk saw, excluded ones included (see `ignored`). Folders the
   * `.dockerignore` excludes entirely are not descended into: they appear once, in `pruned`.
   */
  readonly entries: readonly ContextFile[];
  readonly pruned: readonly PrunedFolder[];
  readonly totals: ContextTotals;
  /** Problems met while walking (unreadable folder, symlink out of the context), one line each. */
  readonly warnings: readonly string[];
  /**
   * Folders the walk could not list and entries it could not stat. The builder's sender walks
   * the same tree, so `docker build` fails on each before building.
   */
  readonly unreadable: readonly UnreadableEntry[];
}
