import { defineRule } from '../../engine/define-rule.js';

export default defineRule({
  meta: {
    code: 'DL4004',
    name: 'single-entrypoint',
    family: 'hadolint',
    severity: 'error',
    fixable: false,
    description: 'Multiple `ENTRYPOINT` instructions found. Only the last `ENTRYPOINT` takes effect.',
    docs: [
      'Flags the second and every later `ENTRYPOINT` of a stage: only the last one takes effect. The',
      'count restarts at every `FROM`; `ONBUILD ENTRYPOINT` is ignored.',
      '',
      'Fix: keep one `ENTRYPOINT` per stage. Not fixable.',
    ].join('\n'),
    url: 'https://github.com/hadolint/hadolint/wiki/DL4004',
  },
  check({ dockerfile, report }) {
    let seen = false;
    for (const instruction of dockerfile.instructions) {
      if (instruction.kind === 'FROM') seen = false;
      else if (instruction.kind === 'ENTRYPOINT') {
        if (seen) {
          report({
            range: instruction.range,
            message:
              'Multiple `ENTRYPOINT` instructions found. If you list more than one `ENTRYPOINT` then only the last `ENTRYPOINT` will take effect',
          });
        }
        seen = true;
      }
    }
  },
});
