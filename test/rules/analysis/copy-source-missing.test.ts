import rule from '../../../src/rules/analysis/copy-source-missing.js';
import { ruleTester } from '../../support/rule-tester.js';
import { fixtureContext } from './context-fixture.js';

// The fixture's .dockerignore is an allow-list (`*` then `!src`, `!package.json`, `!config`).
const app = fixtureContext('copy-source-missing/app', {
  'linked': { symlinkTo: 'src' },
  'loop': { symlinkTo: 'loop' },
}).context;

ruleTester(rule, {
  valid: [
    {
      code: 'FROM node:20\nWORKDIR /app\nCOPY package.json ./\nCOPY src/ ./src/\nCOPY src/*.js ./\nCOPY ./config /etc/app\nCOPY . .\n',
      buildContext: app,
      name: 'files, folders, wildcards and the whole context',
    },
    { code: 'FROM node:20\nCOPY linked/index.js /app/\n', buildContext: app, name: 'a symlinked folder inside the context is followed' },
    { code: 'FROM node:20\nCOPY loop/x /app/\n', buildContext: app, name: 'a symlink loop is survived, not reported' },
    { code: 'FROM node:20\nCOPY linked/*.js /app/\n', buildContext: app, name: 'a wildcard inside a symlinked folder matches in the folder it leads to' },
    { code: 'FROM node:20\nCOPY loop/*.js /app/\n', buildContext: app, name: 'a wildcard behind a symlink loop is survived, not reported' },
    { code: 'FROM node:20\nCOPY ./linked/*.js /app/\n', buildContext: app, name: 'the same through a ./ prefix' },
    {
      code: 'FROM node:20 AS build\nRUN mkdir /out\nFROM node:20\nCOPY --from=build /out /app\nADD https://example.com/a.tgz /tmp/\nADD git@github.com:moby/moby.git /src\nCOPY ${NOT_SET}/x /y\nCOPY <<EOF /etc/motd\nhello\nEOF\n',
      buildContext: app,
      name: 'skips --from, URLs, git, unresolved variables and heredocs',
    },
  ],
  invalid: [
    {
      code: 'FROM node:20\nCOPY missing.txt /app/\nCOPY src/*.ts /app/\n',
      buildContext: app,
      errors: [
        { line: 2, column: 6, message: 'COPY source "missing.txt" matches nothing in the build context: the build will fail with "not found"' },
        { line: 3, message: 'COPY source "src/*.ts" matches nothing in the build context: the build will fail with "not found"' },
      ],
    },
    {
      code: 'FROM node:20\nCOPY linked/*.ts /app/\n',
      buildContext: app,
      name: 'a wildcard inside a symlinked folder that matches nothing there',
      errors: [{ line: 2, message: 'COPY source "linked/*.ts" matches nothing in the build context: the build will fail with "not found"' }],
    },
    {
      // BuildKit matches what follows the first wildcard against a walk that follows no link.
      code: 'FROM node:20\nCOPY linke[d]/index.js /app/\n',
      buildContext: app,
      name: 'a link met after a wildcard is not looked into',
      errors: [{ line: 2, message: 'COPY source "linke[d]/index.js" matches nothing in the build context: the build will fail with "not found"' }],
    },
    {
      code: 'FROM node:20\nARG CONFIG=config/missing.yaml\nADD $CONFIG /etc/app.yaml\n',
      buildContext: app,
      errors: [{ line: 3, message: 'ADD source "config/missing.yaml" matches nothing in the build context: the build will fail with "not found"' }],
    },
    {
      code: 'FROM node:20\nCOPY docs/guide.md /usr/share/doc/\n',
      buildContext: app,
      name: 'excluded with ! exceptions in the file, which CopyIgnoredFile cannot see',
      errors: [{ line: 2, message: 'COPY source "docs/guide.md" is excluded by .dockerignore: the build will fail with "not found"' }],
    },
  ],
});
