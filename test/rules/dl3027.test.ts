import rule from '../../src/rules/hadolint/dl3027.js';
import { ruleTester } from '../support/rule-tester.js';

const message = 'Do not use apt as it is meant to be an end-user tool, use apt-get or apt-cache instead';

ruleTester(rule, {
  valid: [
    'FROM ubuntu:22.04\nRUN apt-get update \\\n && apt-cache policy curl \\\n && apt-get install -y apt-utils\n',
    { name: 'the word apt as an argument', code: 'FROM ubuntu:22.04\nRUN echo apt && ls /etc/apt\n' },
  ],
  invalid: [
    {
      name: 'apt in a multi-line RUN',
      code: 'FROM ubuntu:22.04\nRUN apt-get update \\\n && apt install -y curl \\\n && rm -rf /var/lib/apt/lists/*\n',
      errors: [{ line: 2, message }],
    },
    {
      name: 'precise position is the apt command; one finding per RUN',
      precisePositions: true,
      code: 'FROM ubuntu:22.04\nRUN apt-get update && \\\n    apt upgrade -y && apt install -y curl\n',
      errors: [{ line: 3, column: 5, endColumn: 19, message }],
    },
    { name: 'ONBUILD RUN', code: 'FROM ubuntu:22.04\nONBUILD RUN apt install python3\n', errors: [{ line: 2, message }] },
  ],
});
