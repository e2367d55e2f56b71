import { defineRule } from '../../engine/define-rule.js';
import type { ShellWord } from '../../parser/types.js';
import { hasArg, runInstructions, wordRange } from '../helpers.js';
import { argsWithoutFlagValues, withoutFlags } from './package-helpers.js';

/** `-t` / `--target-release` take a value that is not a package (reference §2 DL3008). */
const VALUE_FLAGS = ['t', 'target-release'];

/**
 * Pinned = holds `=` (`curl=7.88.1-10`, `curl=${CURL_VERSION}`), a `/` (`./pkg.deb`, `pkg/bookworm`)
 * or ends in `.deb` (hadolint's `versionFixed`).
 */
function isPinned(word: ShellWord): boolean {
  return word.value.includes('=') || word.value.includes('/') || word.value.endsWith('.deb');
}

export default defineRule({
  meta: {
    code: 'DL3008',
    name: 'apt-get-pin-versions',
    family: 'hadolint',
    severity: 'warning',
    fixable: false,
    description: 'Pin versions in apt-get install.',
    docs: [
      'Flags an `apt-get install` (also in `ONBUILD RUN`) that names a package without a version:',
      'an unpinned package is whatever the mirror serves on build day, so two builds of the same',
      'Dockerfile can differ. Write `apt-get install -y curl=7.88.1-10+deb12u5`.',
      '',
      'What counts as pinned: a package word containing `=` (`curl=7.88.*`, and also',
      '`curl=${CURL_VERSION}` — a version held in an ARG/ENV is accepted because the `=` is there),',
      'containing `/` (`./local.deb`, `pkg/bookworm-backports`), or ending in `.deb`. The value after',
      '`-t`/`--target-release` is a release, not a package. Only `apt-get` is checked (not `apt`,',
      'see DL3027). A bare variable (`apt-get install -y $PACKAGES`) counts as unpinned, as in',
      'hadolint: the linter cannot see what it holds.',
      '',
      'Reported at the first unpinned package. Not fixable: dockside never guesses a version.',
    ].join('\n'),
    url: 'https://github.com/hadolint/hadolint/wiki/DL3008',
  },
  check({ dockerfile, report }) {
    for (const { run } of runInstructions(dockerfile, { onbuild: true })) {
      for (const command of run.script.commands) {
        if (command.name !== 'apt-get' || !hasArg(command, 'install')) continue;
        const packages = withoutFlags(argsWithoutFlagValues(command, VALUE_FLAGS)).filter((word) => word.value !== 'install');
        const unpinned = packages.find((word) => !isPinned(word));
        if (unpinned) {
          report({
            range: wordRange(run, unpinned),
            message: 'Pin versions in apt get install. Instead of `apt-get install <package>` use `apt-get install <package>=<version>`',
          });
          break;
        }
      }
    }
  },
});
