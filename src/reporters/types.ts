import type { AnyRule, FileResult } from '../engine/types.js';

/** What a reporter may know besides the results. Reporters do no I/O and read no environment. */
export interface ReporterContext {
  /** Colour decided once by the CLI (flags > NO_COLOR > FORCE_COLOR > TTY). */
  readonly color: boolean;
  /** Every rule, for formats that describe rules (SARIF `rules[]`). */
  readonly rules: readonly AnyRule[];
  readonly toolName: string;
  readonly toolVersion: string;
  readonly informationUri: string;
  /** Working directory, for formats that need repository-relative paths. */
  readonly cwd: string;
}

export type Reporter = (results: readonly FileResult[], context: ReporterContext) => string;

/** A reporter whose text comes in pieces (the pieces joined are its `Reporter`'s text). */
export type StreamingReporter = (results: readonly FileResult[], context: ReporterContext) => Iterable<string>;
