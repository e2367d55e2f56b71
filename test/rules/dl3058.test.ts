import rule from '../../src/rules/hadolint/dl3058.js';
import { ruleTester } from '../support/rule-tester.js';

const schema = { 'label-schema': { maintainer: 'email' } };
const message = 'Label `maintainer` is not a valid email format - must conform to RFC5322.';
/** Double-quotes the value, or single-quotes it when it holds a double quote. */
const maintainer = (value: string): string =>
  `FROM alpine:3.20\nLABEL maintainer=${value.includes('"') ? `'${value}'` : `"${value}"`}\n`;

ruleTester(rule, {
  valid: [
    ...[
      'abcd@google.com',
      'first.last+tag@example.co.uk',
      'admin@localhost',
      '"john doe"@example.com',
      'ops@[192.168.0.1]',
      "o'hara@example.com",
    ].map((value) => ({ code: maintainer(value), hadolintConfig: schema, name: `accepts ${value}` })),
    { code: 'FROM alpine:3.20\nLABEL author="not-email"\n', hadolintConfig: schema, name: 'labels outside the schema' },
  ],
  invalid: [
    ...[
      'not-email',
      'abcd@',
      '@example.com',
      'Jane Doe <jane@example.com>',
      'a..b@example.com',
      'a@b@c',
      '.a@example.com',
      'a@example.',
    ].map((value) => ({
      code: maintainer(value),
      hadolintConfig: schema,
      errors: [{ line: 2, column: 7, message }],
      name: `rejects ${value}`,
    })),
  ],
});
