/**
 * The build context as rules see it: the files the builder would receive, after `.dockerignore`.
 * Built by `src/context/` only when a rule that needs it is enabled.
 */
export interface ContextFile {
  /** Relative to the context root, `/`-separated, no leading `/`. */
  readonly path: string;
  readonly size: number;
  readonly isDirectory: boolean;
  readonly isSymlink: boolean;
}

export interface DockerIgnore {
  /** Path of the ignore file used, relative to the current directory, or null when none applies. */
  readonly file: string | null;
  /** The patterns as read (comments and blanks removed). */
  readonly patterns: readonly string[];
  /** True when any pattern is an exception (`!pattern`). */
  readonly hasExceptions: boolean;
  /** BuildKit's MatchesOrParentMatches: is this context-relative path excluded? */
  isIgnored(path: string): boolean;
}

export interface BuildContext {
  /** Absolute path of the context root. */
  readonly root: string;
  readonly dockerignore: DockerIgnore;
  /** Every file and folder in the context, excluded ones included (see `isIgnored`). */
  readonly entries: readonly ContextFile[];
  /** Problems met while walking (unreadable folder, symlink loop), one line each. */
  readonly warnings: readonly string[];
}
