import { defineRule } from '../../engine/define-rule.js';
import type { ShellCommand } from '../../parser/types.js';
import { commandRange, hasFlag, runInstructions } from '../helpers.js';

/**
 * §2 DL3046: only the argument after a short `-u` is measured; `--uid 123456` and `--uid=123456`
 * never fire in hadolint.
 */
function hasLongUid(command: ShellCommand): boolean {
  const args = command.args;
  for (let index = 0; index < args.length - 1; index++) {
    if (args[index]!.value === '-u' && args[index + 1]!.value.length > 5) return true;
  }
  return false;
}

export default defineRule({
  meta: {
    code: 'DL3046',
    name: 'useradd-no-log-init',
    family: 'hadolint',
    severity: 'warning',
    fixable: false,
    description: '`useradd` without flag `-l` and high UID will result in excessively large Image.',
    docs: [
      'Flags `useradd -u <uid>` with a UID longer than 5 digits and without `-l` / `--no-log-init` (also in',
      '`ONBUILD RUN`). useradd records every user in the sparse files `/var/log/lastlog` and',
      '`/var/log/faillog`; in an image layer the sparse file becomes real bytes, gigabytes for a high UID.',
      '',
      'As in hadolint, only a short `-u` followed by the UID is measured: `--uid 123456` is not reported, and',
      'a variable is measured as written in its `${NAME}` form, so `-u ${UID}` (6 characters) is reported.',
      '',
      'Fix: `useradd -l -u 123456 app`. Not fixable automatically yet.',
    ].join('\n'),
    url: 'https://github.com/hadolint/hadolint/wiki/DL3046',
  },
  check({ dockerfile, report }) {
    for (const { run } of runInstructions(dockerfile, { onbuild: true })) {
      const command = run.script.commands.find(
        (candidate) =>
          candidate.name === 'useradd' && hasFlag(candidate, 'u', 'uid') && !hasFlag(candidate, 'l', 'no-log-init') && hasLongUid(candidate),
      );
      if (command) {
        report({
          range: commandRange(run, command),
          message: '`useradd` without flag `-l` and high UID will result in excessively large Image.',
        });
      }
    }
  },
});
