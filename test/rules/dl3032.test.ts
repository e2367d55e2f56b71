import rule from '../../src/rules/hadolint/dl3032.js';
import { ruleTester } from '../support/rule-tester.js';

const message = '`yum clean all` missing after yum command.';

ruleTester(rule, {
  valid: [
    'FROM centos:7\nRUN yum install -y \\\n      httpd-2.4.6 \\\n      mod_ssl-2.4.6 \\\n && yum clean all\n',
    { code: 'FROM centos:7\nRUN yum install -y httpd-2.4.6 \\\n && rm -rf /var/cache/yum\n', name: 'any rm -rf after the install' },
    { code: 'FROM centos:7\nRUN yum -y install httpd-2.4.6 && yum clean metadata\n', name: 'any clean argument counts (hadolint)' },
    { code: 'FROM centos:7\nRUN yum makecache\n', name: 'no install' },
  ],
  invalid: [
    {
      code: 'FROM centos:7\nRUN yum makecache \\\n && yum install -y httpd-2.4.6\n',
      precisePositions: true,
      errors: [{ line: 3, column: 5, endColumn: 31, message }],
    },
    {
      code: 'FROM centos:7\nRUN yum clean all \\\n && yum install -y httpd-2.4.6\n',
      errors: [{ line: 2, column: 1, message }],
      name: 'cleaning before the install does not count',
    },
    { code: 'FROM centos:7\nONBUILD RUN yum install -y httpd-2.4.6\n', errors: [{ line: 2, message }], name: 'ONBUILD' },
  ],
});
