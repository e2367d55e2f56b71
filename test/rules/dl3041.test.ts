import rule from '../../src/rules/hadolint/dl3041.js';
import { ruleTester } from '../support/rule-tester.js';

const message = 'Specify version with `dnf install -y <package>-<version>`.';

ruleTester(rule, {
  valid: [
    'FROM fedora:40\nRUN dnf install -y \\\n      httpd-2.4.62 \\\n      openssl-1:3.2.2 \\\n      rpm-sign-4.19.1.1 \\\n && dnf clean all\n',
    { code: 'FROM fedora:40\nRUN dnf -y group install "Development Tools"\n', name: 'group install is not checked' },
    { code: 'FROM fedora:40\nRUN dnf -y module install nodejs:20\n', name: 'module with a stream' },
    { code: 'FROM fedora:40\nARG PY=3.12.4-1.fc40\nRUN microdnf -y install python3-${PY}\n', name: 'ARG reference' },
  ],
  invalid: [
    {
      code: 'FROM fedora:40\nRUN dnf makecache \\\n && dnf install -y httpd-2.4.62 jq \\\n && dnf clean all\n',
      precisePositions: true,
      errors: [{ line: 3, column: 5, endColumn: 35, message }],
    },
    { code: 'FROM ubi9/ubi-minimal\nRUN microdnf install -y shadow-utils\n', errors: [{ line: 2, message }], name: 'microdnf' },
    {
      code: 'FROM fedora:40\nARG PY=3.12\nRUN dnf -y install python${PY}\n',
      errors: [{ line: 3, message }],
      name: 'a variable without a dash still fires (hadolint)',
    },
    { code: 'FROM fedora:40\nONBUILD RUN dnf -y module install nodejs\n', errors: [{ line: 2, message }], name: 'ONBUILD module' },
  ],
});
