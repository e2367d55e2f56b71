import rule from '../../src/rules/hadolint/dl3021.js';
import { ruleTester } from '../support/rule-tester.js';

const message = 'COPY with more than 2 arguments requires the last argument to end with /';

ruleTester(rule, {
  valid: [
    'FROM node:20\nCOPY package.json /app\n',
    'FROM node:20\nCOPY package.json package-lock.json /app/\n',
    { code: 'FROM node:20\nCOPY --link --chown=node:node package.json /app\n', name: 'flags are not arguments' },
    { code: 'FROM node:20\nCOPY foo bar "baz/"\n', name: 'quoted destination with slash' },
    { code: 'FROM node:20\nADD a.tar b.tar /opt\n', name: 'ADD is not checked' },
    { code: 'FROM node:20\nCOPY ["a", "b", "/dest/"]\n', name: 'exec form with slash' },
  ],
  invalid: [
    { code: 'FROM node:20\nCOPY package.json package-lock.json /app\n', errors: [{ line: 2, column: 37, message }] },
    { code: 'FROM node:20\nCOPY foo bar "baz"\n', errors: [{ line: 2, message }] },
    { code: 'FROM node:20\nCOPY ["a", "b", "/dest"]\n', errors: [{ line: 2, message }], name: 'exec form' },
    {
      code: 'FROM node:20 AS build\nFROM node:20\nCOPY --from=build \\\n    /app/dist \\\n    /app/package.json \\\n    /srv\n',
      errors: [{ line: 3, message }],
      name: 'multi-line reported at the first line',
    },
  ],
});
