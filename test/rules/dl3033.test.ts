import rule from '../../src/rules/hadolint/dl3033.js';
import { ruleTester } from '../support/rule-tester.js';

const message = 'Specify version with `yum install -y <package>-<version>`.';

ruleTester(rule, {
  valid: [
    'FROM centos:7\nRUN yum install -y \\\n      httpd-2.4.6 \\\n      openssl-1:1.0.2k \\\n      gcc-c++-4.8.5 \\\n      /tmp/app-1.0-1.el7.x86_64.rpm \\\n && yum clean all\n',
    { code: 'FROM centos:7\nRUN yum module install -y nodejs:18 && yum clean all\n', name: 'module with a stream' },
    {
      code: 'FROM fedora:40 AS base\nENV GIT_VERSION=2.45.0-1.fc40\n\nFROM base\nRUN yum -y install git-core-${GIT_VERSION}\n',
      name: 'ENV of the stage built FROM',
    },
    {
      code: 'ARG GIT_VERSION=2.45.0-1.fc40\nFROM fedora:40\nRUN yum -y install git-core-$GIT_VERSION\n',
      name: 'global ARG',
    },
    {
      code: 'FROM fedora:40\nONBUILD ARG V=1.0\nONBUILD RUN yum -y install tool-${V}\n',
      name: 'ONBUILD ARG in the ONBUILD stream',
    },
  ],
  invalid: [
    {
      code: 'FROM centos:7\nRUN yum makecache \\\n && yum install -y httpd-2.4.6 mod_ssl \\\n && yum clean all\n',
      precisePositions: true,
      errors: [{ line: 3, column: 5, endColumn: 39, message }],
    },
    {
      code: 'FROM centos:7\nRUN yum install -y tomcat \\\n && yum clean all\n',
      errors: [{ line: 2, column: 5, message }],
      name: 'single-line command',
    },
    {
      code: 'FROM fedora:40 AS base\nENV GIT_VERSION=2.45.0-1.fc40\n\nFROM fedora:40\nRUN yum -y install git-core-${GIT_VERSION}\n',
      errors: [{ line: 5, message }],
      name: 'ENV of an unrelated stage',
    },
    {
      code: 'FROM fedora:40\nENV V=1.0\nONBUILD RUN yum -y install tool-${V}\n',
      errors: [{ line: 3, message }],
      name: 'the ONBUILD stream does not see stage ENV',
    },
    { code: 'FROM centos:8\nRUN yum module install -y nodejs\n', errors: [{ line: 2, message }], name: 'module without a stream' },
    {
      code: 'FROM centos:7\nCOPY app.rpm /tmp/\nRUN yum localinstall -y /tmp/app.rpm && yum install -y /tmp/app.rpm\n',
      errors: [{ line: 3, message }],
      name: 'an .rpm without a dash is unversioned (hadolint)',
    },
    { code: 'FROM centos:7\nRUN yum install -y tool-latest\n', errors: [{ line: 2, message }], name: 'no digit in the version part' },
  ],
});
