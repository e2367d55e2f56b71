import { defineRule } from '../../engine/define-rule.js';
import type { ShellCommand, ShellWord } from '../../parser/types.js';
import { hasArg, hasFlag } from '../helpers.js';
import { afterInstall, argsWithoutFlagValues, isPipInstall, reportFirstUnpinnedPackage, withoutFlags } from './package-helpers.js';

/** pip options whose value (the next word) is not a package (reference §2 DL3013). */
const VALUE_FLAGS = [
  'abi', 'b', 'build', 'e', 'editable', 'extra-index-url', 'f', 'find-links', 'i', 'index-url',
  'implementation', 'no-binary', 'only-binary', 'platform', 'prefix', 'progress-bar', 'proxy',
  'python', 'python-version', 'root', 'root-user-action', 'src', 't', 'target', 'trusted-host',
  'upgrade-strategy',
];

const VERSION_OPERATORS = ['==', '>=', '<=', '>', '<', '!=', '~=', '==='];
const LOCAL_ARCHIVE_SUFFIXES = ['.whl', '.tar.gz'];
/** pip's VCS schemes, matched as plain prefixes (reference §10: `github/pkg` counts as VCS too). */
const VCS_PREFIXES = [
  'git+file', 'git+https', 'git+ssh', 'git+http', 'git+git', 'git', 'hg+file', 'hg+http', 'hg+https',
  'hg+ssh', 'hg+static-http', 'svn', 'svn+svn', 'svn+http', 'svn+https', 'svn+ssh', 'bzr+http',
  'bzr+https', 'bzr+ssh', 'bzr+sftp', 'bzr+ftp', 'bzr+lp',
];

function isPinned(word: ShellWord): boolean {
  const text = word.value;
  if (VERSION_OPERATORS.some((operator) => text.includes(operator))) return true;
  if (LOCAL_ARCHIVE_SUFFIXES.some((suffix) => text.endsWith(suffix))) return true;
  const vcs = VCS_PREFIXES.some((prefix) => text.startsWith(prefix));
  // A VCS URL is pinned by `@ref`; any other path or URL names a fixed artefact.
  return vcs ? text.includes('@') : text.includes('/');
}

/** The first unpinned package of a pip install that lists packages itself, or undefined. */
function firstUnpinnedPackage(command: ShellCommand): ShellWord | undefined {
  if (!isPipInstall(command)) return undefined;
  // Requirements files, constraints and the local project pin (or delegate) the versions.
  if (hasArg(command, '-r', '--requirement', '.') || hasFlag(command, 'c', 'constraint')) return undefined;
  const packages = afterInstall(withoutFlags(argsWithoutFlagValues(command, VALUE_FLAGS)));
  return packages.find((word) => !isPinned(word));
}

export default defineRule({
  meta: {
    code: 'DL3013',
    name: 'pip-pin-versions',
    family: 'hadolint',
    severity: 'warning',
    fixable: false,
    description: 'Pin versions in pip install.',
    docs: [
      'Flags a `pip install` (also `pip3`, `pip3.12`, `pipx`, `python -m pip install`, and in',
      '`ONBUILD RUN`) that names a package without a version: the build installs whatever PyPI',
      'serves that day. Pin it (`pip install flask==3.0.3`) or install from a requirements file.',
      '',
      'What counts as pinned: a version operator (`==`, `>=`, `<=`, `>`, `<`, `!=`, `~=`, `===`),',
      'so `flask==${FLASK_VERSION}` is pinned; a local archive (`.whl`, `.tar.gz`); a path or URL',
      '(contains `/`); a VCS URL (`git+https://…`) only with `@ref`. Values of options such as',
      '`--index-url URL`, `--target DIR`, `--python PY` are not packages. The whole command is',
      'skipped with `-r`/`--requirement`, `-c`/`--constraint` or `.`. `pipenv` is not checked.',
      'As in hadolint, `pip install --upgrade pip` is reported, and a bare variable',
      '(`pip install $PACKAGES`) counts as unpinned.',
      '',
      'Reported at the first unpinned package. Not fixable.',
    ].join('\n'),
    url: 'https://github.com/hadolint/hadolint/wiki/DL3013',
  },
  check({ dockerfile, report }) {
    reportFirstUnpinnedPackage(
      dockerfile,
      report,
      firstUnpinnedPackage,
      'Pin versions in pip. Instead of `pip install <package>` use `pip install <package>==<version>` or `pip install --requirement <requirements file>`',
    );
  },
});
