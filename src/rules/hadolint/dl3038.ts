import { defineRule } from '../../engine/define-rule.js';
import { commandRange, hasFlag, runInstructions } from '../helpers.js';
import { commandsWithArg } from './shell-helpers.js';

export default defineRule({
  meta: {
    code: 'DL3038',
    name: 'dnf-assume-yes',
    family: 'hadolint',
    severity: 'warning',
    fixable: false,
    description: 'Use the -y switch to avoid manual input `dnf install -y <package>`.',
    docs: [
      'Flags `dnf` or `microdnf` with `install`, `groupinstall` or `localinstall` (also in `ONBUILD RUN`) without',
      '`-y` or `--assumeyes`. A build has no terminal to answer the confirmation prompt.',
      '',
      'Fix: `dnf install -y <package>`. Not fixable automatically yet.',
    ].join('\n'),
    url: 'https://github.com/hadolint/hadolint/wiki/DL3038',
  },
  check({ dockerfile, report }) {
    for (const { run } of runInstructions(dockerfile, { onbuild: true })) {
      const command = commandsWithArg(run, ['dnf', 'microdnf'], ['install', 'groupinstall', 'localinstall']).find(
        (candidate) => !hasFlag(candidate, 'y', 'assumeyes'),
      );
      if (command) {
        report({ range: commandRange(run, command), message: 'Use the -y switch to avoid manual input `dnf install -y <package>`' });
      }
    }
  },
});
