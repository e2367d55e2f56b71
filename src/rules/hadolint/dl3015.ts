import { defineRule } from '../../engine/define-rule.js';
import { commandRange, hasArg, hasFlag, runInstructions } from '../helpers.js';

export default defineRule({
  meta: {
    code: 'DL3015',
    name: 'apt-get-no-install-recommends',
    family: 'hadolint',
    severity: 'info',
    fixable: false,
    description: 'Avoid additional packages by specifying `--no-install-recommends`.',
    docs: [
      'Flags an `apt-get install` (also in `ONBUILD RUN`) without `--no-install-recommends`: by',
      'default apt also installs every "recommended" package, which often doubles the image size',
      'for things the container never uses. Add `--no-install-recommends` (or',
      '`-o APT::Install-Recommends=false`, which is accepted too).',
      '',
      'Not fixable yet.',
    ].join('\n'),
    url: 'https://github.com/hadolint/hadolint/wiki/DL3015',
  },
  check({ dockerfile, report }) {
    for (const { run } of runInstructions(dockerfile, { onbuild: true })) {
      const install = run.script.commands.find(
        (command) =>
          command.name === 'apt-get' &&
          hasArg(command, 'install') &&
          !hasFlag(command, 'no-install-recommends') &&
          !hasArg(command, 'APT::Install-Recommends=false'),
      );
      if (install) {
        report({ range: commandRange(run, install), message: 'Avoid additional packages by specifying `--no-install-recommends`' });
      }
    }
  },
});
