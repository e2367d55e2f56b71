/**
 * Putting a partwise format's report together (types.ts `PartwiseReporter`): from parts rendered
 * anywhere, in file order, piece by piece. The one place that knows how parts are joined, for the
 * CLI's streaming path and for every partwise format's ordinary `Reporter` alike.
 */
import type { FileResult } from '../engine/types.js';
import type { PartwiseReporter, Reporter, ReporterContext, ReportTally } from './types.js';

export class ReportAssembler {
  private sawText = false;
  private readonly tally: Record<string, number> = {};

  constructor(
    private readonly format: PartwiseReporter,
    private readonly context: ReporterContext,
  ) {}

  /** Takes the next file's part (and tally); returns the text to write now. */
  add(part: string, tally?: ReportTally): string {
    if (tally) for (const key of Object.keys(tally)) this.tally[key] = (this.tally[key] ?? 0) + tally[key]!;
    if (part === '') return '';
    const lead = this.sawText ? this.format.separator : this.format.opening;
    this.sawText = true;
    return lead + part;
  }

  /** The text that ends the report, once every file has been added. */
  finish(): string {
    return this.sawText ? this.format.closing(this.tally, this.context) : this.format.empty;
  }
}

/** Pieces of at least this many characters (one write each) when a report is written in pieces. */
const PIECE_CHARS = 64 * 1024;

/** A partwise format's report for results already at hand, in pieces of ~64 KiB. */
export function* reportPieces(format: PartwiseReporter, results: readonly FileResult[], context: ReporterContext): Generator<string> {
  const assembler = new ReportAssembler(format, context);
  let pending = '';
  for (const result of results) {
    pending += assembler.add(format.part(result, context), format.tally?.(result));
    if (pending.length >= PIECE_CHARS) {
      yield pending;
      pending = '';
    }
  }
  yield pending + assembler.finish();
}

/** The ordinary reporter of a partwise format: its pieces, joined. */
export function reportFromParts(format: PartwiseReporter): Reporter {
  return (results, context) => [...reportPieces(format, results, context)].join('');
}
