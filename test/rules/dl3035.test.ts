import rule from '../../src/rules/hadolint/dl3035.js';
import { ruleTester } from '../support/rule-tester.js';

const message = 'Do not use `zypper dist-upgrade`.';

ruleTester(rule, {
  valid: [
    'FROM opensuse/leap:15.6\nRUN zypper --non-interactive update \\\n && zypper clean\n',
    { code: 'FROM opensuse/leap:15.6\nRUN echo zypper dup\n', name: 'an argument of echo' },
  ],
  invalid: [
    {
      code: 'FROM opensuse/tumbleweed\nRUN zypper refresh \\\n && zypper -n dup \\\n && zypper clean\n',
      precisePositions: true,
      errors: [{ line: 3, column: 5, endColumn: 18, message }],
    },
    { code: 'FROM opensuse/tumbleweed\nRUN zypper --non-interactive dist-upgrade\n', errors: [{ line: 2, column: 5, message }] },
    { code: 'FROM opensuse/tumbleweed\nONBUILD RUN zypper dup\n', errors: [{ line: 2, message }], name: 'ONBUILD' },
  ],
});
