import rule from '../../src/rules/hadolint/dl3060.js';
import { ruleTester } from '../support/rule-tester.js';

const message = '`yarn cache clean` missing after `yarn install` was run.';

ruleTester(rule, {
  valid: [
    'FROM node:20\nCOPY package.json yarn.lock ./\nRUN yarn install --frozen-lockfile \\\n && yarn cache clean\n',
    {
      name: 'cache mount',
      code: 'FROM node:20\nRUN --mount=type=cache,target=/usr/local/share/.cache/yarn \\\n    yarn install --frozen-lockfile\n',
    },
    {
      name: 'a builder stage only copied from',
      code: [
        'FROM node:20 AS build',
        'RUN yarn install --frozen-lockfile && yarn build',
        '',
        'FROM nginx:1.27',
        'COPY --from=build /app/dist /usr/share/nginx/html',
        '',
      ].join('\n'),
    },
  ],
  invalid: [
    {
      name: 'install without clean in the final stage',
      code: 'FROM node:20\nRUN yarn install --frozen-lockfile \\\n && yarn build\n',
      errors: [{ line: 2, message }],
    },
    {
      name: 'precise position is the install; clean before install does not count',
      precisePositions: true,
      code: 'FROM node:20\nRUN yarn cache clean && \\\n    yarn install --production\n',
      errors: [{ line: 3, column: 5, endColumn: 30, message }],
    },
    {
      name: 'a stage that a later stage builds on',
      code: 'FROM node:20 AS deps\nRUN yarn install\n\nFROM deps\nCMD ["node", "index.js"]\n',
      errors: [{ line: 2, message }],
    },
    { name: 'ONBUILD RUN', code: 'FROM node:20 AS base\nONBUILD RUN yarn install\nFROM scratch\n', errors: [{ line: 2, message }] },
  ],
});
