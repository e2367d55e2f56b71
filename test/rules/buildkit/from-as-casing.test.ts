import rule from '../../../src/rules/buildkit/from-as-casing.js';
import { ruleTester } from '../../support/rule-tester.js';

ruleTester(rule, {
  valid: [
    'FROM debian:12 AS build\nRUN make\n',
    'from debian:12 as build\nrun make\n',
    { code: 'From debian:12 as build\n', name: 'a mixed-case FROM is left to ConsistentInstructionCasing' },
    'FROM debian:12\n',
  ],
  invalid: [
    {
      code: 'FROM debian:12 as build\nRUN make\n',
      errors: [{ line: 1, column: 16, message: "'as' and 'FROM' keywords' casing do not match" }],
    },
    { code: 'from debian:12 AS build\n', errors: [{ line: 1, message: "'AS' and 'from' keywords' casing do not match" }] },
    { code: 'FROM alpine As build\n', errors: [{ line: 1, message: "'As' and 'FROM' keywords' casing do not match" }] },
    {
      code: 'FROM alpine AS a\n\n  # check=skip=all\nFROM alpine as b\n',
      errors: [{ line: 4, message: "'as' and 'FROM' keywords' casing do not match" }],
      name: 'an indented check comment is not recognised',
    },
  ],
});
