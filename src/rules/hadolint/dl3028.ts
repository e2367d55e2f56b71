import { defineRule } from '../../engine/define-rule.js';
import type { ShellCommand, ShellWord } from '../../parser/types.js';
import { hasArg } from '../helpers.js';
import { reportFirstUnpinnedPackage } from './package-helpers.js';

/**
 * The gems a `gem install` names (reference §2 DL3028): arguments before the first `--` (after it
 * come build options) that are neither the subcommand nor an option; every `-…` option also
 * swallows the word after it, as hadolint does (so `--no-document bundler` names no gem).
 */
function gemsOf(command: ShellCommand): ShellWord[] {
  const gems: ShellWord[] = [];
  const args = command.args;
  for (let index = 0; index < args.length; index++) {
    const word = args[index]!;
    if (word.value === '--') break;
    if (word.value.startsWith('-')) {
      index++;
      continue;
    }
    if (word.value !== 'install' && word.value !== 'i') gems.push(word);
  }
  return gems;
}

function firstUnpinnedGem(command: ShellCommand): ShellWord | undefined {
  if (command.name !== 'gem' || !hasArg(command, 'install', 'i')) return undefined;
  // `-v`/`--version` pins every gem named in the command.
  if (hasArg(command, '-v', '--version') || command.args.some((word) => word.value.startsWith('--version='))) {
    return undefined;
  }
  return gemsOf(command).find((word) => !word.value.includes(':'));
}

export default defineRule({
  meta: {
    code: 'DL3028',
    name: 'gem-pin-versions',
    family: 'hadolint',
    severity: 'warning',
    fixable: false,
    description: 'Pin versions in gem install. Instead of `gem install <gem>` use `gem install <gem>:<version>`.',
    docs: [
      'Flags a `gem install` / `gem i` (also in `ONBUILD RUN`) naming a gem without a version: the',
      'build installs whatever rubygems.org serves that day. Write `gem install bundler:2.5.6` or',
      '`gem install bundler -v 2.5.6`.',
      '',
      'What counts as pinned: `name:version` (also `bundler:${BUNDLER_VERSION}`), or a `-v`/',
      '`--version` option anywhere in the command. Words after `--` are build options. As in',
      'hadolint, every option swallows the word after it, so `gem install --no-document bundler`',
      'is not reported; a bare variable (`gem install $GEMS`) counts as unpinned.',
      '',
      'Reported at the first unpinned gem. Not fixable.',
    ].join('\n'),
    url: 'https://github.com/hadolint/hadolint/wiki/DL3028',
  },
  check({ dockerfile, report }) {
    reportFirstUnpinnedPackage(
      dockerfile,
      report,
      firstUnpinnedGem,
      'Pin versions in gem install. Instead of `gem install <gem>` use `gem install <gem>:<version>`',
    );
  },
});
