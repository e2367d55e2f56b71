import { describe, expect, it } from 'vitest';
import rule from '../../src/rules/hadolint/dl3032.js';
import { fixOffers } from './support.js';
import { fixTester } from '../support/fix-tester.js';

fixTester(rule, [
  {
    name: 'appended at the end of a continued RUN',
    code: 'FROM centos:7\nRUN yum install -y httpd-2.4.6 \\\n    && echo done\nCMD ["httpd"]\n',
    output: 'FROM centos:7\nRUN yum install -y httpd-2.4.6 \\\n    && echo done && yum clean all\nCMD ["httpd"]\n',
  },
  {
    name: 'a trailing ; stays last',
    code: 'FROM centos:7\nRUN yum install -y httpd-2.4.6;\nCMD ["httpd"]\n',
    output: 'FROM centos:7\nRUN yum install -y httpd-2.4.6 && yum clean all;\nCMD ["httpd"]\n',
  },
  {
    name: 'ONBUILD RUN',
    code: 'FROM centos:7\nONBUILD RUN yum install -y httpd-2.4.6\nCMD ["httpd"]\n',
    output: 'FROM centos:7\nONBUILD RUN yum install -y httpd-2.4.6 && yum clean all\nCMD ["httpd"]\n',
  },
]);

describe('DL3032 fix limits', () => {
  it('offers no fix where appending is not clearly right', async () => {
    expect(await fixOffers('FROM centos:7\nRUN yum install -y httpd-2.4.6 # web\n', ['DL3032'])).toEqual(['DL3032:none']);
    expect(await fixOffers('FROM centos:7\nRUN yum install -y httpd-2.4.6 &\n', ['DL3032'])).toEqual(['DL3032:none']);
    expect(await fixOffers('FROM centos:7\nRUN ["yum", "install", "-y", "httpd-2.4.6"]\n', ['DL3032'])).toEqual(['DL3032:none']);
    expect(await fixOffers('FROM centos:7\nRUN <<EOF\nyum install -y httpd-2.4.6\nEOF\n', ['DL3032'])).toEqual(['DL3032:none']);
    // Cleaned before installing: only the first clean counts, so appending one would not help.
    expect(await fixOffers('FROM centos:7\nRUN yum clean all && yum install -y httpd-2.4.6 && yum clean all\n', ['DL3032'])).toEqual(['DL3032:none']);
  });
});
