import { defineRule } from '../../engine/define-rule.js';
import type { ShellWord } from '../../parser/types.js';
import { hasArg, runInstructions, wordRange } from '../helpers.js';
import { argsWithoutFlagValues, withoutFlags } from './package-helpers.js';

/** apk options whose value is not a package: virtual package names and repositories. */
const VALUE_FLAGS = ['t', 'virtual', 'repository', 'X'];
const VERSION_MARKS = ['=', '~', '>', '<'];

function isPinned(word: ShellWord): boolean {
  return VERSION_MARKS.some((mark) => word.value.includes(mark)) || word.value.endsWith('.apk');
}

export default defineRule({
  meta: {
    code: 'DL3018',
    name: 'apk-pin-versions',
    family: 'hadolint',
    severity: 'warning',
    fixable: false,
    description: 'Pin versions in apk add. Instead of `apk add <package>` use `apk add <package>=<version>`.',
    docs: [
      'Flags an `apk add` (also in `ONBUILD RUN`) that names a package without a version',
      'constraint: the build installs whatever the Alpine mirror serves that day.',
      '',
      'What counts as pinned: a constraint (`curl=8.5.0-r0`, `curl~8.5`, `curl>=8`, `curl<9`, and',
      '`curl=${CURL_VERSION}`), or a local `.apk` file. Values of `-t`/`--virtual` and',
      '`--repository`/`-X` are not packages. As in hadolint, `!pyc` and a bare variable',
      '(`apk add $PACKAGES`) count as unpinned.',
      '',
      'Alpine removes superseded package versions from its mirrors, so exact pins break old',
      'Dockerfiles; many projects prefer `~` (same minor) or disable this rule.',
      '',
      'Reported at the first unpinned package. Not fixable.',
    ].join('\n'),
    url: 'https://github.com/hadolint/hadolint/wiki/DL3018',
  },
  check({ dockerfile, report }) {
    for (const { run } of runInstructions(dockerfile, { onbuild: true })) {
      for (const command of run.script.commands) {
        if (command.name !== 'apk' || !hasArg(command, 'add')) continue;
        const packages = withoutFlags(argsWithoutFlagValues(command, VALUE_FLAGS)).filter((word) => word.value !== 'add');
        const unpinned = packages.find((word) => !isPinned(word));
        if (unpinned) {
          report({
            range: wordRange(run, unpinned),
            message: 'Pin versions in apk add. Instead of `apk add <package>` use `apk add <package>=<version>`',
          });
          break;
        }
      }
    }
  },
});
