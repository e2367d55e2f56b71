import rule from '../../src/rules/hadolint/dl3038.js';
import { ruleTester } from '../support/rule-tester.js';

const message = 'Use the -y switch to avoid manual input `dnf install -y <package>`';

ruleTester(rule, {
  valid: [
    'FROM fedora:40\nRUN dnf install -y \\\n      httpd-2.4.62 \\\n && dnf clean all\n',
    { code: 'FROM ubi9/ubi-minimal\nRUN microdnf --assumeyes install shadow-utils-4.9\n', name: 'microdnf --assumeyes' },
    { code: 'FROM fedora:40\nRUN dnf upgrade --refresh\n', name: 'upgrade is not checked' },
    { code: 'FROM fedora:40\nRUN notdnf install httpd\n', name: 'other command' },
  ],
  invalid: [
    {
      code: 'FROM fedora:40\nRUN dnf makecache \\\n && dnf install httpd-2.4.62 \\\n && dnf clean all\n',
      precisePositions: true,
      errors: [{ line: 3, column: 5, endColumn: 29, message }],
    },
    { code: 'FROM ubi9/ubi-minimal\nRUN microdnf install shadow-utils\n', errors: [{ line: 2, column: 5, message }], name: 'microdnf' },
    { code: 'FROM fedora:40\nRUN dnf groupinstall "Development Tools"\n', errors: [{ line: 2, message }], name: 'groupinstall' },
    { code: 'FROM fedora:40\nONBUILD RUN dnf localinstall /tmp/app.rpm\n', errors: [{ line: 2, message }], name: 'ONBUILD' },
  ],
});
