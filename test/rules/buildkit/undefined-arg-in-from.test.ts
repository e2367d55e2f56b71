import rule from '../../../src/rules/buildkit/undefined-arg-in-from.js';
import { ruleTester } from '../../support/rule-tester.js';

ruleTester(rule, {
  valid: [
    'ARG ALPINE_VERSION=3.20\n\nFROM alpine:${ALPINE_VERSION}\n',
    { code: 'ARG DEBUG\nFROM scratch${DEBUG}\n', name: 'declared without a value' },
    { code: 'FROM --platform=$BUILDPLATFORM golang:1.22 AS build\n', name: 'predefined platform ARG' },
    { code: 'FROM --platform=$TARGETOS/$TARGETARCH alpine\n', name: 'predefined TARGETOS/TARGETARCH' },
    { code: '\n# check=skip=UndefinedArgInFrom\nFROM alpine:${TAG:-3.20}\n', name: "the FROM's check comment" },
  ],
  invalid: [
    {
      code: 'FROM node:22${VARIANT} AS jsbuilder\n',
      errors: [{ line: 1, message: "FROM argument 'VARIANT' is not declared" }],
    },
    {
      code: 'FROM alpine:${TAG:-3.20}\n',
      errors: [{ line: 1, message: "FROM argument 'TAG' is not declared" }],
      name: 'a default does not make it declared',
    },
    {
      code: 'ARG MY_OS=linux\nARG MY_ARCH=amd64\nFROM --platform=linux/${MYARCH} busybox\n',
      errors: [{ line: 3, message: "FROM argument 'MYARCH' is not declared (did you mean MY_ARCH?)" }],
    },
    {
      code: 'FROM --platform=$BULIDPLATFORM scratch\n',
      errors: [{ line: 1, message: "FROM argument 'BULIDPLATFORM' is not declared (did you mean BUILDPLATFORM?)" }],
    },
    {
      code: 'FROM alpine AS build\nARG VERSION=1\nFROM build:${VERSION}\n',
      errors: [{ line: 3, message: "FROM argument 'VERSION' is not declared" }],
      name: 'stage ARGs never apply to FROM',
    },
  ],
});
