/**
 * Scripts too costly for ShellCheck. Its time and memory grow with the square of two things a
 * script can have in any number (ShellCheck 0.9.0, measured on generated scripts):
 *
 * - the length of an and-or list: 1,000 `&&`-joined commands took 5.7 s and 760 MB, 2,000 took
 *   24 s and 2.5 GB (the same commands on separate lines stay linear);
 * - nesting: `$(` 400 deep took 3.3 s and 330 MB; `${A:-` 740 deep, 4.6 s and 560 MB.
 *
 * The 15 s time limit (runner.ts) stops such a run, but only after it has taken the memory, once
 * per core. Of the 82,522 RUN scripts in the 20,427 shared corpus files, the longest list has 277
 * operators and the deepest nesting is 7, so the limits below, far past both, leave real files
 * alone; the fuzzer's deep substitutions and long chains (and a fix that merged 6,100 RUNs into
 * one) meet them.
 */

/** `&&` and `||` operators a script may have (about 1.5 s and 200 MB at the limit). */
export const MAX_LIST_OPERATORS = 500;

/** How deep `(`/`{` (so `$(`, `${`, subshells and groups) may nest (about 0.25 s and 40 MB). */
export const MAX_NESTING_DEPTH = 100;

/** `&&` and `||` in the text, quoted ones too: an upper bound, cheap to count. */
function countListOperators(text: string): number {
  let count = 0;
  for (const operator of ['&&', '||']) {
    for (let index = text.indexOf(operator); index !== -1; index = text.indexOf(operator, index + 2)) count++;
  }
  return count;
}

/** The deepest nesting of `(`/`{` against `)`/`}`, quotes not considered (a stray closer is ignored). */
function nestingDepth(text: string): number {
  let depth = 0;
  let deepest = 0;
  for (let index = 0; index < text.length; index++) {
    const code = text.charCodeAt(index);
    if (code === 0x28 || code === 0x7b) {
      depth++;
      if (depth > deepest) deepest = depth;
    } else if ((code === 0x29 || code === 0x7d) && depth > 0) depth--;
  }
  return deepest;
}

/** Why ShellCheck should not be given this script, or null when it may be. */
export function tooCostlyForShellcheck(script: string): string | null {
  const operators = countListOperators(script);
  if (operators > MAX_LIST_OPERATORS) {
    return `this RUN script has ${operators} && and || operators (more than ${MAX_LIST_OPERATORS})`;
  }
  const depth = nestingDepth(script);
  if (depth > MAX_NESTING_DEPTH) return `this RUN script nests brackets ${depth} deep (more than ${MAX_NESTING_DEPTH})`;
  return null;
}
