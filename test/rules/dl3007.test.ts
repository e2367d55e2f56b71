import rule from '../../src/rules/hadolint/dl3007.js';
import { ruleTester } from '../support/rule-tester.js';

const message = 'Using latest is prone to errors if the image will ever update. Pin the version explicitly to a release tag';

ruleTester(rule, {
  valid: [
    'FROM debian:12\n',
    'FROM debian:latest@sha256:0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef\n',
    'FROM scratch\n',
    { code: 'ARG BASE=alpine:3.20\nFROM ${BASE}\n', name: 'ARG default with a pinned tag' },
    { code: 'ARG BASE=alpine:latest\nFROM ${BASE}\n', buildArgs: { BASE: 'alpine:3.20' }, name: 'build arg overrides the default' },
  ],
  invalid: [
    { code: 'FROM debian:latest\n', errors: [{ line: 1, column: 6, endColumn: 19, message }] },
    {
      code: 'FROM node:20 AS build\nRUN npm ci\n\nFROM nginx:latest AS web\nCOPY --from=build /app /usr/share/nginx/html\n',
      errors: [{ line: 4, message }],
    },
    { code: 'ARG BASE=alpine:latest\nFROM ${BASE}\n', errors: [{ line: 2, message }], name: 'resolves the ARG default' },
  ],
});
