import { defineRule } from '../../engine/define-rule.js';
import { commandRange, hasArg, hasFlag, runInstructions } from '../helpers.js';
import { insertFlagFix, wordNamed } from './package-fix-helpers.js';

export default defineRule({
  meta: {
    code: 'DL3015',
    name: 'apt-get-no-install-recommends',
    family: 'hadolint',
    severity: 'info',
    fixable: 'unsafe',
    description: 'Avoid additional packages by specifying `--no-install-recommends`.',
    docs: [
      'Flags an `apt-get install` (also in `ONBUILD RUN`) without `--no-install-recommends`: by',
      'default apt also installs every "recommended" package, which often doubles the image size',
      'for things the container never uses. Add `--no-install-recommends` (or',
      '`-o APT::Install-Recommends=false`, which is accepted too).',
      '',
      'Fixable (unsafe, `--unsafe-fixes`): inserts `--no-install-recommends` after `install` in every',
      '`apt-get install` of the RUN that lacks it. Unsafe because it changes which packages end up in',
      'the image: software that relied on a recommended package (`ca-certificates` for `curl` over',
      'HTTPS, `gnupg` for `apt-key`…) can break until that package is named explicitly. Not offered',
      'for exec-form or heredoc RUNs.',
    ].join('\n'),
    url: 'https://github.com/hadolint/hadolint/wiki/DL3015',
  },
  check({ dockerfile, report }) {
    for (const { run } of runInstructions(dockerfile, { onbuild: true })) {
      const installs = run.script.commands.filter(
        (command) =>
          command.name === 'apt-get' &&
          hasArg(command, 'install') &&
          !hasFlag(command, 'no-install-recommends') &&
          !hasArg(command, 'APT::Install-Recommends=false'),
      );
      const first = installs[0];
      if (first) {
        report({
          range: commandRange(run, first),
          message: 'Avoid additional packages by specifying `--no-install-recommends`',
          fix: insertFlagFix(
            run,
            installs,
            (command) => wordNamed(command, 'install', 'args'),
            ' --no-install-recommends',
            'unsafe',
            'Add --no-install-recommends to apt-get install',
          ),
        });
      }
    }
  },
});
