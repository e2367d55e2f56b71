import { defineRule } from '../../engine/define-rule.js';

export default defineRule({
  meta: {
    code: 'no-empty-continuation',
    name: 'no-empty-continuation',
    aliases: ['NoEmptyContinuation'],
    family: 'buildkit',
    severity: 'warning',
    fixable: false,
    description: 'Empty continuation lines will become errors in a future release.',
    docs: [
      'Flags an instruction whose line continuation contains an empty or whitespace-only line. The',
      'parser drops such lines today, but they hide where an instruction really ends and Docker plans to',
      'reject them. Comment lines and lines holding only the escape character are not empty.',
      '',
      'Reported once per instruction, at its **last** line, as BuildKit does. A per-instruction',
      '`# check=skip=` comment cannot skip it (it is a whole-file check). Fix: delete the blank line or',
      'end the instruction before it.',
    ].join('\n'),
    url: 'https://docs.docker.com/go/dockerfile/rule/no-empty-continuation/',
  },
  check({ dockerfile, report }) {
    for (const instruction of dockerfile.instructions) {
      if (instruction.emptyContinuationLines.length === 0) continue;
      const line = instruction.logicalEndLine;
      report({
        range: { start: { line, column: 1 }, end: { line, column: (dockerfile.lines[line - 1]?.length ?? 0) + 1 } },
        message: 'Empty continuation line',
        // BuildKit reports this one at the instruction's last line (buildkit-checks.md §1).
        exactPosition: true,
      });
    }
  },
});
