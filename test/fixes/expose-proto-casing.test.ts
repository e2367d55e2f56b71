import { describe, expect, it } from 'vitest';
import rule from '../../src/rules/buildkit/expose-proto-casing.js';
import { lintForTest } from '../support/rule-tester.js';
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
    const findings = await lintForTest('FROM alpine:3.19\nARG PORT=80/TCP\nEXPOSE $PORT\n', { only: ['ExposeProtoCasing'] });
    expect(findings.map((finding) => finding.fixable)).toEqual([false]);
  });
});
