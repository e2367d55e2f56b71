import type { Reporter } from './types.js';

/**
 * The JSON contract: one flat array, one object per finding. `code`, `column`, `file`, `level`,
 * `line` and `message` mean what they mean in hadolint's JSON, so scripts written for it keep
 * working. A file that could not be read at all appears as a `file-error` entry.
 */
export const jsonReporter: Reporter = (results, context) => [...jsonReporterChunks(results, context)].join('');

/** Chunks of at least this many characters (one write each) when streaming. */
const CHUNK_CHARS = 64 * 1024;

/**
 * The same text as `jsonReporter`, in pieces, so a whole-corpus run never holds one 70 MB string
 * (issue 8's memory goal). Byte for byte what `JSON.stringify(entries, null, 2)` gives.
 */
export function* jsonReporterChunks(results: Parameters<Reporter>[0], _context?: Parameters<Reporter>[1]): Generator<string> {
  let pending = '';
  let first = true;
  for (const result of results) {
    for (const entry of entriesOf(result)) {
      pending += (first ? '[\n  ' : ',\n  ') + JSON.stringify(entry, null, 2).replace(/\n/g, '\n  ');
      first = false;
      if (pending.length >= CHUNK_CHARS) {
        yield pending;
        pending = '';
      }
    }
  }
  yield pending + (first ? '[]\n' : '\n]\n');
}

function entriesOf(result: Parameters<Reporter>[0][number]): Record<string, unknown>[] {
  const entries: Record<string, unknown>[] = [];
  if (result.error) {
    entries.push({
      file: result.file,
      line: 1,
      column: 1,
      endLine: 1,
      endColumn: 1,
      code: 'file-error',
      rule: 'file-error',
      aliases: [],
      level: 'error',
      message: result.error,
      fixable: false,
    });
  }
  for (const finding of result.findings) {
    entries.push({
      file: finding.file,
      line: finding.line,
      column: finding.column,
      endLine: finding.endLine,
      endColumn: finding.endColumn,
      code: finding.code,
      rule: finding.rule,
      aliases: finding.aliases,
      level: finding.level,
      message: finding.message,
      fixable: finding.fixable,
    });
  }
  return entries;
}
