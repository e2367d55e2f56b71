import rule from '../../src/rules/hadolint/dl3029.js';
import { ruleTester } from '../support/rule-tester.js';

const message = 'Do not use --platform flag with FROM';

ruleTester(rule, {
  valid: [
    'FROM debian:12\n',
    'FROM --platform=$BUILDPLATFORM golang:1.22 AS build\n',
    'FROM --platform="${BUILDPLATFORM:-}" golang:1.22\n',
    'FROM --platform=${TARGETPLATFORM} debian:12\n',
  ],
  invalid: [
    { code: 'FROM --platform=linux/amd64 debian:12\n', errors: [{ line: 1, column: 6, endColumn: 28, message }] },
    { code: 'FROM debian:12 AS a\nFROM --platform=linux debian:12 AS b\n', errors: [{ line: 2, message }] },
    { code: 'ARG ARCH=linux/arm64\nFROM --platform=$ARCH debian:12\n', errors: [{ line: 2, message }], name: 'other variables' },
  ],
});
