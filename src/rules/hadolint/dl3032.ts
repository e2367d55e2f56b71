import { defineRule } from '../../engine/define-rule.js';
import type { ShellCommand } from '../../parser/types.js';
import { commandRange, hasArg, runInstructions } from '../helpers.js';
import { appendCommandFix } from '../fix-helpers.js';
import { installNotCleanedAfter } from './shell-helpers.js';

export default defineRule({
  meta: {
    code: 'DL3032',
    name: 'yum-clean-all',
    family: 'hadolint',
    severity: 'warning',
    fixable: 'safe',
    description: '`yum clean all` missing after yum command.',
    docs: [
      'Flags a RUN (also `ONBUILD RUN`) with `yum install` that is not followed, in the same RUN, by a',
      '`yum` command with a `clean` or `all` argument or an `rm` with `-rf` or `/var/cache/yum/*`. The yum',
      'cache left in the layer only makes the image bigger.',
      '',
      'The order matters: `yum clean all && yum install …` is still reported. As in hadolint, any',
      '`rm -rf` after the install counts as cleaning.',
      '',
      'Fix: end the RUN with `&& yum clean all`.',
      '',
      'Fixable (safe): `--fix` appends ` && yum clean all` at the end of the RUN\'s script, so the cache',
      'is removed in the same layer. Not fixed: exec form, heredocs, a script with a shell syntax error or',
      'a comment, or one ending in `&`, `|` or the escape character; nor a RUN that already cleans before',
      'installing (only the first clean counts, so appending another would not help), nor under a `SHELL`',
      'that is not a POSIX-style shell (PowerShell has no `&&`).',
    ].join('\n'),
    url: 'https://github.com/hadolint/hadolint/wiki/DL3032',
  },
  check({ dockerfile, report }) {
    const isClean = (command: ShellCommand): boolean =>
      (command.name === 'yum' && hasArg(command, 'clean', 'all')) || (command.name === 'rm' && hasArg(command, '-rf', '/var/cache/yum/*'));
    for (const { run } of runInstructions(dockerfile, { onbuild: true })) {
      const install = installNotCleanedAfter(run, (command) => command.name === 'yum' && hasArg(command, 'install'), isClean);
      if (!install) continue;
      // Only the first clean counts (§1 "Order checks"): after an earlier one, appending cannot help.
      const fix = run.script.commands.some(isClean) ? undefined : appendCommandFix(run, dockerfile, 'yum clean all');
      report({ range: commandRange(run, install), message: '`yum clean all` missing after yum command.', fix });
    }
  },
});
