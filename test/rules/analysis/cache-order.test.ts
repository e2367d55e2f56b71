import rule from '../../../src/rules/analysis/cache-order.js';
import { ruleTester } from '../../support/rule-tester.js';
import { fixtureContext } from './context-fixture.js';

const app = fixtureContext('cache-order/app').context;
const npmFix = 'every source change re-runs the install. Copy package.json and package-lock.json first, install, then copy the rest';

ruleTester(rule, {
  valid: [
    'FROM node:20\nWORKDIR /app\nCOPY package.json package-lock.json ./\nRUN npm ci\nCOPY . .\nRUN npm run build\n',
    { code: 'FROM node:20\nWORKDIR /app\nCOPY . .\nRUN npm install -g pnpm && npm run build\n', name: 'named or global installs read no manifest' },
    { code: 'FROM node:20\nWORKDIR /app\nCOPY pnpm-lock.yaml ./\nRUN pnpm fetch\nCOPY . .\nRUN pnpm install --offline\n', name: "pnpm's fetch recipe" },
    { code: 'FROM node:20 AS deps\nCOPY . /app\nFROM node:20\nRUN npm ci\n', name: 'install in another stage' },
    { code: 'FROM python:3.12\nCOPY backend/app.py /app/\nRUN pip install -r requirements.txt\n', buildContext: app, name: 'a single file is not a folder holding the manifest' },
  ],
  invalid: [
    {
      code: 'FROM node:20\nWORKDIR /app\nCOPY . .\nRUN npm ci\nCMD ["node", "index.js"]\n',
      errors: [{ line: 3, message: `COPY brings in the whole build context before "npm ci" installs dependencies (line 4): ${npmFix}` }],
    },
    {
      code: 'FROM golang:1.22\nWORKDIR /src\nADD . .\nRUN go mod download && go build -o /app .\n',
      errors: [{ line: 3, message: 'ADD brings in the whole build context before "go mod download" installs dependencies (line 4): every source change re-runs the install. Copy go.mod and go.sum first, install, then copy the rest' }],
    },
    {
      code: 'FROM python:3.12\nCOPY . /app\nRUN pip install --no-cache-dir -r /app/requirements.txt\n',
      errors: [{ line: 2, message: 'COPY brings in the whole build context before "pip install -r /app/requirements.txt" installs dependencies (line 3): every source change re-runs the install. Copy /app/requirements.txt first, install, then copy the rest' }],
    },
    {
      code: 'FROM node:20\nCOPY frontend /web\nRUN cd /web \\\n && npm install\n',
      buildContext: app,
      name: 'a folder holding the manifest (needs the context)',
      errors: [{ line: 2, message: `COPY brings in "frontend" (which holds package.json) before "npm install" installs dependencies (line 3): ${npmFix}` }],
    },
  ],
});
