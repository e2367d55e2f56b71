import rule from '../../src/rules/hadolint/dl3043.js';
import { ruleTester } from '../support/rule-tester.js';

const message = '`ONBUILD`, `FROM` or `MAINTAINER` triggered from within `ONBUILD` instruction.';

ruleTester(rule, {
  valid: [
    'FROM node:20\nONBUILD COPY . /app\nONBUILD RUN npm ci\n',
    'FROM node:20\nONBUILD USER node\nONBUILD HEALTHCHECK NONE\nONBUILD ARG X\n',
    { code: 'FROM debian:12\nMAINTAINER "Some Guy"\n', name: 'plain MAINTAINER is another rule' },
  ],
  invalid: [
    { code: 'FROM node:20\nONBUILD ONBUILD RUN anything\n', errors: [{ line: 2, column: 9, endColumn: 16, message }] },
    { code: 'ONBUILD FROM debian:buster\n', errors: [{ line: 1, message }] },
    { code: 'FROM node:20\nonbuild maintainer "BoJack Horseman"\n', errors: [{ line: 2, message }], name: 'lower-case keywords' },
  ],
});
