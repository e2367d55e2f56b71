import rule from '../../src/rules/hadolint/dl3000.js';
import { ruleTester } from '../support/rule-tester.js';

const message = 'Use absolute WORKDIR';

ruleTester(rule, {
  valid: [
    'FROM alpine\nWORKDIR /usr/local\n',
    'FROM alpine\nWORKDIR ${work}\n',
    'FROM alpine\nWORKDIR "/usr/local"\n',
    "FROM mcr.microsoft.com/windows/servercore\nWORKDIR 'C:\\'\n",
    'FROM mcr.microsoft.com/windows/servercore\nWORKDIR C:/\n',
  ],
  invalid: [
    { code: 'FROM alpine\nWORKDIR relative/dir\n', errors: [{ line: 2, column: 1, message }] },
    { code: "FROM alpine\nWORKDIR 'relative/dir'\n", errors: [{ line: 2, message }] },
    {
      code: 'FROM alpine\nWORKDIR /app\nWORKDIR sub\n',
      errors: [{ line: 3, message }],
      name: 'every relative WORKDIR, unlike WorkdirRelativePath',
    },
  ],
});
