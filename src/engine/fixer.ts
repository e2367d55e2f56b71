/**
 * Applies fixes: non-overlapping edits, then re-parse and re-lint, until nothing changes (at most
 * 10 passes, as ESLint does). It keeps the file's line endings, BOM and final newline, and never
 * returns text that parses worse than the original.
 */
import { lintSource, type EngineOptions } from './lint.js';
import type { Finding, Fix, FixApplicability, TextEdit } from './types.js';
import type { Position } from '../parser/types.js';
import { shellcheckRunsWith } from '../shellcheck/index.js';

export const MAX_FIX_PASSES = 10;

export interface FixOptions {
  /** Which fixes to apply: `safe` only, or `unsafe` too. */
  readonly applicability: FixApplicability;
}

export interface FixOutcome {
  /** The fixed text (BOM restored), or the original when nothing applied. */
  readonly output: string;
  readonly changed: boolean;
  /** How many fixes were applied over all passes. */
  readonly fixesApplied: number;
  /** Findings of the final pass (what is left). */
  readonly remaining: readonly Finding[];
  /** Set when a pass produced text with new parse errors: the last good text is kept. */
  readonly refused: string | null;
}

/** Offsets of the start of every line of `text` (after `\n`). */
function lineStarts(text: string): number[] {
  const starts = [0];
  for (let index = text.indexOf('\n'); index !== -1; index = text.indexOf('\n', index + 1)) starts.push(index + 1);
  return starts;
}

function offsetOf(starts: readonly number[], text: string, position: Position): number {
  const lineStart = starts[position.line - 1];
  if (lineStart === undefined) return text.length;
  return Math.min(lineStart + position.column - 1, text.length);
}

function isApplicable(fix: Fix, applicability: FixApplicability): boolean {
  return fix.applicability === 'safe' || applicability === 'unsafe';
}

interface OffsetEdit {
  readonly start: number;
  readonly end: number;
  readonly text: string;
}

/**
 * Whether two edits touch: they overlap, or they start at one offset (two insertions, an insertion
 * and a replacement there would apply in an arbitrary order, the second clobbering the first).
 */
function editsTouch(a: OffsetEdit, b: OffsetEdit): boolean {
  return (a.start < b.end && b.start < a.end) || a.start === b.start;
}

/** Index of the first of `sorted` (by start) that starts at or after `offset`. */
function firstStartingAtOrAfter(sorted: readonly OffsetEdit[], offset: number): number {
  let low = 0;
  let high = sorted.length;
  while (low < high) {
    const middle = (low + high) >>> 1;
    if (sorted[middle]!.start < offset) low = middle + 1;
    else high = middle;
  }
  return low;
}

/**
 * Whether `edit` touches any of `sorted`: edits sorted by start, no two of which touch. Then each
 * one ends before the next starts, so only the last one starting before `edit` and the first one
 * starting at or after it can touch it (a file's thousands of fixes are checked in O(n log n); a
 * scan of every chosen edit took 6 s on 6,000 fixes).
 */
function touchesAny(sorted: readonly OffsetEdit[], edit: OffsetEdit): boolean {
  const index = firstStartingAtOrAfter(sorted, edit.start);
  const before = sorted[index - 1];
  const after = sorted[index];
  return (before !== undefined && editsTouch(before, edit)) || (after !== undefined && editsTouch(after, edit));
}

/**
 * Applies the fixes of `findings` whose edits touch no other chosen fix's, in the findings' order;
 * returns the new text and how many fixes went in. A fix's edits are applied all or none. A fix
 * whose own edits touch each other, or end before they start, is never applied: no order of them
 * is the right one.
 */
export function applyFixesOnce(
  text: string,
  findings: readonly Finding[],
  options: FixOptions,
  lineEnding: '\n' | '\r\n',
): { text: string; applied: number } {
  const starts = lineStarts(text);
  // The chosen edits, sorted by start, no two touching.
  const chosen: OffsetEdit[] = [];
  let applied = 0;
  const seen = new Set<string>();
  for (const finding of findings) {
    const fix = finding.fix;
    if (!fix || !isApplicable(fix, options.applicability)) continue;
    const edits = fix.edits.map((edit: TextEdit) => ({
      start: offsetOf(starts, text, edit.range.start),
      end: offsetOf(starts, text, edit.range.end),
      // Replacement text is written with `\n`; the file keeps its own line ending.
      text: lineEnding === '\r\n' ? edit.text.replace(/\r?\n/g, '\r\n') : edit.text,
    }));
    // The same fix reported twice (two rules, one edit) is applied once.
    const key = JSON.stringify(edits);
    if (seen.has(key)) continue;
    const malformed =
      edits.some((edit) => edit.end < edit.start) ||
      edits.some((edit, index) => edits.some((other, otherIndex) => otherIndex > index && editsTouch(edit, other)));
    if (malformed) continue;
    if (edits.some((edit) => touchesAny(chosen, edit))) continue;
    seen.add(key);
    for (const edit of edits) chosen.splice(firstStartingAtOrAfter(chosen, edit.start), 0, edit);
    applied++;
  }
  if (applied === 0) return { text, applied: 0 };
  // One pass from the start: slicing the whole text once per edit was quadratic in the edits.
  const pieces: string[] = [];
  let copiedUpTo = 0;
  for (const edit of chosen) {
    pieces.push(text.slice(copiedUpTo, edit.start), edit.text);
    copiedUpTo = edit.end;
  }
  pieces.push(text.slice(copiedUpTo));
  return { text: pieces.join(''), applied };
}

function fatalParseErrors(findings: readonly Finding[]): number {
  return findings.filter((finding) => finding.code === 'DL1000' && finding.level === 'error').length;
}

/** Lints, fixes, re-lints until a fixed point. `source` is the file's text (BOM allowed). */
export async function fixSource(
  source: string,
  path: string,
  engine: EngineOptions,
  options: FixOptions,
): Promise<FixOutcome> {
  const bom = source.charCodeAt(0) === 0xfeff ? '\uFEFF' : '';
  let text = bom ? source.slice(1) : source;
  const first = await lintSource(text, path, engine);
  const lineEnding = first.dockerfile.lineEnding;
  const baselineErrors = fatalParseErrors(first.findings);
  let findings = first.findings;
  let fixesApplied = 0;
  let refused: string | null = null;
  // ShellCheck's findings carry no fixes, so the texts between passes are linted without it and
  // only the final text with it: a fix that merged 6,100 RUNs into one script had ShellCheck wait
  // out its 15 s limit on every pass (31 s for one file).
  const passEngine: EngineOptions = shellcheckRunsWith(engine.shellcheckAvailable) ? { ...engine, shellcheckAvailable: () => false } : engine;
  for (let pass = 0; pass < MAX_FIX_PASSES; pass++) {
    const { text: next, applied } = applyFixesOnce(text, findings, options, lineEnding);
    if (applied === 0 || next === text) break;
    const relinted = await lintSource(next, path, passEngine);
    if (fatalParseErrors(relinted.findings) > baselineErrors) {
      refused = 'a fix produced text that does not parse; it was not applied';
      break;
    }
    text = next;
    findings = relinted.findings;
    fixesApplied += applied;
  }
  if (fixesApplied > 0 && passEngine !== engine) findings = (await lintSource(text, path, engine)).findings;
  const output = bom + text;
  return { output, changed: output !== source, fixesApplied, remaining: findings, refused };
}
