import rule from '../../src/rules/hadolint/dl3002.js';
import { ruleTester } from '../support/rule-tester.js';

const message = 'Last USER should not be root';

ruleTester(rule, {
  valid: [
    'FROM debian:12\nUSER app\n',
    'FROM debian:12\nUSER root\nRUN apt-get update\nUSER 1000:1000\n',
    { code: 'USER root\nFROM debian:12\nRUN true\n', name: 'USER before the first FROM' },
    { code: 'FROM debian:12\nRUN true\n', name: 'no USER at all' },
    { code: 'FROM debian:12\nUSER rooter\n', name: 'a user merely starting with root' },
    { code: 'FROM debian:12\nUSER app\nONBUILD USER root\n', name: 'ONBUILD USER is ignored' },
    {
      code: 'FROM debian:12 AS base\nUSER root\nRUN make\nUSER app\nFROM scratch\nRUN true\n',
      name: 'cleared in the first stage',
    },
  ],
  invalid: [
    { code: 'FROM scratch\nUSER root\n', errors: [{ line: 2, column: 1, message }] },
    { code: 'FROM scratch\nUSER 0\n', errors: [{ line: 2, message }] },
    { code: 'FROM scratch\nUSER root:root\n', errors: [{ line: 2, message }] },
    { code: 'FROM scratch\nUSER 0:0\n', errors: [{ line: 2, message }] },
    {
      code: 'FROM debian:12\nUSER app\nRUN make\nUSER root\nUSER root\n',
      errors: [{ line: 5, message }],
      name: 'reported at the last root USER',
    },
    {
      code: 'FROM debian:12 AS base\nUSER root\nRUN make\nFROM scratch\nUSER app\nRUN true\n',
      errors: [{ line: 2, message }],
      name: 'every stage is judged, not only the last',
    },
    {
      code: 'FROM debian:12 AS a\nUSER root\nFROM debian:12 AS b\nUSER 0\n',
      errors: [
        { line: 2, message },
        { line: 4, message },
      ],
    },
  ],
});
