import rule from '../../src/rules/hadolint/dl3056.js';
import { ruleTester } from '../support/rule-tester.js';

const schema = { 'label-schema': { 'org.opencontainers.image.version': 'semver' } };
const message = 'Label `org.opencontainers.image.version` does not conform to semantic versioning.';
const versioned = (value: string): string => `FROM alpine:3.20\nLABEL org.opencontainers.image.version="${value}"\n`;

ruleTester(rule, {
  valid: [
    ...['1.0.0', '2.0.1-rc1', '1.0.0-alpha.1', '1.0.0+build.5', '1.0.0-beta-2+exp.sha.5114f85', '01.2.3'].map((value) => ({
      code: versioned(value),
      hadolintConfig: schema,
      name: `accepts ${value}`,
    })),
    { code: 'FROM alpine:3.20\nLABEL version="1.0"\n', hadolintConfig: schema, name: 'labels outside the schema' },
  ],
  invalid: [
    ...['1.0', 'v1.0.0', '1.0.0-', '1.0.0-rc..1', '1.0.0+', 'latest', '1.0.0 '].map((value) => ({
      code: versioned(value),
      hadolintConfig: schema,
      errors: [{ line: 2, column: 7, message }],
      name: `rejects ${JSON.stringify(value)}`,
    })),
  ],
});
