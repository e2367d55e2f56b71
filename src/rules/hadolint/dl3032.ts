import { defineRule } from '../../engine/define-rule.js';
import { commandRange, hasArg, runInstructions } from '../helpers.js';
import { installNotCleanedAfter } from './shell-helpers.js';

export default defineRule({
  meta: {
    code: 'DL3032',
    name: 'yum-clean-all',
    family: 'hadolint',
    severity: 'warning',
    fixable: false,
    description: '`yum clean all` missing after yum command.',
    docs: [
      'Flags a RUN (also `ONBUILD RUN`) with `yum install` that is not followed, in the same RUN, by a',
      '`yum` command with a `clean` or `all` argument or an `rm` with `-rf` or `/var/cache/yum/*`. The yum',
      'cache left in the layer only makes the image bigger.',
      '',
      'The order matters: `yum clean all && yum install …` is still reported. As in hadolint, any',
      '`rm -rf` after the install counts as cleaning.',
      '',
      'Fix: end the RUN with `&& yum clean all`. Not fixable automatically yet.',
    ].join('\n'),
    url: 'https://github.com/hadolint/hadolint/wiki/DL3032',
  },
  check({ dockerfile, report }) {
    for (const { run } of runInstructions(dockerfile, { onbuild: true })) {
      const install = installNotCleanedAfter(
        run,
        (command) => command.name === 'yum' && hasArg(command, 'install'),
        (command) =>
          (command.name === 'yum' && hasArg(command, 'clean', 'all')) || (command.name === 'rm' && hasArg(command, '-rf', '/var/cache/yum/*')),
      );
      if (install) report({ range: commandRange(run, install), message: '`yum clean all` missing after yum command.' });
    }
  },
});
