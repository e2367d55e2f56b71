import { defineRule } from '../../engine/define-rule.js';
import type { Fix, TextEdit } from '../../engine/types.js';
import type { RunInstruction, ShellCommand } from '../../parser/types.js';
import { insertAt, makeFix } from '../fix-helpers.js';
import { commandRange, hasFlag, runInstructions, wordRange } from '../helpers.js';
import { commandsWithArg } from './shell-helpers.js';

/**
 * Inserts zypper's global `-n` (`--non-interactive`) right after the `zypper` word of every
 * prompting command of the RUN; global options go before the subcommand. A command whose `zypper`
 * is not a plain word (quoted, a path, from a variable) or an exec-form RUN gets no fix.
 */
function nonInteractiveFix(run: RunInstruction, commands: readonly ShellCommand[]): Fix | undefined {
  if (run.form !== 'shell') return undefined;
  const edits: TextEdit[] = [];
  for (const command of commands) {
    const zypperWord = command.words.find((word) => word.raw === 'zypper');
    if (!zypperWord) return undefined;
    edits.push(insertAt(wordRange(run, zypperWord).end, ' -n'));
  }
  return makeFix('safe', 'Add -n (--non-interactive) to zypper', ...edits);
}

export default defineRule({
  meta: {
    code: 'DL3034',
    name: 'zypper-non-interactive',
    family: 'hadolint',
    severity: 'warning',
    fixable: 'safe',
    description: 'Non-interactive switch missing from `zypper` command: `zypper install -y`.',
    docs: [
      'Flags `zypper install|in|remove|rm|source-install|si|patch` (also in `ONBUILD RUN`) without `-n`,',
      '`--non-interactive`, `--no-confirm` or `-y`. A build has no terminal to answer zypper\'s prompts.',
      '',
      'Fix: `zypper --non-interactive install <package>` or `zypper install -y <package>`.',
      '',
      'Fixable (safe): `--fix` inserts the global option `-n` after `zypper` (`zypper -n install …`) in every',
      'such command of the RUN. Not fixed: exec form, and a `zypper` written quoted or as a path.',
    ].join('\n'),
    url: 'https://github.com/hadolint/hadolint/wiki/DL3034',
  },
  check({ dockerfile, report }) {
    for (const { run } of runInstructions(dockerfile, { onbuild: true })) {
      const prompting = commandsWithArg(run, ['zypper'], ['install', 'in', 'remove', 'rm', 'source-install', 'si', 'patch']).filter(
        (candidate) => !hasFlag(candidate, 'n', 'non-interactive', 'no-confirm', 'y'),
      );
      const command = prompting[0];
      if (command) {
        const fix = nonInteractiveFix(run, prompting);
        report({
          range: commandRange(run, command),
          message: 'Non-interactive switch missing from `zypper` command: `zypper install -y`',
          fix,
        });
      }
    }
  },
});
