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

/**
 * A partwise format's report for results already at hand, one piece per file (often '') and the
 * closing text; whoever writes them decides how much to gather per write.
 */
export function* reportPieces(format: PartwiseReporter, results: readonly FileResult[], context: ReporterContext): Generator<string> {
  const assembler = new ReportAssembler(format, context);
  for (const result of results) yield assembler.add(format.part(result, context), format.tally?.(result));
  yield assembler.finish();
}

/** The ordinary reporter of a partwise format: its pieces, joined. */
export function reportFromParts(format: PartwiseReporter): Reporter {
  return (results, context) => [...reportPieces(format, results, context)].join('');
}
