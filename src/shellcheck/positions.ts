/**
 * Maps a ShellCheck position in a generated script back to the Dockerfile (linter-anchors.md §6.10).
 *
 * ShellCheck's json1 format counts columns in code points with a tab as one column (unlike its
 * `json`/`tty` formats, which expand tabs to 8), 1-based, the end exclusive. The RUN text's own
 * source map (`script.map`) then carries an offset through continuations and heredoc bodies.
 */
import type { Range } from '../parser/types.js';
import type { ShellcheckScript } from './script.js';

export interface ShellcheckPosition {
  readonly line: number;
  readonly column: number;
  readonly endLine: number;
  readonly endColumn: number;
}

/** Offsets in `source` where each line starts (line 1 at index 0). */
export function lineStartOffsets(source: string): number[] {
  const starts = [0];
  for (let index = source.indexOf('\n'); index !== -1; index = source.indexOf('\n', index + 1)) starts.push(index + 1);
  return starts;
}

/**
 * The UTF-16 offset of a 1-based code point column on the line starting at `lineStart`, clamped
 * to the line's end.
 */
function offsetOfColumn(source: string, lineStart: number, column: number): number {
  let offset = lineStart;
  for (let remaining = column - 1; remaining > 0; remaining--) {
    if (offset >= source.length) break;
    const code = source.charCodeAt(offset);
    if (code === 10) break;
    // A surrogate pair is one code point for ShellCheck, two UTF-16 units for us.
    offset += code >= 0xd800 && code <= 0xdbff && offset + 1 < source.length ? 2 : 1;
  }
  return offset;
}

/** The RUN-text offset of a position in the generated file, or null inside the prologue. */
function sourceOffset(script: ShellcheckScript, lineStarts: readonly number[], line: number, column: number): number | null {
  let sourceLine = line - script.prologueLines;
  // The RUN's own shebang was moved to the file's first line; its columns are unchanged.
  if (line === 1 && script.shebangFromScript) sourceLine = 1;
  if (sourceLine < 1) return null;
  const source = script.run.script.source;
  // ShellCheck reports "unexpected end of file" one line past the end.
  if (sourceLine > lineStarts.length) return source.length;
  return offsetOfColumn(source, lineStarts[sourceLine - 1]!, column);
}

/**
 * The Dockerfile range of a ShellCheck finding. A finding inside the generated prologue (an
 * unsupported shell named by SHELL, SC1071) is put on the RUN keyword.
 */
export function dockerfileRange(
  script: ShellcheckScript,
  lineStarts: readonly number[],
  position: ShellcheckPosition,
): Range {
  const { run } = script;
  const start = sourceOffset(script, lineStarts, position.line, position.column);
  if (start === null) return run.keywordRange;
  const end = Math.max(start, sourceOffset(script, lineStarts, position.endLine, position.endColumn) ?? start);
  const map = run.script.map;
  const startPosition = map.positionAt(start);
  if (end === start) return { start: startPosition, end: startPosition };
  // The end is exclusive: map the last character and step past it, so a range that ends at a
  // continuation does not jump to the next line's indentation.
  const last = map.positionAt(end - 1);
  return { start: startPosition, end: { line: last.line, column: last.column + 1 } };
}
