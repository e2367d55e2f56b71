import rule from '../../src/rules/hadolint/dl3014.js';
import { ruleTester } from '../support/rule-tester.js';

const message = 'Use the `-y` switch to avoid manual input `apt-get -y install <package>`';

ruleTester(rule, {
  valid: [
    {
      name: '-y after install, across lines',
      code: 'FROM debian:12\nRUN apt-get update \\\n && apt-get install \\\n      -y --no-install-recommends curl\n',
    },
    'FROM debian:12\nRUN apt-get --yes install curl && apt-get --assume-yes install git\n',
    'FROM debian:12\nRUN apt-get -yqq install curl\n',
    { name: 'quiet level 2 implies -y', code: 'FROM debian:12\nRUN apt-get -qq install curl && apt-get -q -q install git && apt-get -q=2 install jq\n' },
    { name: 'update needs no -y', code: 'FROM debian:12\nRUN apt-get update\n' },
  ],
  invalid: [
    {
      name: 'install without -y in a multi-line RUN',
      code: 'FROM debian:12\nRUN apt-get update \\\n && apt-get install --no-install-recommends \\\n      curl\n',
      errors: [{ line: 2, message }],
    },
    {
      name: 'precise position covers the command',
      precisePositions: true,
      code: 'FROM debian:12\nRUN apt-get update && \\\n    apt-get install curl\n',
      errors: [{ line: 3, column: 5, endColumn: 25, message }],
    },
    {
      name: '-q alone and -qqq are not enough',
      code: 'FROM debian:12\nRUN apt-get -q install curl\nRUN apt-get -qqq install curl\n',
      errors: [
        { line: 2, message },
        { line: 3, message },
      ],
    },
    { name: 'ONBUILD RUN', code: 'FROM debian:12\nONBUILD RUN apt-get install curl\n', errors: [{ line: 2, message }] },
  ],
});
