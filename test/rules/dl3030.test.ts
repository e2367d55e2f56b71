import rule from '../../src/rules/hadolint/dl3030.js';
import { ruleTester } from '../support/rule-tester.js';

const message = 'Use the -y switch to avoid manual input `yum install -y <package>`';

ruleTester(rule, {
  valid: [
    'FROM centos:7\nRUN yum install -y \\\n      httpd-2.4.6 \\\n      mod_ssl-2.4.6 \\\n && yum clean all\n',
    { code: 'FROM centos:7\nRUN yum --assumeyes groupinstall "Development Tools"\n', name: '--assumeyes' },
    { code: 'FROM centos:7\nRUN yum -qy localinstall /tmp/app-1.0.rpm\n', name: 'combined short flags' },
    { code: 'FROM centos:7\nRUN yum makecache && yum list installed\n', name: 'no install' },
    { code: 'FROM centos:7\nRUN dnf install httpd\n', name: 'dnf is DL3038' },
  ],
  invalid: [
    {
      code: 'FROM centos:7\nRUN yum makecache \\\n && yum install httpd-2.4.6 \\\n && yum clean all\n',
      precisePositions: true,
      errors: [{ line: 3, column: 5, endColumn: 28, message }],
    },
    { code: 'FROM centos:7\nRUN yum groupinstall "Development Tools"\n', errors: [{ line: 2, column: 5, message }], name: 'groupinstall' },
    { code: 'FROM centos:7\nONBUILD RUN yum localinstall app.rpm\n', errors: [{ line: 2, message }], name: 'ONBUILD localinstall' },
  ],
});
