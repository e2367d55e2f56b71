import { describe, expect, it } from 'vitest';
import rule from '../../src/rules/hadolint/dl3032.js';
import { lintForTest } from '../support/rule-tester.js';
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
  const fixable = async (code: string): Promise<boolean[]> => (await lintForTest(code, { only: ['DL3032'] })).map((finding) => finding.fixable);
  it('offers no fix where appending is not clearly right', async () => {
    expect(await fixable('FROM centos:7\nRUN yum install -y httpd-2.4.6 # web\n')).toEqual([false]);
    expect(await fixable('FROM centos:7\nRUN yum install -y httpd-2.4.6 &\n')).toEqual([false]);
    expect(await fixable('FROM centos:7\nRUN ["yum", "install", "-y", "httpd-2.4.6"]\n')).toEqual([false]);
    expect(await fixable('FROM centos:7\nRUN <<EOF\nyum install -y httpd-2.4.6\nEOF\n')).toEqual([false]);
    // Cleaned before installing: only the first clean counts, so appending one would not help.
    expect(await fixable('FROM centos:7\nRUN yum clean all && yum install -y httpd-2.4.6 && yum clean all\n')).toEqual([false]);
  });
});
