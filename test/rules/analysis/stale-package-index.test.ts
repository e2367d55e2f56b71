import rule from '../../../src/rules/analysis/stale-package-index.js';
import { ruleTester } from '../../support/rule-tester.js';

ruleTester(rule, {
  valid: [
    'FROM debian:12\nRUN apt-get update && apt-get install -y --no-install-recommends curl\n',
    { code: 'FROM alpine:3.20\nRUN apk update\nRUN apk add --no-cache curl\n', name: 'apk add --no-cache fetches a fresh index' },
    { code: 'FROM debian:12 AS base\nRUN apt-get update\nFROM debian:12\nRUN apt-get install -y curl\n', name: 'another stage' },
    { code: 'FROM debian:12\nRUN apt-get update\nRUN apt-get update && apt-get install -y curl\n', name: 'the install refreshes itself' },
  ],
  invalid: [
    {
      code: 'FROM debian:12\nRUN apt-get update\nENV DEBIAN_FRONTEND=noninteractive\nRUN apt-get install -y curl \\\n    ca-certificates\n',
      errors: [{ line: 2, message: '"apt-get update" runs in a RUN of its own and "apt-get install" in a later one (line 4): the cached package index goes stale. Update and install in the same RUN' }],
    },
    {
      code: 'FROM alpine:3.20\nRUN apk update\nRUN apk add curl\n',
      errors: [{ line: 2, message: '"apk update" runs in a RUN of its own and "apk add" in a later one (line 3): the cached package index goes stale. Update and install in the same RUN' }],
    },
    {
      code: 'FROM fedora:40\nRUN dnf makecache && echo done\nRUN dnf install -y git\n',
      errors: [{ line: 2, message: '"dnf makecache" runs in a RUN of its own and "dnf install" in a later one (line 3): the cached package index goes stale. Update and install in the same RUN' }],
    },
    {
      code: 'FROM alpine:3.20\nRUN apk update\nRUN apk update && apt-get update\nRUN apk add --no-cache x\nRUN apt-get install -y y && apk add z\n',
      name: 'each refresh looks at the first later install of its own family only, past ones that refresh themselves',
      errors: [
        { line: 2, message: '"apk update" runs in a RUN of its own and "apk add" in a later one (line 5): the cached package index goes stale. Update and install in the same RUN' },
        { line: 3, message: '"apk update" runs in a RUN of its own and "apk add" in a later one (line 5): the cached package index goes stale. Update and install in the same RUN' },
        { line: 3, message: '"apt-get update" runs in a RUN of its own and "apt-get install" in a later one (line 5): the cached package index goes stale. Update and install in the same RUN' },
      ],
    },
    {
      code: `FROM debian:12\n${'RUN apt-get update\n'.repeat(3_000)}RUN apt-get install -y curl\n`,
      name: '3,000 refreshes before one install (a fuzzer-made file had 5,000 and took 3 s)',
      errors: Array.from({ length: 3_000 }, (_, index) => ({
        line: index + 2,
        message: '"apt-get update" runs in a RUN of its own and "apt-get install" in a later one (line 3002): the cached package index goes stale. Update and install in the same RUN',
      })),
    },
  ],
});
