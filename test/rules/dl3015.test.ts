import rule from '../../src/rules/hadolint/dl3015.js';
import { ruleTester } from '../support/rule-tester.js';

const message = 'Avoid additional packages by specifying `--no-install-recommends`';

ruleTester(rule, {
  valid: [
    'FROM debian:12\nRUN apt-get update \\\n && apt-get install -y \\\n      --no-install-recommends \\\n      curl\n',
    { name: 'the APT option form', code: 'FROM debian:12\nRUN apt-get -o APT::Install-Recommends=false install -y curl\n' },
    { name: 'other apt-get commands', code: 'FROM debian:12\nRUN apt-get update && apt-get upgrade -y\n' },
  ],
  invalid: [
    {
      name: 'install without the flag in a multi-line RUN',
      code: 'FROM debian:12\nRUN apt-get update \\\n && apt-get install -y \\\n      curl \\\n && rm -rf /var/lib/apt/lists/*\n',
      errors: [{ line: 2, message }],
    },
    {
      name: 'precise position is the install command',
      precisePositions: true,
      code: 'FROM debian:12\nRUN apt-get update && \\\n    apt-get -y install curl\n',
      errors: [{ line: 3, column: 5, message }],
    },
    {
      name: 'only the second install lacks it; one finding per RUN',
      code: 'FROM debian:12\nRUN apt-get install -y --no-install-recommends curl && apt-get install -y git && apt-get install -y jq\n',
      errors: [{ line: 2, message }],
    },
    { name: 'ONBUILD RUN', code: 'FROM debian:12\nONBUILD RUN apt-get install -y curl\n', errors: [{ line: 2, message }] },
  ],
});
