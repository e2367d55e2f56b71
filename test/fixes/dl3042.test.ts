import { describe, expect, it } from 'vitest';
import rule from '../../src/rules/hadolint/dl3042.js';
import { fixTester } from '../support/fix-tester.js';
import { fixOffers } from './support.js';

fixTester(rule, [
  {
    name: 'inserts --no-cache-dir after install',
    code: 'FROM python:3.12-slim\nCOPY requirements.txt .\nRUN pip install -r requirements.txt \\\n && python3 -m pip install gunicorn==22.0.0\n',
    output: 'FROM python:3.12-slim\nCOPY requirements.txt .\nRUN pip install --no-cache-dir -r requirements.txt \\\n && python3 -m pip install --no-cache-dir gunicorn==22.0.0\n',
  },
]);

describe('DL3042 fix', () => {
  it('is offered as safe for shell form only', async () => {
    expect(await fixOffers('FROM python:3.12\nRUN pip3 install flask==3.0.3\n', ['DL3042'])).toEqual(['DL3042:safe']);
    expect(await fixOffers('FROM python:3.12\nRUN ["pip", "install", "flask==3.0.3"]\n', ['DL3042'])).toEqual(['DL3042:none']);
  });
});
