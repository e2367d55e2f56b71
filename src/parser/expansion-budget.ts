/**
 * A bound on how much text variable expansion can produce in one file.
 *
 * Expansion is substitution: `ENV A=$A$A` doubles A, so forty such lines (500 bytes) ask for a
 * value of a trillion characters, and `ENV PATH=$PATH:/x` repeated grows quadratically. The rules
 * that mirror BuildKit's dispatch (and the build analysis) expand ENV, ARG, LABEL, COPY, … texts
 * character by character, so a file like that ran for minutes and ran out of memory. BuildKit
 * would expand it too, and fail the same way.
 *
 * The builder charges each instruction, in order, before any rule sees it, with an upper bound of
 * how much expanding it grows it: for every `$NAME`/`${NAME…}` it references, by how much the
 * longest value NAME may have been given so far (stage scoping ignored: a bound over all stages)
 * is longer than the reference. Once the total passes the budget, the file stops there with a
 * fatal parse error on that line. Every expansion any rule makes afterwards grows its text by at
 * most what was charged, so each of the few passes that expand costs at most the file's size plus
 * the budget. Real files are nowhere near it: the largest total over the shared corpus's 20,000
 * Dockerfiles is 25,647 characters, a 40th of it.
 */

import { isNameChar, isNameStart } from './chars.js';

/** Characters of growth (substituted values beyond the references they replace) one file may ask for (1 MiB). */
const EXPANSION_BUDGET_CHARACTERS = 1024 * 1024;

/**
 * How deep `${A:-${B:-…}}` may nest. The expanders recurse once per level (as BuildKit's lexer
 * does, on Go's growable stacks): at a few thousand levels they overflow the JavaScript stack.
 * Real files nest two or three deep.
 */
const MAX_SUBSTITUTION_DEPTH = 100;

export class ExpansionBudget {
  /** The longest value each name may hold, over every assignment seen so far. */
  private readonly longest = new Map<string, number>();
  /** The longest value assigned to a name computed by expansion (`ENV ${K}=…`): any name may hold it. */
  private longestUnderComputedName = 0;
  private spent = 0;
  /** Why the file cannot be expanded, once it cannot. */
  problem: string | null = null;

  constructor(buildArgs: ReadonlyMap<string, string>) {
    for (const [name, value] of buildArgs) this.longest.set(name, value.length);
  }

  /** Charges what expanding `text` can add to it; returns how long the expansion can be. */
  charge(text: string): number {
    if (!text.includes('$')) return text.length;
    const grown = this.growth(text);
    this.spent += grown;
    if (this.problem === null) {
      if (this.spent > EXPANSION_BUDGET_CHARACTERS) {
        this.problem = `variable expansion too large: the values substituted up to this line exceed ${EXPANSION_BUDGET_CHARACTERS / (1024 * 1024)} MiB (a variable that refers to itself, like ENV A=$A$A, doubles with each line); the file is not read past it`;
      } else if (text.includes('${') && substitutionDepth(text) > MAX_SUBSTITUTION_DEPTH) {
        this.problem = `variable substitution nested more than ${MAX_SUBSTITUTION_DEPTH} deep (\${A:-\${B:-…}}); the file is not read past this line`;
      }
    }
    return text.length + grown;
  }

  /** Charges an assignment (`ENV name=value`, `ARG name=value`) and records how long the value can be. */
  assign(nameText: string, valueText: string): void {
    const valueLength = this.charge(valueText);
    if (nameText.includes('$')) {
      this.charge(nameText);
      this.longestUnderComputedName = Math.max(this.longestUnderComputedName, valueLength);
    } else {
      this.longest.set(nameText, Math.max(this.longest.get(nameText) ?? 0, valueLength));
    }
  }

  /**
   * How much longer than `text` its expansion can be. Each `$NAME` or `${NAME` is replaced by a value
   * (or kept, when escaped or quoted), so it adds at most the longest value NAME may hold less its
   * own length: `ENV B=$A` grows nothing when A is short, and a line of stages each copying the
   * last one's variable (`ENV K2=$K1`) no longer looks like it grows by the reference every time.
   * Every reference counts, whatever surrounds it: escaped, quoted, or in a default that is never
   * used (`${A-$B}`); counting too many only makes the bound looser. A loop, not `matchAll`: it runs
   * on every text with a `$` of every file (matchAll copies its regex per call).
   */
  private growth(text: string): number {
    let total = 0;
    for (let dollar = text.indexOf('$'); dollar !== -1; dollar = text.indexOf('$', dollar + 1)) {
      let start = dollar + 1;
      // Bounds checked first: reading past the end (NaN) threw this code's optimised form away.
      if (start < text.length && text.charCodeAt(start) === 0x7b /* { */) start++;
      if (start >= text.length || !isNameStart(text.charCodeAt(start))) continue;
      let end = start + 1;
      while (end < text.length && isNameChar(text.charCodeAt(end))) end++;
      const longest = Math.max(this.longest.get(text.slice(start, end)) ?? 0, this.longestUnderComputedName);
      total += Math.max(0, longest - (end - dollar));
    }
    return total;
  }
}

/** The deepest `${` nesting in a text, counting every `${` and the `}` that may close it (a bound). */
function substitutionDepth(text: string): number {
  let depth = 0;
  let deepest = 0;
  for (let index = text.indexOf('$'); index !== -1 && index < text.length; index++) {
    const code = text.charCodeAt(index);
    if (code === 0x24 /* $ */ && index + 1 < text.length && text.charCodeAt(index + 1) === 0x7b /* { */) {
      depth++;
      index++;
      if (depth > deepest) deepest = depth;
    } else if (code === 0x7d /* } */ && depth > 0) depth--;
  }
  return deepest;
}
