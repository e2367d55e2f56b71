import { defineRule } from '../../engine/define-rule.js';
import { commandRange, hasFlag, runInstructions } from '../helpers.js';
import { commandsWithArg } from './shell-helpers.js';

export default defineRule({
  meta: {
    code: 'DL3034',
    name: 'zypper-non-interactive',
    family: 'hadolint',
    severity: 'warning',
    fixable: false,
    description: 'Non-interactive switch missing from `zypper` command: `zypper install -y`.',
    docs: [
      'Flags `zypper install|in|remove|rm|source-install|si|patch` (also in `ONBUILD RUN`) without `-n`,',
      '`--non-interactive`, `--no-confirm` or `-y`. A build has no terminal to answer zypper\'s prompts.',
      '',
      'Fix: `zypper --non-interactive install <package>` or `zypper install -y <package>`. Not fixable',
      'automatically yet.',
    ].join('\n'),
    url: 'https://github.com/hadolint/hadolint/wiki/DL3034',
  },
  check({ dockerfile, report }) {
    for (const { run } of runInstructions(dockerfile, { onbuild: true })) {
      const command = commandsWithArg(run, ['zypper'], ['install', 'in', 'remove', 'rm', 'source-install', 'si', 'patch']).find(
        (candidate) => !hasFlag(candidate, 'n', 'non-interactive', 'no-confirm', 'y'),
      );
      if (command) {
        report({ range: commandRange(run, command), message: 'Non-interactive switch missing from `zypper` command: `zypper install -y`' });
      }
    }
  },
});
