import { defineRule } from '../../engine/define-rule.js';

export default defineRule({
  meta: {
    code: 'DL3012',
    name: 'single-healthcheck',
    family: 'hadolint',
    severity: 'error',
    fixable: false,
    description: 'Multiple `HEALTHCHECK` instructions.',
    docs: [
      'Flags the second and every later `HEALTHCHECK` of a stage (`HEALTHCHECK NONE` counts): only the',
      'last one takes effect, so the earlier ones are dead code that misleads readers. The count restarts',
      'at every `FROM`.',
      '',
      'Fix: keep one `HEALTHCHECK` per stage. Not fixable.',
    ].join('\n'),
    url: 'https://github.com/hadolint/hadolint/wiki/DL3012',
  },
  check({ dockerfile, report }) {
    let seen = false;
    for (const instruction of dockerfile.instructions) {
      if (instruction.kind === 'FROM') seen = false;
      else if (instruction.kind === 'HEALTHCHECK') {
        if (seen) report({ range: instruction.range, message: 'Multiple `HEALTHCHECK` instructions' });
        seen = true;
      }
    }
  },
});
