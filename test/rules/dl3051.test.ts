import rule from '../../src/rules/hadolint/dl3051.js';
import { ruleTester } from '../support/rule-tester.js';

const schema = { 'label-schema': { 'org.opencontainers.image.version': 'semver', maintainer: '' } };
const versionEmpty = 'label `org.opencontainers.image.version` is empty.';
const maintainerEmpty = 'label `maintainer` is empty.';

ruleTester(rule, {
  valid: [
    {
      code: 'FROM alpine:3.20\nARG VERSION=1.0.0\nLABEL org.opencontainers.image.version="${VERSION}" maintainer="ops"\n',
      hadolintConfig: schema,
      name: 'values set (variables are not expanded)',
    },
    { code: 'FROM alpine:3.20\nLABEL description=""\n', hadolintConfig: schema, name: 'empty label outside the schema' },
    { code: 'FROM alpine:3.20\nLABEL maintainer=""\n', name: 'no schema' },
    { code: 'FROM alpine:3.20\nONBUILD LABEL maintainer=""\n', hadolintConfig: schema, name: 'ONBUILD LABEL is not checked (hadolint)' },
  ],
  invalid: [
    {
      code: 'FROM alpine:3.20\nLABEL org.opencontainers.image.version="" maintainer=ops\n',
      hadolintConfig: schema,
      errors: [{ line: 2, column: 7, endColumn: 42, message: versionEmpty }],
      name: 'an empty typed label',
    },
    {
      code: "FROM alpine:3.20\nLABEL maintainer='' \\\n      org.opencontainers.image.version=\n",
      hadolintConfig: schema,
      errors: [
        { line: 2, column: 1, message: versionEmpty },
        { line: 2, column: 7, message: maintainerEmpty },
      ],
      name: 'one finding per schema label on the same instruction; `""` type is text',
    },
    {
      code: 'FROM alpine:3.20\nLABEL maintainer=""\n',
      config: { labelSchema: { maintainer: 'text' } },
      errors: [{ line: 2, message: maintainerEmpty }],
      name: 'dockside config keys',
    },
  ],
});
