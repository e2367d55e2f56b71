import { describe, expect, it } from 'vitest';
import rule from '../../src/rules/hadolint/dl3057.js';
import { lintForTest, ruleTester } from '../support/rule-tester.js';

const message = '`HEALTHCHECK` instruction missing.';
const enabled = { override: { info: ['DL3057'] } };

ruleTester(rule, {
  valid: [
    {
      code: 'FROM nginx:1.27\nHEALTHCHECK --interval=30s CMD curl -fsS http://localhost/ || exit 1\n',
      hadolintConfig: enabled,
      name: 'a HEALTHCHECK',
    },
    { code: 'FROM alpine:3.20\nHEALTHCHECK NONE\n', hadolintConfig: enabled, name: 'HEALTHCHECK NONE counts' },
    {
      code: 'FROM node:20 AS base\nHEALTHCHECK CMD node healthcheck.js\n\nFROM base AS app\nCOPY . .\n',
      hadolintConfig: enabled,
      name: 'inherited through FROM <alias>',
    },
    {
      code: [
        'FROM alpine:3.20 AS base1',
        'FROM base1 AS base2',
        'FROM base2 AS base3',
        'FROM base3 AS final',
        'HEALTHCHECK NONE',
      ].join('\n') + '\n',
      hadolintConfig: enabled,
      name: 'ancestors of a stage with a HEALTHCHECK are covered',
    },
    {
      code: 'FROM ubuntu:24.04\nHEALTHCHECK NONE\nFROM ubuntu:24.04\n',
      hadolintConfig: enabled,
      name: 'an unaliased stage is known by its image name (hadolint)',
    },
    {
      code: 'FROM alpine:3.20 AS base\nFROM base AS web\nHEALTHCHECK NONE\nFROM base AS worker\n',
      hadolintConfig: enabled,
      name: 'a later stage built from an ancestor of a covered stage is covered too (hadolint)',
    },
  ],
  invalid: [
    {
      code: 'FROM alpine:3.20\nCMD ["sh"]\n',
      hadolintConfig: enabled,
      errors: [{ line: 1, column: 1, endColumn: 17, message }],
      name: 'no HEALTHCHECK, reported at the FROM',
    },
    {
      code: 'FROM golang:1.22 AS build\nHEALTHCHECK NONE\nFROM alpine:3.20\nCOPY --from=build /app /app\n',
      hadolintConfig: enabled,
      errors: [{ line: 3, message }],
      name: 'COPY --from does not inherit a HEALTHCHECK',
    },
    {
      code: [
        'FROM alpine:3.20 AS base',
        'FROM base AS worker',
        'ONBUILD HEALTHCHECK NONE',
        'FROM base AS web',
        'HEALTHCHECK CMD wget -q -O- http://localhost/',
      ].join('\n') + '\n',
      hadolintConfig: enabled,
      errors: [{ line: 2, message }],
      name: 'an earlier sibling of the covered stage is not covered; ONBUILD HEALTHCHECK does not count',
    },
    {
      code: 'FROM alpine:3.20\nRUN true\nFROM alpine:3.20\nRUN true\n',
      config: { rules: { DL3057: 'on' } },
      errors: [
        { line: 1, message },
        { line: 3, message },
      ],
      name: 'enabled from a dockside config, one finding per stage',
    },
  ],
});

describe('DL3057 default', () => {
  it('is off by default, as hadolint hides it (severity ignore)', async () => {
    expect(rule.meta.enabledByDefault).toBe(false);
    const findings = await lintForTest('FROM alpine:3.20\nRUN true\n');
    expect(findings.filter((finding) => finding.code === 'DL3057')).toEqual([]);
  });
});
