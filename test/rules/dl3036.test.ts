import rule from '../../src/rules/hadolint/dl3036.js';
import { ruleTester } from '../support/rule-tester.js';

const message = '`zypper clean` missing after zypper use.';

ruleTester(rule, {
  valid: [
    'FROM opensuse/leap:15.6\nRUN zypper --non-interactive install \\\n      curl=8.6.0 \\\n && zypper clean --all\n',
    { code: 'FROM opensuse/leap:15.6\nRUN zypper -n in curl=8.6.0 && zypper cc -a\n', name: 'zypper cc' },
    {
      code: 'FROM opensuse/leap:15.6\nRUN --mount=type=cache,target=/var/cache/zypp \\\n    zypper -n install curl=8.6.0\n',
      name: 'cache mount of the zypper cache',
    },
    { code: 'FROM opensuse/leap:15.6\nRUN zypper -n remove vim\n', name: 'remove leaves no cache' },
  ],
  invalid: [
    {
      code: 'FROM opensuse/leap:15.6\nRUN zypper refresh \\\n && zypper -n install curl=8.6.0\n',
      precisePositions: true,
      errors: [{ line: 3, column: 5, endColumn: 33, message }],
    },
    {
      code: 'FROM opensuse/leap:15.6\nRUN zypper clean \\\n && zypper -n in curl=8.6.0\n',
      errors: [{ line: 2, column: 1, message }],
      name: 'clean before install',
    },
    {
      code: 'FROM opensuse/leap:15.6\nRUN --mount=type=cache,target=/root/.cache zypper -n in curl=8.6.0\n',
      errors: [{ line: 2, message }],
      name: 'a cache mount elsewhere does not exempt',
    },
    { code: 'FROM opensuse/leap:15.6\nONBUILD RUN zypper -n install curl=8.6.0\n', errors: [{ line: 2, message }], name: 'ONBUILD' },
  ],
});
