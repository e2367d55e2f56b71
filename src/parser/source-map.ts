import type { Position, Range, SourceMap } from './types.js';

/** A run of characters of a derived text that were copied from one physical line. */
export interface Segment {
  /** Offset in the derived text where this segment starts. */
  readonly offset: number;
  readonly line: number;
  /** 1-based column of the segment's first character on its physical line. */
  readonly column: number;
}

/**
 * Maps offsets in a text assembled from pieces of physical lines (a continued instruction's
 * arguments, a RUN script) back to Dockerfile positions. Lookups are a binary search.
 */
export class SegmentSourceMap implements SourceMap {
  /**
   * @param base Where offset 0 of this map falls in the segments' text: a slice shares its parent's
   * segments instead of copying them (an instruction's arguments, a RUN script of many lines).
   */
  constructor(
    private readonly segments: readonly Segment[],
    private readonly base = 0,
  ) {}

  positionAt(offset: number): Position {
    const segments = this.segments;
    if (segments.length === 0) return { line: 1, column: 1 };
    // A slice never maps before its own start.
    const target = this.base + Math.max(0, offset);
    let low = 0;
    let high = segments.length - 1;
    while (low < high) {
      const middle = (low + high + 1) >> 1;
      if (segments[middle]!.offset <= target) low = middle;
      else high = middle - 1;
    }
    const segment = segments[low]!;
    return { line: segment.line, column: segment.column + Math.max(0, target - segment.offset) };
  }

  /** The map of the text's slice that starts at `startOffset`. */
  slice(startOffset: number): SegmentSourceMap {
    // Without segments every offset maps to line 1, column 1 + offset from the slice's start.
    if (this.segments.length === 0) return new SegmentSourceMap([{ offset: 0, line: 1, column: 1 }]);
    return new SegmentSourceMap(this.segments, this.base + Math.max(0, startOffset));
  }
}

export function rangeOf(map: SourceMap, start: number, end: number): Range {
  const startPosition = map.positionAt(start);
  // The end is exclusive: map the last character and step one column past it.
  const last = end > start ? map.positionAt(end - 1) : startPosition;
  return { start: startPosition, end: { line: last.line, column: last.column + (end > start ? 1 : 0) } };
}

export function lineRange(line: number, startColumn: number, endColumn: number): Range {
  return { start: { line, column: startColumn }, end: { line, column: endColumn } };
}
