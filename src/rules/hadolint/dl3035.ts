import { defineRule } from '../../engine/define-rule.js';
import { commandRange, runInstructions } from '../helpers.js';
import { commandsWithArg } from './shell-helpers.js';

export default defineRule({
  meta: {
    code: 'DL3035',
    name: 'no-zypper-dist-upgrade',
    family: 'hadolint',
    severity: 'warning',
    fixable: false,
    description: 'Do not use `zypper dist-upgrade`.',
    docs: [
      'Flags `zypper dist-upgrade` and `zypper dup` (also in `ONBUILD RUN`). A distribution upgrade inside an',
      'image build pulls whatever the repositories hold that day, so the result is neither reproducible nor',
      'the release the base image promised.',
      '',
      'Fix: use a newer base image, or upgrade only the packages you need. Not fixable automatically.',
    ].join('\n'),
    url: 'https://github.com/hadolint/hadolint/wiki/DL3035',
  },
  check({ dockerfile, report }) {
    for (const { run } of runInstructions(dockerfile, { onbuild: true })) {
      const command = commandsWithArg(run, ['zypper'], ['dist-upgrade', 'dup'])[0];
      if (command) report({ range: commandRange(run, command), message: 'Do not use `zypper dist-upgrade`.' });
    }
  },
});
