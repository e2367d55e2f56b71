import { describe, expect, it } from 'vitest';
import rule from '../../src/rules/buildkit/expose-proto-casing.js';
import { fixOffers } from './support.js';
import { fixTester } from '../support/fix-tester.js';

fixTester(rule, [
  {
    name: 'each literal port is lowercased',
    code: 'FROM alpine:3.19\nEXPOSE 80/TCP 53/Udp 443\nCMD ["sh"]\n',
    output: 'FROM alpine:3.19\nEXPOSE 80/tcp 53/udp 443\nCMD ["sh"]\n',
  },
]);

describe('ExposeProtoCasing fix limits', () => {
  it('offers no fix for a port that comes from a variable', async () => {
    expect(await fixOffers('FROM alpine:3.19\nARG PORT=80/TCP\nEXPOSE $PORT\n', ['ExposeProtoCasing'])).toEqual(['expose-proto-casing:none']);
  });
});
