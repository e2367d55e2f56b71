import { describe, expect, it } from 'vitest';
import rule from '../../src/rules/hadolint/dl3019.js';
import { fixTester } from '../support/fix-tester.js';
import { fixOffers } from './support.js';

fixTester(rule, [
  {
    name: 'inserts --no-cache after add',
    code: 'FROM alpine:3.20\nRUN apk add curl=8.9.1-r0 \\\n    && apk --update add \\\n        git=2.45.2-r0\n',
    output: 'FROM alpine:3.20\nRUN apk add --no-cache curl=8.9.1-r0 \\\n    && apk --update add --no-cache \\\n        git=2.45.2-r0\n',
  },
]);

describe('DL3019 fix', () => {
  it('is offered as safe for shell form only', async () => {
    expect(await fixOffers('FROM alpine:3.20\nRUN apk add curl\n', ['DL3019'])).toEqual(['DL3019:safe']);
    expect(await fixOffers('FROM alpine:3.20\nRUN ["apk", "add", "curl"]\n', ['DL3019'])).toEqual(['DL3019:none']);
  });
});
