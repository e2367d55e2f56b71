import { defineRule } from '../../engine/define-rule.js';
import type { Fix } from '../../engine/types.js';
import type { Dockerfile, KeyValueInstruction } from '../../parser/types.js';
import { commentsBetween, insertAt, makeFix, replaceRange } from '../fix-helpers.js';
import { dispatchedStages } from '../analysis/facts.js';

/** A key holding a quote or `$` is left alone: joining it to its value could change its reading. */
const QUOTE_OR_VARIABLE = /["'$]/;

/**
 * `KEY rest of line` → `KEY=rest of line`. In the legacy form BuildKit takes the rest of the line,
 * as written, as one word (buildkit-checks.md §6 ENV/LABEL) and processes it like any word; the
 * `=` form splits words first. So a single-word value only needs the `=`; a value of several words
 * is wrapped in double quotes, which keep its blanks and expand `$` the same way, provided it holds
 * no quote or escape character whose meaning the quotes would change.
 */
function keyEqualsValueFix(instruction: KeyValueInstruction, dockerfile: Dockerfile): Fix | undefined {
  const [key, ...valueWords] = instruction.words;
  if (key === undefined || valueWords.length === 0) return undefined;
  const escapeChar = dockerfile.escapeChar;
  if (QUOTE_OR_VARIABLE.test(key.raw) || key.raw.includes(escapeChar)) return undefined;
  const firstValue = valueWords[0]!;
  // Joining the key to a value on a later line would drop the comment lines in between.
  if (commentsBetween(dockerfile, key.range.end.line - 1, firstValue.range.start.line + 1)) return undefined;
  const separator = { start: key.range.end, end: firstValue.range.start };
  const description = `Write ${instruction.keyword} ${key.raw}=…`;
  if (valueWords.length === 1) return makeFix('safe', description, replaceRange(separator, '='));
  if (valueWords.some((word) => /["']/.test(word.raw) || word.raw.includes(escapeChar))) return undefined;
  return makeFix('safe', description, replaceRange(separator, '="'), insertAt(valueWords.at(-1)!.range.end, '"'));
}

export default defineRule({
  meta: {
    code: 'legacy-key-value-format',
    name: 'legacy-key-value-format',
    aliases: ['LegacyKeyValueFormat'],
    family: 'buildkit',
    severity: 'warning',
    fixable: 'safe',
    description: 'ENV and LABEL should use the key=value form, not the legacy "key value" form.',
    docs: [
      'Flags `ENV KEY value` and `LABEL key value`: in the legacy form the whole rest of the line is one',
      'value, so `ENV A b C=d` sets `A` to `b C=d`, which is rarely what was meant. ARG is never checked',
      '(`ARG a b` declares two ARGs), contrary to the example in Docker\'s docs. Every stage is checked,',
      'reachable or not, as `docker build --check` does; with `--target`, only the stages the target needs.',
      'Fix: `ENV KEY=value` (quote values with spaces).',
      '',
      'Fixable (safe): `--fix` writes `ENV KEY=value`; a value of several words is wrapped in double quotes',
      '(`ENV A hello world` → `ENV A="hello world"`), which keeps its blanks and its `$` expansions. Not',
      'fixed: a key with quotes or `$`, and a several-word value holding quotes or the escape character',
      '(quoting would change what they mean).',
    ].join('\n'),
    url: 'https://docs.docker.com/go/dockerfile/rule/legacy-key-value-format/',
  },
  check({ dockerfile, report }) {
    for (const stage of dispatchedStages(dockerfile)) {
      for (const instruction of stage.instructions) {
        if (instruction.kind !== 'ENV' && instruction.kind !== 'LABEL') continue;
        if (!instruction.pairs.some((pair) => pair.legacy)) continue;
        const keyword = instruction.keyword;
        const fix = keyEqualsValueFix(instruction, dockerfile);
        report({
          range: instruction.keywordRange,
          message: `"${keyword} key=value" should be used instead of legacy "${keyword} key value" format`,
          fix,
        });
      }
    }
  },
});
