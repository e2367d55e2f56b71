import rule from '../../src/rules/hadolint/dl3049.js';
import { ruleTester } from '../support/rule-tester.js';

const schema = { 'label-schema': { maintainer: 'email', 'org.opencontainers.image.version': 'semver' } };
const maintainerMissing = 'Label `maintainer` is missing.';
const versionMissing = 'Label `org.opencontainers.image.version` is missing.';

ruleTester(rule, {
  valid: [
    {
      code: 'FROM alpine:3.20\nLABEL maintainer="ops@example.com" \\\n      org.opencontainers.image.version="1.0.0"\nCMD ["sh"]\n',
      hadolintConfig: schema,
      name: 'single stage with every label',
    },
    { code: 'FROM alpine:3.20\nRUN true\n', name: 'no schema, no rule' },
    {
      code: [
        'FROM golang:1.22 AS build',
        'RUN go build -o /app .',
        '',
        'FROM gcr.io/distroless/static',
        'COPY --from=build /app /app',
        'LABEL maintainer=ops@example.com org.opencontainers.image.version=1.0.0',
      ].join('\n') + '\n',
      hadolintConfig: schema,
      name: 'a build stage used by COPY --from is exempt',
    },
    {
      code: 'FROM alpine:3.20 AS base\nLABEL maintainer=x org.opencontainers.image.version=1.0.0\n\nFROM base\nRUN true\n',
      hadolintConfig: schema,
      name: 'a stage built FROM a labelled stage inherits its labels',
    },
    {
      code: 'FROM alpine:3.20 AS base\nRUN true\n\nFROM base\nLABEL maintainer=x org.opencontainers.image.version=1.0.0\n',
      hadolintConfig: schema,
      name: 'a base stage is exempt when an unaliased FROM <alias> stage sets the labels',
    },
    {
      code: 'ARG BASE=builder\nFROM alpine:3.20 AS builder\nLABEL maintainer=x org.opencontainers.image.version=1.0.0\nFROM ${BASE}\n',
      hadolintConfig: schema,
      name: 'the FROM image is ARG-expanded before matching stage names',
    },
  ],
  invalid: [
    {
      code: 'FROM alpine:3.20\nLABEL maintainer="ops@example.com"\nCMD ["sh"]\n',
      hadolintConfig: schema,
      errors: [{ line: 1, column: 1, endColumn: 17, message: versionMissing }],
      name: 'one label missing, reported at the FROM',
    },
    {
      code: 'FROM alpine:3.20\nRUN true\n',
      hadolintConfig: schema,
      errors: [
        { line: 1, message: maintainerMissing },
        { line: 1, message: versionMissing },
      ],
      name: 'one finding per missing label',
    },
    {
      code: [
        'FROM alpine:3.20 AS base',
        'RUN true',
        '',
        'FROM base AS app',
        'LABEL maintainer=x org.opencontainers.image.version=1.0.0',
      ].join('\n') + '\n',
      hadolintConfig: schema,
      errors: [
        { line: 1, message: maintainerMissing },
        { line: 1, message: versionMissing },
      ],
      name: 'an aliased child setting the labels does not exempt its base (hadolint)',
    },
    {
      code: 'FROM alpine:3.20 AS Base\nLABEL maintainer=x org.opencontainers.image.version=1\nFROM base\n',
      hadolintConfig: schema,
      errors: [
        { line: 3, message: maintainerMissing },
        { line: 3, message: versionMissing },
      ],
      name: 'stage names compare case-sensitively (hadolint)',
    },
    {
      code: [
        'FROM alpine:3.20 AS build',
        'RUN true',
        'FROM alpine:3.20',
        'ADD --from=build /a /a',
        'LABEL maintainer=x org.opencontainers.image.version=1',
      ].join('\n') + '\n',
      hadolintConfig: { 'label-schema': { maintainer: 'email' } },
      errors: [{ line: 1, message: maintainerMissing }],
      name: 'ADD --from does not exempt a stage (only COPY does, as in hadolint)',
    },
    {
      code: 'FROM alpine:3.20\nONBUILD LABEL maintainer=x\n',
      config: { labelSchema: { maintainer: 'email' } },
      errors: [{ line: 1, message: maintainerMissing }],
      name: 'ONBUILD LABEL does not count; dockside config keys',
    },
  ],
});
