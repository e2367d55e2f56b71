import rule from '../../../src/rules/buildkit/from-platform-flag-const-disallowed.js';
import { ruleTester } from '../../support/rule-tester.js';

ruleTester(rule, {
  valid: [
    'FROM --platform=$BUILDPLATFORM alpine AS builder\n',
    { code: 'FROM --platform=linux/amd64 alpine AS build_amd64\n', name: 'the stage name holds the architecture' },
    { code: 'FROM --platform=linux/amd64 scratch AS linux\n', name: 'the stage name holds the OS' },
    { code: 'FROM --platform=x86_64 alpine AS build-amd64\n', name: 'x86_64 normalises to amd64' },
    { code: 'FROM --platform=not/a/valid/platform alpine\n', name: 'does not parse' },
  ],
  invalid: [
    {
      code: 'FROM --platform=linux/arm64 alpine AS builder\nRUN make\n',
      errors: [{ line: 1, column: 6, message: 'FROM --platform flag should not use constant value "linux/arm64"' }],
    },
    {
      code: 'FROM --platform=linux/amd64 scratch\n',
      errors: [{ line: 1, message: 'FROM --platform flag should not use constant value "linux/amd64"' }],
      name: 'an unnamed stage always fires',
    },
  ],
});
