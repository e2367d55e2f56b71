import rule from '../../src/rules/hadolint/dl3009.js';
import { ruleTester } from '../support/rule-tester.js';

const message = 'Delete the apt lists (/var/lib/apt/lists) after installing something';

ruleTester(rule, {
  valid: [
    {
      name: 'lists removed in the same RUN',
      code: [
        'FROM debian:12',
        'RUN apt-get update \\',
        '    && apt-get install -y --no-install-recommends curl=7.88.1-10+deb12u5 \\',
        '    && rm -rf /var/lib/apt/lists/*',
        '',
      ].join('\n'),
    },
    {
      name: 'lists kept in a cache mount',
      code: [
        'FROM debian:12',
        'RUN --mount=type=cache,target=/var/lib/apt/lists,sharing=locked \\',
        '    apt-get update && apt-get install -y --no-install-recommends curl',
        '',
      ].join('\n'),
    },
    {
      name: 'both apt folders in cache/tmpfs mounts',
      code: [
        'FROM debian:12',
        'RUN --mount=type=cache,target=/var/cache/apt \\',
        '    --mount=type=tmpfs,target=/var/lib/apt \\',
        '    apt-get update && apt-get install -y curl',
        '',
      ].join('\n'),
    },
    {
      name: 'a builder stage that is only copied from is not reported',
      code: [
        'FROM debian:12 AS build',
        'RUN apt-get update && apt-get install -y build-essential',
        'RUN make',
        '',
        'FROM debian:12-slim',
        'COPY --from=build /src/app /usr/local/bin/app',
        '',
      ].join('\n'),
    },
    { name: 'no update, nothing to delete', code: 'FROM debian:12\nRUN apt-get install -y curl\n' },
  ],
  invalid: [
    {
      name: 'update without clean-up in the final stage',
      code: [
        'FROM debian:12',
        'RUN apt-get update \\',
        '    && apt-get install -y --no-install-recommends curl',
        '',
      ].join('\n'),
      errors: [{ line: 2, message }],
    },
    {
      name: 'precise position is the update command',
      precisePositions: true,
      code: [
        'FROM debian:12',
        'RUN set -eux; \\',
        '    apt-get -qq update; \\',
        '    apt-get install -y curl',
        '',
      ].join('\n'),
      errors: [{ line: 3, column: 5, endColumn: 23, message }],
    },
    {
      name: 'apt and aptitude count too',
      code: 'FROM ubuntu:22.04\nRUN apt update && apt install -y curl\nRUN aptitude update\n',
      errors: [
        { line: 2, message },
        { line: 3, message },
      ],
    },
    {
      name: 'a stage a later stage is built FROM is reported',
      code: [
        'FROM debian:12 AS base',
        'RUN apt-get update && apt-get install -y curl',
        '',
        'FROM base AS app',
        'COPY app /app',
        '',
        'FROM busybox:1.36',
        'COPY --from=app /app /app',
        '',
      ].join('\n'),
      errors: [{ line: 2, message }],
    },
    {
      name: 'a cache mount on /var/cache/apt alone is not enough',
      code: 'FROM debian:12\nRUN --mount=type=cache,target=/var/cache/apt apt-get update && apt-get install -y curl\n',
      errors: [{ line: 2, message }],
    },
    {
      name: 'ONBUILD triggers always count',
      code: 'FROM debian:12 AS base\nONBUILD RUN apt-get update && apt-get install -y curl\nFROM scratch\nCOPY --from=base / /\n',
      errors: [{ line: 2, message }],
    },
  ],
});
