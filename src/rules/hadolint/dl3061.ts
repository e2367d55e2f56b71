import { defineRule } from '../../engine/define-rule.js';

export default defineRule({
  meta: {
    code: 'DL3061',
    name: 'from-first',
    family: 'hadolint',
    severity: 'error',
    fixable: false,
    description: 'Invalid instruction order. Dockerfile must begin with `FROM`, `ARG` or comment.',
    docs: [
      'Flags every instruction other than `ARG` that appears before the first `FROM` (comments and',
      'parser directives are fine): Docker rejects such a file. Unknown instructions are left to the',
      'parse error they already cause.',
      '',
      'Fix: move the instruction below the `FROM` it belongs to. Not fixable.',
    ].join('\n'),
    url: 'https://github.com/hadolint/hadolint/wiki/DL3061',
  },
  check({ dockerfile, report }) {
    for (const instruction of dockerfile.instructions) {
      if (instruction.kind === 'FROM') break;
      // An unknown instruction is already a parse error (hadolint stops at DL1000 there): piling one
      // finding per line on a file that is not a Dockerfile at all helps nobody.
      if (instruction.kind === 'ARG' || instruction.kind === 'UNKNOWN') continue;
      report({
        range: instruction.range,
        message: 'Invalid instruction order. Dockerfile must begin with `FROM`, `ARG` or comment.',
      });
    }
  },
});
