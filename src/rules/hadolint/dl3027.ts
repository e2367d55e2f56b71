import { defineRule } from '../../engine/define-rule.js';
import { commandRange, commandsNamed, runInstructions } from '../helpers.js';

export default defineRule({
  meta: {
    code: 'DL3027',
    name: 'no-apt',
    family: 'hadolint',
    severity: 'warning',
    fixable: false,
    description: 'Do not use apt as it is meant to be an end-user tool, use apt-get or apt-cache instead.',
    docs: [
      'Flags a command named `apt` in a RUN (also `ONBUILD RUN`). `apt` is the interactive front end:',
      'its output format and behaviour are not stable across releases and it warns "apt does not have',
      'a stable CLI interface" when scripted. Use `apt-get` (install, update) or `apt-cache` (search,',
      'policy) instead; they take the same arguments for the common cases.',
      '',
      'Only the command itself counts: `echo apt` or `apt-get install apt-utils` are fine.',
      'Not fixable yet.',
    ].join('\n'),
    url: 'https://github.com/hadolint/hadolint/wiki/DL3027',
  },
  check({ dockerfile, report }) {
    for (const { run } of runInstructions(dockerfile, { onbuild: true })) {
      const apt = commandsNamed(run, 'apt')[0];
      if (apt) {
        report({
          range: commandRange(run, apt),
          message: 'Do not use apt as it is meant to be an end-user tool, use apt-get or apt-cache instead',
        });
      }
    }
  },
});
