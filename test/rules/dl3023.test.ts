import rule from '../../src/rules/hadolint/dl3023.js';
import { ruleTester } from '../support/rule-tester.js';

const message = '`COPY --from` cannot reference its own `FROM` alias';

ruleTester(rule, {
  valid: [
    'FROM golang:1.22 AS build\nRUN go build\nFROM alpine:3.20 AS run\nCOPY --from=build /out /app\n',
    { code: 'COPY --from=foo bar .\n', name: 'before any FROM' },
    { code: 'FROM node:20 AS foo\nONBUILD COPY --from=foo a b\n', name: 'ONBUILD is ignored' },
    { code: 'FROM node:20 AS Foo\nCOPY --from=foo a b\n', name: 'case differs' },
  ],
  invalid: [
    { code: 'FROM node:20 AS foo\nCOPY --from=foo bar .\n', errors: [{ line: 2, column: 6, endColumn: 16, message }] },
    {
      code: 'FROM debian:12 AS build\nRUN make\nCOPY --from=build /out /app\nFROM build AS test\nCOPY --from=build /x /y\n',
      errors: [{ line: 3, message }],
      name: 'a later stage may copy from it',
    },
  ],
});
