import rule from '../../../src/rules/buildkit/maintainer-deprecated.js';
import { lintForTest, ruleTester } from '../../support/rule-tester.js';
import { describe, expect, it } from 'vitest';

const message = 'Maintainer instruction is deprecated in favor of using label';

ruleTester(rule, {
  valid: [
    'FROM alpine\nLABEL org.opencontainers.image.authors="me@example.org"\n',
    { code: 'FROM alpine\nRUN <<EOF\nMAINTAINER me@example.org\nEOF\n', name: 'heredoc body' },
    { code: 'FROM alpine\n# check=skip=MaintainerDeprecated\nMAINTAINER me@example.org\n', name: 'check comment' },
  ],
  invalid: [
    { code: 'FROM alpine\nMAINTAINER me@example.org\n', errors: [{ line: 2, column: 1, endColumn: 11, message }] },
    { code: 'MAINTAINER Lukas\nFROM debian:12\n', errors: [{ line: 1, message }], name: 'before the first FROM' },
    {
      code: 'FROM alpine\nRUN <<-EOF\n\tfoo\n\tEOF\nMAINTAINER me@example.org\n',
      errors: [{ line: 5, message }],
      name: 'after a <<- heredoc',
    },
  ],
});

describe('DL4000 identities', () => {
  it('answers to DL4000 and MaintainerDeprecated, at hadolint severity error', async () => {
    for (const identity of ['DL4000', 'MaintainerDeprecated', 'maintainer-deprecated']) {
      const findings = await lintForTest('FROM alpine\nMAINTAINER me\n', { only: [identity] });
      expect(findings.map((finding) => [finding.code, finding.level])).toEqual([['DL4000', 'error']]);
    }
  });
});
