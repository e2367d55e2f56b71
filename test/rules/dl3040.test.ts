import rule from '../../src/rules/hadolint/dl3040.js';
import { ruleTester } from '../support/rule-tester.js';

const message = '`dnf clean all` missing after dnf command.';

ruleTester(rule, {
  valid: [
    'FROM fedora:40\nRUN dnf install -y \\\n      httpd-2.4.62 \\\n && dnf clean all\n',
    { code: 'FROM ubi9/ubi-minimal\nRUN microdnf -y upgrade && microdnf clean all\n', name: 'microdnf cleaned by microdnf' },
    { code: 'FROM fedora:40\nRUN dnf -y install httpd-2.4.62 \\\n && rm -rf /var/cache/libdnf5\n', name: 'rm -rf after the install' },
    {
      code: 'FROM fedora:40\nRUN --mount=type=cache,target=/var/cache/libdnf5 \\\n    dnf -y install httpd-2.4.62\n',
      name: 'cache mount',
    },
    { code: 'FROM fedora:40\nRUN --mount=type=tmpfs,target=/root/.cache/libdnf5 dnf -y up\n', name: 'tmpfs mount of .cache/libdnf5' },
    { code: 'FROM fedora:40\nRUN dnf -y remove vim-minimal\n', name: 'remove is not checked' },
  ],
  invalid: [
    {
      code: 'FROM fedora:40\nRUN dnf makecache \\\n && dnf -y install httpd-2.4.62\n',
      precisePositions: true,
      errors: [{ line: 3, column: 5, endColumn: 32, message }],
    },
    {
      code: 'FROM fedora:40\nRUN dnf -y install httpd-2.4.62 \\\n && microdnf clean all\n',
      errors: [{ line: 2, column: 5, message }],
      name: 'each tool must clean its own cache',
    },
    { code: 'FROM fedora:40\nRUN dnf clean all && dnf -y reinstall bash\n', errors: [{ line: 2, message }], name: 'clean before reinstall' },
    { code: 'FROM fedora:40\nONBUILD RUN dnf -y upgrade-minimal\n', errors: [{ line: 2, message }], name: 'ONBUILD' },
  ],
});
