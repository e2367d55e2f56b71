import { defineRule } from '../../engine/define-rule.js';
import type { ShellCommand, ShellWord } from '../../parser/types.js';
import { hasArg } from '../helpers.js';
import { afterInstall, argsWithoutFlagValues, reportFirstUnpinnedPackage, withoutFlags } from './package-helpers.js';

/** npm options whose value is not a package (reference §2 DL3016). */
const VALUE_FLAGS = ['loglevel', 'registry'];
const GIT_PREFIXES = ['git://', 'git+ssh://', 'git+http://', 'git+https://'];
const TARBALL_SUFFIXES = ['.tar', '.tar.gz', '.tgz'];
const PATH_PREFIXES = ['/', './', '../', '~/'];

/**
 * hadolint's `dropScope`: drops the leading run of characters above `/` in ASCII, so a scoped
 * `@org/name` is looked at from its `/` (and `@my-org/x` from its `-`, which gives the same answer).
 */
function withoutScope(text: string): string {
  if (!text.startsWith('@')) return text;
  let index = 0;
  while (index < text.length && text.charCodeAt(index) > 0x2f) index++;
  return text.slice(index);
}

function isPinned(word: ShellWord): boolean {
  const text = word.value;
  if (GIT_PREFIXES.some((prefix) => text.startsWith(prefix))) return text.includes('#');
  if (TARBALL_SUFFIXES.some((suffix) => text.endsWith(suffix))) return true;
  // `.` / `..` (the package in this folder) are paths too; hadolint only knows the prefixes.
  if (text === '.' || text === '..' || PATH_PREFIXES.some((prefix) => text.startsWith(prefix))) return true;
  return withoutScope(text).includes('@');
}

/** The first unpinned package of `npm install <packages>`, or undefined. */
function firstUnpinnedPackage(command: ShellCommand): ShellWord | undefined {
  if (command.name !== 'npm' || !hasArg(command, 'install')) return undefined;
  const positional = withoutFlags(argsWithoutFlagValues(command, VALUE_FLAGS));
  // `npm run --x install` is a script named install, not an install (hadolint's `installIsFirst`).
  if (positional[0]?.value !== 'install') return undefined;
  return afterInstall(positional).find((word) => !isPinned(word));
}

export default defineRule({
  meta: {
    code: 'DL3016',
    name: 'npm-pin-versions',
    family: 'hadolint',
    severity: 'warning',
    fixable: false,
    description: 'Pin versions in npm. Instead of `npm install <package>` use `npm install <package>@<version>`.',
    docs: [
      'Flags an `npm install <package>` (also in `ONBUILD RUN`) whose package has no version: the',
      'build installs whatever the registry tags `latest` that day. Write `npm install express@4.19.2`.',
      '',
      'What counts as pinned: `@<version>` after the name (after the `@scope/` of a scoped package,',
      'so `express@${EXPRESS_VERSION}` is pinned), a git URL with `#<ref>`, a tarball (`.tar`,',
      '`.tar.gz`, `.tgz`) or a path (`.`, `..`, or starting with `/`, `./`, `../`, `~/`).',
      '`npm install` without packages (from package.json), `npm ci` and `npm i` are not checked (as',
      'in hadolint); values of `--loglevel` and `--registry` are not packages. A bare variable',
      '(`npm install -g $TOOLS`) counts as unpinned.',
      '',
      'Difference from hadolint: a bare `.` or `..` (`npm install -g .`) is a path, not a package.',
      '',
      'Reported at the first unpinned package. Not fixable.',
    ].join('\n'),
    url: 'https://github.com/hadolint/hadolint/wiki/DL3016',
  },
  check({ dockerfile, report }) {
    reportFirstUnpinnedPackage(
      dockerfile,
      report,
      firstUnpinnedPackage,
      'Pin versions in npm. Instead of `npm install <package>` use `npm install <package>@<version>`',
    );
  },
});
