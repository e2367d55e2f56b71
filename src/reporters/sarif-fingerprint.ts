/**
 * `partialFingerprints.primaryLocationLineHash`, computed the way GitHub code scanning computes it
 * (github/codeql-action `src/fingerprints.ts`, described in linter-anchors.md §5.5), so an alert
 * keeps its identity across runs and across lines inserted above it, and `upload-sarif` finds our
 * value equal to the one it would compute.
 *
 * The scheme: a polynomial rolling hash (base 37, 64-bit wrapping arithmetic) over a window of the
 * next 100 characters starting at each line, skipping spaces and tabs, with `\r\n` and `\r`
 * normalised to `\n`. After the text, one end marker (65535) and 100 zeros flush the last lines.
 * The value is `<unsigned hex>:<n>`, where `n` counts earlier lines with the same hash.
 */

const WINDOW = 100;
const BASE = 37n;
const END_OF_FILE = 65535;
const SPACE = 0x20;
const TAB = 0x09;
const LINE_FEED = 0x0a;
const CARRIAGE_RETURN = 0x0d;

/** BASE^WINDOW in 64-bit arithmetic: the weight of the character leaving the window. */
const LEAVING_WEIGHT = BigInt.asIntN(64, BASE ** BigInt(WINDOW));

/** The line hash of every line of `source`, indexed by 1-based line number (index 0 unused). */
export function lineHashes(source: string): string[] {
  const hashes: string[] = [];
  const window = new Array<number>(WINDOW).fill(0);
  // The line number that starts at each window slot, or -1 when the slot is mid-line.
  const lineStarts = new Array<number>(WINDOW).fill(-1);
  const counts = new Map<string, number>();
  let hash = 0n;
  let slot = 0;
  let lineNumber = 0;
  let atLineStart = true;
  let previousWasCarriageReturn = false;

  const emit = (): void => {
    const hex = BigInt.asUintN(64, hash).toString(16);
    const count = (counts.get(hex) ?? 0) + 1;
    counts.set(hex, count);
    hashes[lineStarts[slot] as number] = `${hex}:${count}`;
    lineStarts[slot] = -1;
  };
  const push = (code: number): void => {
    const leaving = window[slot] as number;
    window[slot] = code;
    hash = BigInt.asIntN(64, BASE * hash + BigInt(code) - LEAVING_WEIGHT * BigInt(leaving));
    slot = (slot + 1) % WINDOW;
  };
  const take = (code: number): void => {
    if (code === SPACE || code === TAB || (previousWasCarriageReturn && code === LINE_FEED)) {
      previousWasCarriageReturn = false;
      return;
    }
    previousWasCarriageReturn = code === CARRIAGE_RETURN;
    const normalised = code === CARRIAGE_RETURN ? LINE_FEED : code;
    // The slot about to be overwritten held the first character of a line WINDOW characters ago:
    // that line's hash is complete.
    if (lineStarts[slot] !== -1) emit();
    if (atLineStart) {
      atLineStart = false;
      lineNumber++;
      lineStarts[slot] = lineNumber;
    }
    if (normalised === LINE_FEED) atLineStart = true;
    push(normalised);
  };

  for (let index = 0; index < source.length; index++) take(source.charCodeAt(index));
  take(END_OF_FILE);
  for (let flushed = 0; flushed < WINDOW; flushed++) {
    if (lineStarts[slot] !== -1) emit();
    push(0);
  }
  return hashes;
}
