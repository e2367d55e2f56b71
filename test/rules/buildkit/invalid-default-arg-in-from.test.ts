import rule from '../../../src/rules/buildkit/invalid-default-arg-in-from.js';
import { ruleTester } from '../../support/rule-tester.js';

const invalid = (raw: string): string => `Default value for ARG ${raw} results in empty or invalid base image name`;

ruleTester(rule, {
  valid: [
    'ARG TAG=latest\nFROM busybox:${TAG}\n',
    { code: 'ARG VARIANT\nFROM busybox:stable${VARIANT}\n', name: 'empty suffix is still valid' },
    { code: 'ARG TAG\nFROM alpine:${TAG:-3.14}\n', name: 'default in the expression' },
    { code: 'FROM alpine AS base\nFROM base\n', name: 'a stage name' },
    { code: 'ARG X=${Y:?}\nARG TAG\nFROM busybox:${TAG}\n', name: 'an expansion error skips the file' },
  ],
  invalid: [
    {
      code: 'ARG VERSION\nFROM busybox:$VERSION\n',
      buildArgs: { VERSION: 'latest' },
      errors: [{ line: 2, column: 6, message: invalid('busybox:$VERSION') }],
      name: 'build args are ignored',
    },
    { code: 'ARG IMAGE\nFROM $IMAGE\n', errors: [{ line: 2, message: invalid('$IMAGE') }] },
    { code: 'FROM Alpine\n', errors: [{ line: 1, message: invalid('Alpine') }], name: 'uppercase' },
    {
      code: 'ARG TAG\n# check=skip=InvalidDefaultArgInFrom\nFROM busybox:${TAG}\n',
      errors: [{ line: 3, message: invalid('busybox:${TAG}') }],
      name: 'a check comment cannot skip a whole-file check',
    },
  ],
});
