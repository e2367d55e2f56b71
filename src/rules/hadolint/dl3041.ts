import { defineRule } from '../../engine/define-rule.js';
import { reportUnversionedRpmInstalls } from './shell-helpers.js';

export default defineRule({
  meta: {
    code: 'DL3041',
    name: 'dnf-pin-versions',
    family: 'hadolint',
    severity: 'warning',
    fixable: false,
    description: 'Specify version with `dnf install -y <package>-<version>`.',
    docs: [
      'Flags `dnf install` / `microdnf install` (also in `ONBUILD RUN`) with a package that carries no version.',
      'A package counts as versioned when it contains `-` and either ends in `.rpm`, references a variable',
      'defined by an `ENV` of the current stage (or a stage it is built `FROM`) or by any earlier `ARG`',
      '(`git-core-${version}`), or has only version-like parts after its name with one starting with a digit',
      '(`rpm-sign-4.16.1.3`, `openssl-1:1.1.1k`). `dnf module install` needs a `module:stream` for every',
      'module; `dnf group install` is not checked.',
      '',
      'As in hadolint, `python${V}` and `/tmp/app.rpm` (no `-`) are still reported. Not fixable: dockside never',
      'guesses a version.',
    ].join('\n'),
    url: 'https://github.com/hadolint/hadolint/wiki/DL3041',
  },
  check({ dockerfile, report }) {
    reportUnversionedRpmInstalls(dockerfile, report, ['dnf', 'microdnf'], ['module', 'group'], 'Specify version with `dnf install -y <package>-<version>`.');
  },
});
