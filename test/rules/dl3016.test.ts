import rule from '../../src/rules/hadolint/dl3016.js';
import { ruleTester } from '../support/rule-tester.js';

const message = 'Pin versions in npm. Instead of `npm install <package>` use `npm install <package>@<version>`';

ruleTester(rule, {
  valid: [
    {
      name: 'pinned globals over several lines',
      code: 'FROM node:20\nRUN npm install -g \\\n      typescript@5.4.5 \\\n      @angular/cli@17.3.0 \\\n      pnpm@${PNPM_VERSION}\n',
    },
    { name: 'install from package.json, ci, i', code: 'FROM node:20\nCOPY package*.json ./\nRUN npm install && npm ci && npm i express\n' },
    {
      name: 'git refs, tarballs and paths',
      code: 'FROM node:20\nRUN npm install git+https://github.com/npm/cli.git#v10.5.0 ./vendor/pkg pkg-1.0.0.tgz ~/lib\n',
    },
    { name: 'registry value is not a package', code: 'FROM node:20\nRUN npm install --registry https://registry.example.com sax@1.3.0\n' },
    { name: 'a script called install', code: 'FROM node:20\nRUN npm run --silent install\n' },
    { name: 'the package in this folder (dockside accepts a bare .)', code: 'FROM node:20\nCOPY . /app\nRUN cd /app && npm install -g .\n' },
  ],
  invalid: [
    {
      name: 'an unpinned global among pinned ones',
      code: 'FROM node:20\nRUN npm install -g \\\n      typescript@5.4.5 \\\n      @angular/cli\n',
      errors: [{ line: 2, message }],
    },
    {
      name: 'precise position is the package',
      precisePositions: true,
      code: 'FROM node:20\nRUN npm config set fund false \\\n && npm install --global yarn\n',
      errors: [{ line: 3, column: 26, endColumn: 30, message }],
    },
    {
      name: 'git URL without ref, registry given with =',
      code: 'FROM node:20\nRUN npm install git://github.com/npm/cli.git\nRUN npm install --registry=https://example.com express\n',
      errors: [
        { line: 2, message },
        { line: 3, message },
      ],
    },
    { name: 'ONBUILD RUN', code: 'FROM node:20\nONBUILD RUN npm install express\n', errors: [{ line: 2, message }] },
  ],
});
