import rule from '../../src/rules/hadolint/dl3019.js';
import { ruleTester } from '../support/rule-tester.js';

const message =
  'Use the `--no-cache` switch to avoid the need to use `--update` and remove `/var/cache/apk/*` when done installing packages';

ruleTester(rule, {
  valid: [
    'FROM alpine:3.20\nRUN apk add --no-cache \\\n      curl=8.9.1-r0 \\\n      git=2.45.2-r0\n',
    { name: 'cache mount on the apk cache', code: 'FROM alpine:3.20\nRUN --mount=type=cache,target=/var/cache/apk \\\n    apk add -U curl=8.9.1-r0\n' },
    { name: 'apk del and apk update alone', code: 'FROM alpine:3.20\nRUN apk update && apk del curl\n' },
  ],
  invalid: [
    {
      name: 'apk add --update with manual clean-up',
      code: 'FROM alpine:3.20\nRUN apk add --update \\\n      curl=8.9.1-r0 \\\n && rm -rf /var/cache/apk/*\n',
      errors: [{ line: 2, message }],
    },
    {
      name: 'precise position is the apk command',
      precisePositions: true,
      code: 'FROM alpine:3.20\nRUN set -eux; \\\n    apk add curl=8.9.1-r0\n',
      errors: [{ line: 3, column: 5, endColumn: 26, message }],
    },
    {
      name: 'a cache mount elsewhere does not help',
      code: 'FROM alpine:3.20\nRUN --mount=type=cache,target=/root/.cache apk add curl=8.9.1-r0\n',
      errors: [{ line: 2, message }],
    },
    { name: 'ONBUILD RUN', code: 'FROM alpine:3.20\nONBUILD RUN apk add flex=2.6.4-r1\n', errors: [{ line: 2, message }] },
  ],
});
