import { defineRule } from '../../engine/define-rule.js';

export default defineRule({
  meta: {
    code: 'DL3043',
    name: 'no-forbidden-onbuild-trigger',
    family: 'hadolint',
    severity: 'error',
    fixable: false,
    description: '`ONBUILD`, `FROM` or `MAINTAINER` triggered from within `ONBUILD` instruction.',
    docs: [
      'Flags `ONBUILD ONBUILD …`, `ONBUILD FROM …` and `ONBUILD MAINTAINER …`: Docker does not allow',
      'these triggers, so images built from this one would fail.',
      '',
      'Fix: remove the trigger. Not fixable.',
    ].join('\n'),
    url: 'https://github.com/hadolint/hadolint/wiki/DL3043',
  },
  check({ dockerfile, report }) {
    for (const instruction of dockerfile.instructions) {
      if (instruction.kind !== 'ONBUILD' || instruction.trigger === null) continue;
      const trigger = instruction.trigger;
      if (trigger.kind === 'ONBUILD' || trigger.kind === 'FROM' || trigger.kind === 'MAINTAINER') {
        report({
          range: trigger.keywordRange,
          message: '`ONBUILD`, `FROM` or `MAINTAINER` triggered from within `ONBUILD` instruction.',
        });
      }
    }
  },
});
