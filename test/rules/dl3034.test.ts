import rule from '../../src/rules/hadolint/dl3034.js';
import { ruleTester } from '../support/rule-tester.js';

const message = 'Non-interactive switch missing from `zypper` command: `zypper install -y`';

ruleTester(rule, {
  valid: [
    'FROM opensuse/leap:15.6\nRUN zypper --non-interactive refresh \\\n && zypper --non-interactive install curl=8.6.0 \\\n && zypper clean\n',
    { code: 'FROM opensuse/leap:15.6\nRUN zypper -n rm vim\n', name: '-n' },
    { code: 'FROM opensuse/leap:15.6\nRUN zypper in -y curl\n', name: '-y' },
    { code: 'FROM opensuse/leap:15.6\nRUN zypper patch --no-confirm\n', name: '--no-confirm' },
    { code: 'FROM opensuse/leap:15.6\nRUN zypper refresh\n', name: 'refresh needs no switch' },
  ],
  invalid: [
    {
      code: 'FROM opensuse/leap:15.6\nRUN zypper refresh \\\n && zypper install curl=8.6.0 \\\n && zypper clean\n',
      precisePositions: true,
      errors: [{ line: 3, column: 5, endColumn: 30, message }],
    },
    { code: 'FROM opensuse/leap:15.6\nRUN zypper remove vim\n', errors: [{ line: 2, column: 5, message }], name: 'remove' },
    { code: 'FROM opensuse/leap:15.6\nRUN zypper si kernel-source\n', errors: [{ line: 2, message }], name: 'si' },
    { code: 'FROM opensuse/leap:15.6\nONBUILD RUN zypper patch\n', errors: [{ line: 2, message }], name: 'ONBUILD patch' },
  ],
});
