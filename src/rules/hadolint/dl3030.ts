import { defineRule } from '../../engine/define-rule.js';
import { commandRange, hasFlag, runInstructions } from '../helpers.js';
import { commandsWithArg } from './shell-helpers.js';

export default defineRule({
  meta: {
    code: 'DL3030',
    name: 'yum-assume-yes',
    family: 'hadolint',
    severity: 'warning',
    fixable: false,
    description: 'Use the -y switch to avoid manual input `yum install -y <package>`.',
    docs: [
      'Flags `yum install`, `yum groupinstall` and `yum localinstall` (also in `ONBUILD RUN`) without `-y` or',
      '`--assumeyes`. A build has no terminal to answer yum\'s confirmation prompt, so the step aborts or',
      'hangs.',
      '',
      'Fix: `yum install -y <package>`. Not fixable automatically yet.',
    ].join('\n'),
    url: 'https://github.com/hadolint/hadolint/wiki/DL3030',
  },
  check({ dockerfile, report }) {
    for (const { run } of runInstructions(dockerfile, { onbuild: true })) {
      const command = commandsWithArg(run, ['yum'], ['install', 'groupinstall', 'localinstall']).find(
        (candidate) => !hasFlag(candidate, 'y', 'assumeyes'),
      );
      if (command) {
        report({ range: commandRange(run, command), message: 'Use the -y switch to avoid manual input `yum install -y <package>`' });
      }
    }
  },
});
