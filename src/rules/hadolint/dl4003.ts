import { defineRule } from '../../engine/define-rule.js';

export default defineRule({
  meta: {
    code: 'DL4003',
    name: 'single-cmd',
    family: 'hadolint',
    severity: 'warning',
    fixable: false,
    description: 'Multiple `CMD` instructions found. Only the last `CMD` takes effect.',
    docs: [
      'Flags the second and every later `CMD` of a stage: only the last one takes effect. The count',
      'restarts at every `FROM`; `ONBUILD CMD` is ignored.',
      '',
      'Fix: keep one `CMD` per stage. Not fixable.',
    ].join('\n'),
    url: 'https://github.com/hadolint/hadolint/wiki/DL4003',
  },
  check({ dockerfile, report }) {
    let seen = false;
    for (const instruction of dockerfile.instructions) {
      if (instruction.kind === 'FROM') seen = false;
      else if (instruction.kind === 'CMD') {
        if (seen) {
          report({
            range: instruction.range,
            message:
              'Multiple `CMD` instructions found. If you list more than one `CMD` then only the last `CMD` will take effect',
          });
        }
        seen = true;
      }
    }
  },
});
