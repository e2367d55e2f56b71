import rule from '../../src/rules/hadolint/dl3053.js';
import { ruleTester } from '../support/rule-tester.js';

const schema = { 'label-schema': { 'org.opencontainers.image.created': 'rfc3339' } };
const message = 'Label `org.opencontainers.image.created` is not a valid time format - must conform to RFC3339.';
const created = (value: string): string => `FROM alpine:3.20\nLABEL org.opencontainers.image.created="${value}"\nRUN true\n`;

ruleTester(rule, {
  valid: [
    ...[
      '2024-05-01T12:30:00Z',
      '2021-03-10T10:26:33.564595127+01:00',
      '2024-05-01T12:30:00-0700',
      '2024-02-29T23:59:59Z',
      '2016-12-31T23:59:60Z',
      '2024-05-01t12:30:00z',
    ].map((value) => ({ code: created(value), hadolintConfig: schema, name: `accepts ${value}` })),
    { code: 'FROM alpine:3.20\nLABEL build-date="yesterday"\n', hadolintConfig: schema, name: 'labels outside the schema' },
  ],
  invalid: [
    ...[
      '2024-05-01',
      '2024-05-01 12:30:00Z',
      '2024-05-01T12:30:00',
      '2023-02-29T00:00:00Z',
      '2024-13-01T00:00:00Z',
      '2024-05-01T24:00:00Z',
      '2024-5-1T12:30:00Z',
      '${BUILD_DATE}',
    ].map((value) => ({
      code: created(value),
      hadolintConfig: schema,
      errors: [{ line: 2, column: 7, message }],
      name: `rejects ${value}`,
    })),
  ],
});
