import rule from '../../src/rules/hadolint/dl3037.js';
import { ruleTester } from '../support/rule-tester.js';

const message = 'Specify version with `zypper install -y <package>=<version>`.';

ruleTester(rule, {
  valid: [
    'FROM opensuse/leap:15.6\nRUN zypper install -y \\\n      curl=8.6.0 \\\n      "git>=2.43" \\\n      /tmp/app-1.0-1.x86_64.rpm \\\n && zypper clean\n',
    { code: 'FROM opensuse/leap:15.6\nRUN zypper in -y tomcat\\<9.0\n', name: 'escaped <' },
    { code: 'FROM opensuse/leap:15.6\nRUN zypper remove -y vim\n', name: 'remove is not checked' },
  ],
  invalid: [
    {
      code: 'FROM opensuse/leap:15.6\nRUN zypper refresh \\\n && zypper install -y curl=8.6.0 git \\\n && zypper clean\n',
      precisePositions: true,
      errors: [{ line: 3, column: 5, endColumn: 37, message }],
    },
    { code: 'FROM opensuse/leap:15.6\nRUN zypper in -y $PACKAGES\n', errors: [{ line: 2, column: 5, message }], name: 'a variable is unpinned' },
    { code: 'FROM opensuse/leap:15.6\nONBUILD RUN zypper install -y tomcat\n', errors: [{ line: 2, message }], name: 'ONBUILD' },
  ],
});
