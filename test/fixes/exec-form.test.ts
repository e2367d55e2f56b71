import { describe, expect, it } from 'vitest';
import dl3025 from '../../src/rules/hadolint/dl3025.js';
import jsonArgsRecommended from '../../src/rules/buildkit/json-args-recommended.js';
import { fixOffers } from './support.js';
import { fixTester } from '../support/fix-tester.js';

fixTester(dl3025, [
  {
    name: 'CMD, ENTRYPOINT and HEALTHCHECK CMD with literal words',
    code: [
      'FROM node:20',
      'WORKDIR /app',
      'HEALTHCHECK --interval=30s CMD curl -f http://localhost:3000/health',
      'ENTRYPOINT exec node --max-old-space-size=512 "server.js"',
      'CMD npm start',
      '',
    ].join('\n'),
    output: [
      'FROM node:20',
      'WORKDIR /app',
      'HEALTHCHECK --interval=30s CMD ["curl", "-f", "http://localhost:3000/health"]',
      'ENTRYPOINT ["node", "--max-old-space-size=512", "server.js"]',
      'CMD ["npm", "start"]',
      '',
    ].join('\n'),
    unsafe: true,
  },
  {
    name: 'a command continued on the next line',
    code: 'FROM python:3.12\nCMD gunicorn --bind 0.0.0.0:8000 \\\n    app:app\n',
    output: 'FROM python:3.12\nCMD ["gunicorn", "--bind", "0.0.0.0:8000", "app:app"]\n',
    unsafe: true,
  },
]);

fixTester(jsonArgsRecommended, [
  {
    name: 'single quotes are literal',
    code: "FROM alpine:3.19\nCMD echo 'hello world'\n",
    output: 'FROM alpine:3.19\nCMD ["echo", "hello world"]\n',
    unsafe: true,
  },
]);

describe('exec-form fix limits', () => {
  const fixes = (code: string): Promise<string[]> => fixOffers(code, ['DL3025', 'JSONArgsRecommended']);
  it('is unsafe and only for plain words', async () => {
    expect(await fixes('FROM alpine:3.19\nCMD nginx -g daemon_off\n')).toEqual(['DL3025:unsafe', 'json-args-recommended:unsafe']);
    for (const command of ['node $APP', 'a && b', 'a | b', 'a > log', 'ls *.txt', 'cd /app', 'FOO=1 node app', 'echo "$x"', 'echo `id`', 'a # b']) {
      expect(await fixes(`FROM alpine:3.19\nCMD ${command}\n`), command).toEqual(['DL3025:none', 'json-args-recommended:none']);
    }
  });
  it('offers no fix after a SHELL instruction', async () => {
    expect(await fixes('FROM alpine:3.19\nSHELL ["/bin/bash", "-c"]\nCMD node app.js\n')).toEqual(['DL3025:none']);
  });
});
