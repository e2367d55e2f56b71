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

/** Numbers a partwise format's closing text needs, counted per file and summed over the run. */
export type ReportTally = Readonly<Record<string, number>>;

/**
 * A format whose report is one part per file, in file order, with fixed text around and between the
 * parts. Each file's part depends on that file's result alone, so it can be rendered where the file
 * was linted (a worker thread) and written as soon as the files before it are: a large run never
 * gathers its findings in one place (issue 8). `reportFromParts` (partwise.ts) puts the parts
 * together, and each such format's `Reporter` is made by it, so both ways give the same bytes.
 */
export interface PartwiseReporter {
  /** One file's part ('' when the file adds nothing to the report). */
  readonly part: (result: FileResult, context: ReporterContext) => string;
  /** What the closing text needs from one file, or undefined when it needs nothing. */
  readonly tally?: (result: FileResult) => ReportTally;
  /** Before the first part that has text. */
  readonly opening: string;
  /** Between two parts that have text. */
  readonly separator: string;
  /** After the last part that has text, given the run's summed tally. */
  readonly closing: (tally: ReportTally, context: ReporterContext) => string;
  /** The whole report when no part has text. */
  readonly empty: string;
}
