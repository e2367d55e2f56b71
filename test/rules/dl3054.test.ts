import rule from '../../src/rules/hadolint/dl3054.js';
import { ruleTester } from '../support/rule-tester.js';

const schema = { 'label-schema': { 'org.opencontainers.image.licenses': 'spdx' } };
const message = 'Label `org.opencontainers.image.licenses` is not a valid SPDX identifier.';
const licensed = (value: string): string => `FROM alpine:3.20\nLABEL org.opencontainers.image.licenses="${value}"\n`;

ruleTester(rule, {
  valid: [
    ...['MIT', 'Apache-2.0', 'BSD-3-Clause', 'GPL-3.0-or-later', 'GPL-2.0', '0BSD', 'zlib-acknowledgement', 'MIT '].map((value) => ({
      code: licensed(value),
      hadolintConfig: schema,
      name: `accepts ${JSON.stringify(value)}`,
    })),
    { code: 'FROM alpine:3.20\nLABEL license="proprietary"\n', hadolintConfig: schema, name: 'labels outside the schema' },
  ],
  invalid: [
    ...['Apache 2.0', 'mit', 'MIT OR Apache-2.0', 'GPL-3.0+', ' MIT', 'LicenseRef-acme', ''].map((value) => ({
      code: licensed(value),
      hadolintConfig: schema,
      errors: [{ line: 2, column: 7, message }],
      name: `rejects ${JSON.stringify(value)}`,
    })),
  ],
});
