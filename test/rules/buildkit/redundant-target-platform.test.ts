import rule from '../../../src/rules/buildkit/redundant-target-platform.js';
import { ruleTester } from '../../support/rule-tester.js';

const redundant = (value: string): string =>
  `Setting platform to predefined ${value} in FROM is redundant as this is the default behavior`;

ruleTester(rule, {
  valid: [
    'FROM alpine AS builder\n',
    'FROM --platform=$BUILDPLATFORM golang:1.22 AS build\n',
    { code: 'FROM --platform=$TARGETOS/$TARGETARCH alpine\n', name: 'only TARGETPLATFORM alone counts' },
    { code: 'FROM --platform=linux/arm64 alpine\n', name: 'constant' },
    { code: '\n# check=skip=RedundantTargetPlatform\nFROM --platform=$TARGETPLATFORM scratch\n', name: 'check comment' },
  ],
  invalid: [
    { code: 'FROM --platform=$TARGETPLATFORM alpine AS builder\n', errors: [{ line: 1, column: 6, message: redundant('$TARGETPLATFORM') }] },
    { code: 'FROM --platform=${TARGETPLATFORM} alpine\n', errors: [{ line: 1, message: redundant('${TARGETPLATFORM}') }] },
    {
      code: 'FROM --platform=${TARGETPLATFORM:-linux/amd64} alpine\n',
      errors: [{ line: 1, message: redundant('${TARGETPLATFORM:-linux/amd64}') }],
      name: 'expanded like BuildKit (hadolint only matches the two literal forms)',
    },
  ],
});
