import rule from '../../src/rules/hadolint/dl3050.js';
import { ruleTester } from '../support/rule-tester.js';

const message = 'Superfluous label(s) present.';
const strict = { 'label-schema': { 'org.opencontainers.image.version': 'semver', maintainer: 'email' }, 'strict-labels': true };

ruleTester(rule, {
  valid: [
    {
      code: 'FROM alpine:3.20\nLABEL org.opencontainers.image.version="1.2.3" \\\n      maintainer="ops@example.com"\n',
      hadolintConfig: strict,
      name: 'only declared labels',
    },
    {
      code: 'FROM alpine:3.20\nLABEL anything=goes\n',
      hadolintConfig: { 'label-schema': { maintainer: 'email' } },
      name: 'strict-labels off',
    },
    { code: 'FROM alpine:3.20\nLABEL anything=goes\n', name: 'no config at all' },
    { code: 'FROM alpine:3.20\nONBUILD LABEL extra=1\n', hadolintConfig: strict, name: 'ONBUILD LABEL is not checked (hadolint)' },
    {
      code: 'FROM alpine:3.20\nLABEL maintainer=x\n',
      config: { labelSchema: { maintainer: 'email' }, strictLabels: true },
      name: 'dockside config keys',
    },
  ],
  invalid: [
    {
      code: 'FROM alpine:3.20\nLABEL maintainer="ops@example.com" vendor="ACME"\n',
      hadolintConfig: strict,
      errors: [{ line: 2, column: 36, endColumn: 42, message }],
      name: 'one undeclared key among declared ones',
    },
    {
      code: 'FROM alpine:3.20\nLABEL a=1 b=2\nLABEL maintainer=x\nLABEL Maintainer=y\n',
      hadolintConfig: strict,
      errors: [
        { line: 2, message },
        { line: 4, message },
      ],
      name: 'one finding per LABEL instruction; keys compare case-sensitively',
    },
    {
      code: 'FROM alpine:3.20\nLABEL maintainer=x\n',
      hadolintConfig: { 'strict-labels': true },
      errors: [{ line: 2, message }],
      name: 'an empty schema makes every LABEL superfluous',
    },
  ],
});
