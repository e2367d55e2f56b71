import rule from '../../src/rules/hadolint/dl3040.js';
import { fixTester } from '../support/fix-tester.js';

fixTester(rule, [
  {
    name: 'dnf',
    code: 'FROM fedora:40\nRUN dnf install -y httpd-2.4.62\nCMD ["httpd"]\n',
    output: 'FROM fedora:40\nRUN dnf install -y httpd-2.4.62 && dnf clean all\nCMD ["httpd"]\n',
  },
  {
    name: 'microdnf cleans its own cache',
    code: 'FROM registry.access.redhat.com/ubi9/ubi-minimal:9.4\nRUN microdnf install -y httpd-2.4.62\nCMD ["httpd"]\n',
    output: 'FROM registry.access.redhat.com/ubi9/ubi-minimal:9.4\nRUN microdnf install -y httpd-2.4.62 && microdnf clean all\nCMD ["httpd"]\n',
  },
]);
