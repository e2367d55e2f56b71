import { describe, expect, it } from 'vitest';
import rule from '../../../src/rules/analysis/context-secret.js';
import { lintForTest, ruleTester } from '../../support/rule-tester.js';
import { fixtureContext } from './context-fixture.js';

// Sent: .env, .npmrc (with a token), certs/server.key. Not secrets here: .env.example, other/.npmrc
// (no token), ignored.pem (excluded), testdata/fake.pem (test data).
const app = fixtureContext('context-secret/app').context;
const three = '".env" (a dotenv file), ".npmrc" (a .npmrc with an auth token), "certs/server.key" (a private key or certificate)';

ruleTester(rule, {
  valid: [
    { code: 'FROM node:20\nCOPY src/ /app/\n', buildContext: fixtureContext('context-secret/app', { '.dockerignore': '.env\n.npmrc\n**/*.key\n*.pem\n' }).context, name: 'all excluded' },
  ],
  invalid: [
    {
      code: 'FROM node:20\nCOPY src/ /app/\n',
      buildContext: app,
      errors: [{ line: 1, message: `${three} are sent with the build context: exclude them in .dockerignore` }],
    },
    {
      code: 'FROM node:20\nWORKDIR /app\nCOPY . .\n',
      buildContext: app,
      errors: [{ line: 3, message: `COPY copies ${three} into the image: exclude them in .dockerignore and use a secret mount` }],
    },
    {
      code: 'FROM node:20\nCOPY certs /etc/certs\n',
      buildContext: app,
      errors: [
        { line: 1, message: '".env" (a dotenv file), ".npmrc" (a .npmrc with an auth token) are sent with the build context: exclude them in .dockerignore' },
        { line: 2, message: 'COPY copies "certs/server.key" (a private key or certificate) into the image: exclude it in .dockerignore and use a secret mount' },
      ],
    },
  ],
});

describe('context-secret levels', () => {
  it('is an error when a COPY pulls the file in, a warning otherwise, and never prints content', async () => {
    const findings = await lintForTest('FROM node:20\nCOPY certs /etc/certs\n', { only: ['context-secret'], buildContext: app });
    expect(findings.map((finding) => finding.level)).toEqual(['warning', 'error']);
    expect(findings.some((finding) => finding.message.includes('dummy'))).toBe(false);
  });
});
