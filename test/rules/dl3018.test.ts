import rule from '../../src/rules/hadolint/dl3018.js';
import { ruleTester } from '../support/rule-tester.js';

const message = 'Pin versions in apk add. Instead of `apk add <package>` use `apk add <package>=<version>`';

ruleTester(rule, {
  valid: [
    {
      name: 'pinned and constrained packages over several lines',
      code: [
        'FROM alpine:3.20',
        'RUN apk add --no-cache \\',
        '      curl=8.9.1-r0 \\',
        '      "git~2.45" \\',
        '      "bash>=5.2" \\',
        '      "jq<1.8"',
        '',
      ].join('\n'),
    },
    { name: 'versions held in variables', code: 'FROM alpine:3.20\nARG CURL_VERSION=8.9.1-r0\nRUN apk add --no-cache curl=${CURL_VERSION}\n' },
    {
      name: 'virtual package names and repositories are not packages',
      code: [
        'FROM alpine:3.20',
        'RUN apk add --no-cache --virtual .build-deps gcc=13.2.1_git20240309-r0 \\',
        ' && apk add --no-cache -X https://dl-cdn.alpinelinux.org/alpine/edge/testing flow=0.78.0-r0 \\',
        ' && apk del .build-deps',
        '',
      ].join('\n'),
    },
    { name: 'a local .apk file', code: 'FROM alpine:3.20\nCOPY pkg-1.0.apk /tmp/\nRUN apk add --allow-untrusted /tmp/pkg-1.0.apk\n' },
  ],
  invalid: [
    {
      name: 'one unpinned package',
      code: 'FROM alpine:3.20\nRUN apk add --no-cache \\\n      curl=8.9.1-r0 \\\n      tini\n',
      errors: [{ line: 2, message }],
    },
    {
      name: 'precise position is the package',
      precisePositions: true,
      code: 'FROM alpine:3.20\nRUN apk update \\\n && apk add --no-cache ca-certificates\n',
      errors: [{ line: 3, column: 24, endColumn: 39, message }],
    },
    {
      name: 'a variable package list and !pyc count as unpinned (as in hadolint)',
      code: 'FROM alpine:3.20\nRUN apk add --no-cache $BUILD_DEPS\nRUN apk add --no-cache python3=3.12.3-r1 !pyc\n',
      errors: [
        { line: 2, message },
        { line: 3, message },
      ],
    },
    { name: 'ONBUILD RUN', code: 'FROM alpine:3.20\nONBUILD RUN apk add flex\n', errors: [{ line: 2, message }] },
  ],
});
