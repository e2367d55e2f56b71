import { defineRule } from '../../engine/define-rule.js';
import { commandRange, hasArg, runInstructions } from '../helpers.js';

export default defineRule({
  meta: {
    code: 'DL4005',
    name: 'use-shell-instruction',
    family: 'hadolint',
    severity: 'warning',
    fixable: false,
    description: 'Use SHELL to change the default shell.',
    docs: [
      'Flags an `ln` command with the argument `/bin/sh` (also in `ONBUILD RUN`), as in',
      '`ln -sf /bin/bash /bin/sh`. Replacing `/bin/sh` changes the shell of every program in the image,',
      'not just of the build; the `SHELL` instruction changes the shell of later `RUN`s only.',
      '',
      'Fix: `SHELL ["/bin/bash", "-c"]`. Not fixable automatically.',
    ].join('\n'),
    url: 'https://github.com/hadolint/hadolint/wiki/DL4005',
  },
  check({ dockerfile, report }) {
    for (const { run } of runInstructions(dockerfile, { onbuild: true })) {
      const command = run.script.commands.find((candidate) => candidate.name === 'ln' && hasArg(candidate, '/bin/sh'));
      if (command) report({ range: commandRange(run, command), message: 'Use SHELL to change the default shell' });
    }
  },
});
