import rule from '../../src/rules/hadolint/dl3034.js';
import { fixTester } from '../support/fix-tester.js';

fixTester(rule, [
  {
    name: 'every prompting zypper command of the RUN gets -n',
    code: 'FROM opensuse/leap:15.6\nRUN zypper install nginx=1.21 \\\n    && zypper rm vim\nCMD ["nginx"]\n',
    output: 'FROM opensuse/leap:15.6\nRUN zypper -n install nginx=1.21 \\\n    && zypper -n rm vim\nCMD ["nginx"]\n',
  },
]);
