import { defineRule } from '../../engine/define-rule.js';
import type { Instruction } from '../../parser/types.js';
import { makeFix, replaceRange } from '../fix-helpers.js';

function isSelfConsistent(keyword: string): boolean {
  return keyword === keyword.toLowerCase() || keyword === keyword.toUpperCase();
}

export default defineRule({
  meta: {
    code: 'consistent-instruction-casing',
    name: 'consistent-instruction-casing',
    aliases: ['ConsistentInstructionCasing'],
    family: 'buildkit',
    severity: 'warning',
    fixable: 'safe',
    description: 'All instruction keywords should use the same case, lowercase or uppercase.',
    docs: [
      'Counts the keywords of every stage instruction (FROM included) written all in lowercase or all',
      'in uppercase; the majority is lowercase only when lowercase keywords strictly outnumber uppercase',
      'ones (a tie, even 0:0, means uppercase). Every keyword not in the majority case, and every',
      'mixed-case keyword (`Run`), is flagged. As in BuildKit, ARGs before the first FROM are neither',
      'counted nor checked, an ONBUILD counts as one keyword, and per-instruction `# check=` comments',
      'cannot skip it (whole-file check). Fix: rewrite the keyword in the majority case.',
      '',
      'Fixable (safe): `--fix` rewrites each flagged keyword in the majority case; keywords are',
      'case-insensitive, so the build does not change.',
    ].join('\n'),
    url: 'https://docs.docker.com/go/dockerfile/rule/consistent-instruction-casing/',
  },
  check({ dockerfile, report }) {
    const keywords: Instruction[] = [];
    for (const stage of dockerfile.stages) {
      keywords.push(stage.from);
      for (const instruction of stage.instructions) if (instruction.kind !== 'UNKNOWN') keywords.push(instruction);
    }
    let lower = 0;
    let upper = 0;
    for (const instruction of keywords) {
      if (!isSelfConsistent(instruction.keyword)) continue;
      if (instruction.keyword === instruction.keyword.toLowerCase()) lower++;
      else upper++;
    }
    const majorityLower = lower > upper;
    for (const instruction of keywords) {
      const keyword = instruction.keyword;
      const expected = majorityLower ? keyword.toLowerCase() : keyword.toUpperCase();
      if (keyword === expected) continue;
      report({
        range: instruction.keywordRange,
        message: `Command '${keyword}' should match the case of the command majority (${majorityLower ? 'lowercase' : 'uppercase'})`,
        fix: makeFix('safe', `Write ${expected}`, replaceRange(instruction.keywordRange, expected)),
      });
    }
  },
});
