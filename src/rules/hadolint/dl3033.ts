import { defineRule } from '../../engine/define-rule.js';
import { reportUnversionedRpmInstalls } from './shell-helpers.js';

export default defineRule({
  meta: {
    code: 'DL3033',
    name: 'yum-pin-versions',
    family: 'hadolint',
    severity: 'warning',
    fixable: false,
    description: 'Specify version with `yum install -y <package>-<version>`.',
    docs: [
      'Flags `yum install` (also in `ONBUILD RUN`) with a package that carries no version. A package counts as',
      'versioned when it contains `-` and either ends in `.rpm`, references a variable defined by an `ENV` of',
      'the current stage (or a stage it is built `FROM`) or by any earlier `ARG` (`git-core-${version}`), or',
      'has only version-like parts after its name with one starting with a digit (`rpm-sign-4.16.1.3`,',
      '`openssl-1:1.1.1k`). `yum module install` needs a `module:stream` for every module.',
      '',
      'Unpinned packages make the image depend on the day it was built. Like hadolint, `yum group install`',
      'group names are checked as packages, and an `.rpm` path without a `-` (`/tmp/app.rpm`) counts as',
      'unversioned. Not fixable: dockside never guesses a version.',
    ].join('\n'),
    url: 'https://github.com/hadolint/hadolint/wiki/DL3033',
  },
  check({ dockerfile, report }) {
    reportUnversionedRpmInstalls(dockerfile, report, ['yum'], ['module'], 'Specify version with `yum install -y <package>-<version>`.');
  },
});
