import rule from '../../src/rules/hadolint/dl3055.js';
import { ruleTester } from '../support/rule-tester.js';

const schema = { 'label-schema': { 'org.opencontainers.image.revision': 'hash' } };
const message = 'Label `org.opencontainers.image.revision` is not a valid git hash.';
const revision = (value: string): string => `FROM alpine:3.20\nLABEL org.opencontainers.image.revision="${value}"\n`;

ruleTester(rule, {
  valid: [
    { code: revision('2dbfae9'), hadolintConfig: schema, name: 'short hash' },
    { code: revision('43c572f1272b6b3171dd1db9e41b7027128ce080'), hadolintConfig: schema, name: 'full hash' },
    { code: 'FROM alpine:3.20\nLABEL commit="HEAD"\n', hadolintConfig: schema, name: 'labels outside the schema' },
  ],
  invalid: [
    ...['2DBFAE9', '2dbfae', '2dbfae91', 'g2dbfae', '43c572f1272b6b3171dd1db9e41b7027128ce08', 'main'].map((value) => ({
      code: revision(value),
      hadolintConfig: schema,
      errors: [{ line: 2, column: 7, message }],
      name: `rejects ${value}`,
    })),
  ],
});
