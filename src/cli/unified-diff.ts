/**
 * The unified diff `--fix-dry-run` prints, with a bounded cost.
 *
 * jsdiff's Myers diff costs about the square of the edit distance: a fuzzed file of 6,100 fixed
 * lines took 10 s and 1.5 GB to diff. So the minimal diff is asked for only up to
 * `MAX_EDIT_LENGTH` added plus removed lines (about 0.1 s at worst, measured); past it the diff is
 * one hunk that replaces everything between the common first and last lines. That is still a
 * correct patch (`patch`/`git apply` take it), only coarser, and it is found in linear time.
 */
import { formatPatch, structuredPatch, type StructuredPatch } from 'diff';

/** The most added plus removed lines a minimal diff is searched for. */
const MAX_EDIT_LENGTH = 1000;

/** jsdiff's default, kept so the two kinds of hunk read alike. */
const CONTEXT_LINES = 4;

const NO_NEWLINE_MARKER = '\\ No newline at end of file';

/** The lines of `text`, each with its `\n` if it has one (how jsdiff compares lines). */
function linesKeepingNewlines(text: string): string[] {
  if (text === '') return [];
  const lines = text.split('\n').map((line) => `${line}\n`);
  const last = lines.pop()!;
  // A text ending in '\n' leaves an empty last piece; otherwise the last line has no newline.
  if (last !== '\n') lines.push(last.slice(0, -1));
  return lines;
}

/** A hunk line in jsdiff's shape: the newline dropped, or the no-newline marker after it. */
function pushHunkLine(hunkLines: string[], prefix: ' ' | '-' | '+', line: string): void {
  if (line.endsWith('\n')) hunkLines.push(prefix + line.slice(0, -1));
  else hunkLines.push(prefix + line, NO_NEWLINE_MARKER);
}

/** One hunk replacing everything between the lines `before` and `after` share at both ends. */
function singleHunkPatch(oldName: string, newName: string, before: string, after: string): StructuredPatch {
  const oldLines = linesKeepingNewlines(before);
  const newLines = linesKeepingNewlines(after);
  let prefix = 0;
  while (prefix < oldLines.length && prefix < newLines.length && oldLines[prefix] === newLines[prefix]) prefix++;
  let suffix = 0;
  while (
    suffix < oldLines.length - prefix &&
    suffix < newLines.length - prefix &&
    oldLines[oldLines.length - 1 - suffix] === newLines[newLines.length - 1 - suffix]
  ) {
    suffix++;
  }
  const leading = Math.min(prefix, CONTEXT_LINES);
  const trailing = Math.min(suffix, CONTEXT_LINES);
  const hunkLines: string[] = [];
  for (const line of oldLines.slice(prefix - leading, prefix)) pushHunkLine(hunkLines, ' ', line);
  for (const line of oldLines.slice(prefix, oldLines.length - suffix)) pushHunkLine(hunkLines, '-', line);
  for (const line of newLines.slice(prefix, newLines.length - suffix)) pushHunkLine(hunkLines, '+', line);
  for (const line of oldLines.slice(oldLines.length - suffix, oldLines.length - suffix + trailing)) {
    pushHunkLine(hunkLines, ' ', line);
  }
  const removed = oldLines.length - suffix - prefix;
  const added = newLines.length - suffix - prefix;
  return {
    oldFileName: oldName,
    newFileName: newName,
    oldHeader: undefined,
    newHeader: undefined,
    // Only asked for past jsdiff's limit, so the texts differ: there is always one hunk.
    hunks: [
      {
        oldStart: prefix - leading + 1,
        oldLines: leading + removed + trailing,
        newStart: prefix - leading + 1,
        newLines: leading + added + trailing,
        lines: hunkLines,
      },
    ],
  };
}

/** The unified diff from `before` (named `oldName`) to `after`, as `createTwoFilesPatch` prints it. */
export function unifiedDiff(oldName: string, newName: string, before: string, after: string): string {
  const minimal = structuredPatch(oldName, newName, before, after, undefined, undefined, {
    maxEditLength: MAX_EDIT_LENGTH,
  });
  return formatPatch(minimal ?? singleHunkPatch(oldName, newName, before, after));
}
