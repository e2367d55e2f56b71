import rule from '../../src/rules/hadolint/dl1001.js';
import { ruleTester } from '../support/rule-tester.js';

const message = 'Please refrain from using inline ignore pragmas  `# hadolint ignore=DLxxxx`.';

ruleTester(rule, {
  valid: [
    '# hadolint global ignore=DL3008\nFROM debian:12\n',
    '# hadolint shell=powershell\nFROM debian:12\n',
    'FROM debian:12\n# hadolint stage ignore=DL3008\nRUN apt-get install -y curl\n',
    'FROM debian:12\n# just a comment about hadolint\nRUN true\n',
    { code: 'FROM debian:12\n# dockside ignore=DL3008\nRUN apt-get install -y curl\n', name: 'dockside pragmas are not flagged' },
    { code: 'FROM debian:12\n# hadolint ignore=dl3008\nRUN true\n', name: 'not a valid pragma (lower case code)' },
    {
      code: 'FROM debian:12\nRUN apt-get update \\\n# hadolint ignore=DL3008\n && apt-get install -y curl\n',
      name: 'inside a continuation it does nothing',
    },
  ],
  invalid: [
    {
      code: 'FROM debian:12\n# hadolint ignore=DL3008\nRUN apt-get install -y curl\n',
      errors: [{ line: 2, column: 1, message }],
    },
    {
      code: '# hadolint ignore=DL3006\nFROM debian\n# hadolint ignore=DL3003, SC2164 # the build needs it\nRUN cd /x\n',
      errors: [
        { line: 1, message },
        { line: 3, message },
      ],
    },
  ],
});
