import { defineRule } from '../../engine/define-rule.js';
import { makeFix, replaceRange } from '../fix-helpers.js';

function isLower(text: string): boolean {
  return text.toLowerCase() === text;
}

function isUpper(text: string): boolean {
  return text.toUpperCase() === text;
}

export default defineRule({
  meta: {
    code: 'from-as-casing',
    name: 'from-as-casing',
    aliases: ['FromAsCasing'],
    family: 'buildkit',
    severity: 'warning',
    fixable: 'safe',
    description: 'The AS keyword should match the casing of the FROM keyword.',
    docs: [
      'Flags `FROM image as name` and `from image AS name`: the `AS` keyword should be written in the',
      'same case as `FROM`. When the `FROM` keyword itself is mixed-case (`From`), BuildKit leaves it to',
      'ConsistentInstructionCasing and so does this rule. Fix: change the case of `AS`.',
      '',
      'Fixable (safe): `--fix` writes `AS` in the case of `FROM` (`as` after `from`).',
    ].join('\n'),
    url: 'https://docs.docker.com/go/dockerfile/rule/from-as-casing/',
  },
  check({ dockerfile, report }) {
    for (const instruction of dockerfile.instructions) {
      if (instruction.kind !== 'FROM' || instruction.words.length < 3) continue;
      const fromKeyword = instruction.keyword;
      const asWord = instruction.words[1]!;
      const mismatch =
        (isLower(fromKeyword) && !isLower(asWord.raw)) || (isUpper(fromKeyword) && !isUpper(asWord.raw));
      if (!mismatch) continue;
      const expected = isLower(fromKeyword) ? asWord.raw.toLowerCase() : asWord.raw.toUpperCase();
      report({
        range: asWord.range,
        message: `'${asWord.raw}' and '${fromKeyword}' keywords' casing do not match`,
        fix: makeFix('safe', `Write ${expected}`, replaceRange(asWord.range, expected)),
      });
    }
  },
});
