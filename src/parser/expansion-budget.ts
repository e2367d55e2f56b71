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
 * what expanding it substitutes: for every `$NAME`/`${NAME…}` it references, the longest value
 * NAME may have been given so far (stage scoping ignored: a bound over all stages). Once the total
 * passes the budget, the file stops there with a fatal parse error on that line. Every expansion
 * any rule makes afterwards substitutes at most what was charged, so each of the few passes that
 * expand costs at most the budget. Real files are nowhere near it: the largest total over the
 * shared corpus's 20,000 Dockerfiles is 29,352 characters, a 36th of it.
 */
/** Characters of substituted text one file may ask for (1 MiB). */
export const EXPANSION_BUDGET_CHARACTERS = 1024 * 1024;

const REFERENCE = /\$\{?([A-Za-z_][A-Za-z0-9_]*)/g;

export class ExpansionBudget {
  /** The longest value each name may hold, over every assignment seen so far. */
  private readonly longest = new Map<string, number>();
  /** The longest value assigned to a name computed by expansion (`ENV ${K}=…`): any name may hold it. */
  private longestUnderComputedName = 0;
  private spent = 0;

  constructor(
    buildArgs: ReadonlyMap<string, string>,
    private readonly limit: number = EXPANSION_BUDGET_CHARACTERS,
  ) {
    for (const [name, value] of buildArgs) this.longest.set(name, value.length);
  }

  /** What the file has asked for so far. */
  get charged(): number {
    return this.spent;
  }

  get exhausted(): boolean {
    return this.spent > this.limit;
  }

  /** Charges the substitutions of expanding `text`; returns how long the expansion can be. */
  charge(text: string): number {
    const substituted = this.substitutedLength(text);
    this.spent += substituted;
    return text.length + substituted;
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
   * Every `$NAME` and `${NAME` in the text, whatever surrounds it: escaped, quoted, or in a default
   * that is never used (`${A-$B}`). Counting too many only makes the bound looser.
   */
  private substitutedLength(text: string): number {
    if (!text.includes('$')) return 0;
    let total = 0;
    for (const match of text.matchAll(REFERENCE)) {
      total += Math.max(this.longest.get(match[1]!) ?? 0, this.longestUnderComputedName);
    }
    return total;
  }
}
