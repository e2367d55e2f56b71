import { describe, expect, it } from 'vitest';
import { SegmentSourceMap, type Segment } from '../../src/parser/source-map.js';
import type { Position } from '../../src/parser/types.js';

/** What a slice meant when it copied its parent's segments: the reference the view must match. */
function copiedSlice(segments: readonly Segment[], startOffset: number): SegmentSourceMap {
  const parent = new SegmentSourceMap(segments);
  const shifted: Segment[] = segments
    .filter((segment) => segment.offset > startOffset)
    .map((segment) => ({ offset: segment.offset - startOffset, line: segment.line, column: segment.column }));
  const first: Position = parent.positionAt(startOffset);
  return new SegmentSourceMap([{ offset: 0, line: first.line, column: first.column }, ...shifted]);
}

describe('SegmentSourceMap', () => {
  // Three physical lines joined: `RUN a \` (col 5..), `  bb \` and `cc`.
  const segments: Segment[] = [
    { offset: 0, line: 2, column: 5 },
    { offset: 4, line: 3, column: 3 },
    { offset: 9, line: 4, column: 1 },
  ];

  it('maps offsets to the segment they fall in', () => {
    const map = new SegmentSourceMap(segments);
    expect(map.positionAt(0)).toEqual({ line: 2, column: 5 });
    expect(map.positionAt(3)).toEqual({ line: 2, column: 8 });
    expect(map.positionAt(4)).toEqual({ line: 3, column: 3 });
    expect(map.positionAt(10)).toEqual({ line: 4, column: 2 });
  });

  it('maps a slice, and a slice of a slice, as a copy of the shifted segments did', () => {
    const map = new SegmentSourceMap(segments);
    for (let start = 0; start <= 12; start++) {
      const view = map.slice(start);
      const reference = copiedSlice(segments, start);
      for (let offset = -2; offset <= 14; offset++) expect(view.positionAt(offset), `slice ${start} offset ${offset}`).toEqual(reference.positionAt(offset));
      for (let inner = 0; inner <= 4; inner++) {
        const nested = view.slice(inner);
        const nestedReference = copiedSlice(segments, start + inner);
        for (let offset = 0; offset <= 6; offset++) expect(nested.positionAt(offset)).toEqual(nestedReference.positionAt(offset));
      }
    }
  });

  it('maps a slice of an empty map from line 1', () => {
    const view = new SegmentSourceMap([]).slice(3);
    expect(view.positionAt(0)).toEqual({ line: 1, column: 1 });
    expect(view.positionAt(2)).toEqual({ line: 1, column: 3 });
  });
});
