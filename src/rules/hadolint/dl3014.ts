import { defineRule } from '../../engine/define-rule.js';
import type { ShellCommand } from '../../parser/types.js';
import { commandRange, hasArg, hasFlag, runInstructions } from '../helpers.js';
import { insertFlagFix, wordNamed } from './package-fix-helpers.js';

/**
 * apt-get answers prompts itself with `-y`/`--yes`/`--assume-yes`, or with a quiet level of exactly
 * 2 (`-qq`, `-q -q`, `--quiet --quiet`, `-q=2`), which implies `-y` (reference §2 DL3014).
 */
function isNonInteractive(command: ShellCommand): boolean {
  if (hasFlag(command, 'y', 'yes', 'assume-yes') || hasArg(command, '-q=2')) return true;
  const quietLevel = command.flags.filter((flag) => flag === 'q' || flag === 'quiet').length;
  return quietLevel === 2;
}

export default defineRule({
  meta: {
    code: 'DL3014',
    name: 'apt-get-assume-yes',
    family: 'hadolint',
    severity: 'warning',
    fixable: 'safe',
    description: 'Use the `-y` switch to avoid manual input `apt-get -y install <package>`.',
    docs: [
      'Flags an `apt-get install` (also in `ONBUILD RUN`) without `-y`: when apt-get wants to ask',
      'a question the build has no terminal, so it aborts. Add `-y` (or `--yes`, `--assume-yes`).',
      'A quiet level of exactly 2 (`-qq`, `-q -q`, `-q=2`) also implies `-y` and is accepted;',
      '`-q` alone and `-qqq` are not (as in hadolint).',
      '',
      'Fixable (safe): `--fix` inserts `-y` right after `apt-get` in every `apt-get install` of the',
      'RUN that lacks it (`apt-get install curl` → `apt-get -y install curl`). Not offered for',
      'exec-form or heredoc RUNs.',
    ].join('\n'),
    url: 'https://github.com/hadolint/hadolint/wiki/DL3014',
  },
  check({ dockerfile, report }) {
    for (const { run } of runInstructions(dockerfile, { onbuild: true })) {
      const interactive = run.script.commands.filter(
        (command) => command.name === 'apt-get' && hasArg(command, 'install') && !isNonInteractive(command),
      );
      const first = interactive[0];
      if (first) {
        report({
          range: commandRange(run, first),
          message: 'Use the `-y` switch to avoid manual input `apt-get -y install <package>`',
          fix: insertFlagFix(run, interactive, (command) => wordNamed(command, 'apt-get'), ' -y', 'safe', 'Add -y to apt-get install'),
        });
      }
    }
  },
});
