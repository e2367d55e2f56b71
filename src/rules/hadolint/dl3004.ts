import { defineRule } from '../../engine/define-rule.js';
import { commandRange, commandsNamed, runInstructions } from '../helpers.js';

export default defineRule({
  meta: {
    code: 'DL3004',
    name: 'no-sudo',
    family: 'hadolint',
    severity: 'error',
    fixable: false,
    description: 'Do not use sudo as it leads to unpredictable behavior. Use a tool like gosu to enforce root.',
    docs: [
      'Flags a `sudo` command anywhere in a RUN (also `ONBUILD RUN`): builds already run as the current',
      '`USER`, and sudo behaves differently across images (TTY, PAM, environment reset).',
      'Installing the package (`apt-get install sudo`) is fine.',
    ].join('\n'),
    url: 'https://github.com/hadolint/hadolint/wiki/DL3004',
  },
  check({ dockerfile, report }) {
    for (const { run } of runInstructions(dockerfile, { onbuild: true })) {
      const sudo = commandsNamed(run, 'sudo')[0];
      if (sudo) {
        report({
          range: commandRange(run, sudo),
          message: 'Do not use sudo as it leads to unpredictable behavior. Use a tool like gosu to enforce root',
        });
      }
    }
  },
});
