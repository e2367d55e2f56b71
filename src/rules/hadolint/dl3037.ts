import { defineRule } from '../../engine/define-rule.js';
import { commandRange, runInstructions } from '../helpers.js';
import { argumentsWithoutFlags, commandsWithArg } from './shell-helpers.js';

/** §2 DL3037: pinned = contains `=`, `>` or `<` (`tomcat>=9.0`), or is an `.rpm` file. */
function zypperPackagePinned(packageName: string): boolean {
  return packageName.includes('=') || packageName.includes('>') || packageName.includes('<') || packageName.endsWith('.rpm');
}

export default defineRule({
  meta: {
    code: 'DL3037',
    name: 'zypper-pin-versions',
    family: 'hadolint',
    severity: 'warning',
    fixable: false,
    description: 'Specify version with `zypper install -y <package>=<version>`.',
    docs: [
      'Flags `zypper install` / `zypper in` (also in `ONBUILD RUN`) with a package that has no version',
      'constraint: none of `=`, `>`, `<` (escape them in the shell: `tomcat\\>=9.0`) and not an `.rpm` file.',
      'Unpinned packages make the image depend on the day it was built.',
      '',
      'Like hadolint, a `$PKGS` variable counts as an unpinned package. Not fixable: dockside never guesses',
      'a version.',
    ].join('\n'),
    url: 'https://github.com/hadolint/hadolint/wiki/DL3037',
  },
  check({ dockerfile, report }) {
    for (const { run } of runInstructions(dockerfile, { onbuild: true })) {
      const command = commandsWithArg(run, ['zypper'], ['install', 'in']).find((candidate) =>
        argumentsWithoutFlags(candidate).some((value) => value !== 'install' && value !== 'in' && !zypperPackagePinned(value)),
      );
      if (command) {
        report({ range: commandRange(run, command), message: 'Specify version with `zypper install -y <package>=<version>`.' });
      }
    }
  },
});
