import { describe, expect, it } from 'vitest';
import rule from '../../src/rules/hadolint/dl3015.js';
import { fixTester } from '../support/fix-tester.js';
import { fixOffers } from './support.js';

fixTester(rule, [
  {
    name: 'inserts --no-install-recommends after install (unsafe)',
    unsafe: true,
    code: 'FROM debian:12\nRUN apt-get update \\\n    && apt-get install -y curl=7.88.1 \\\n    && apt-get -y install wget=1.21.3 \\\n    && rm -rf /var/lib/apt/lists/*\n',
    output: 'FROM debian:12\nRUN apt-get update \\\n    && apt-get install --no-install-recommends -y curl=7.88.1 \\\n    && apt-get -y install --no-install-recommends wget=1.21.3 \\\n    && rm -rf /var/lib/apt/lists/*\n',
  },
]);

describe('DL3015 fix applicability', () => {
  it('is unsafe, and absent for exec form', async () => {
    expect(await fixOffers('FROM debian:12\nRUN apt-get install -y curl\n', ['DL3015'])).toEqual(['DL3015:unsafe']);
    expect(await fixOffers('FROM debian:12\nRUN ["apt-get", "install", "-y", "curl"]\n', ['DL3015'])).toEqual(['DL3015:none']);
  });
});
