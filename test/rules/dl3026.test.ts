import rule from '../../src/rules/hadolint/dl3026.js';
import { ruleTester } from '../support/rule-tester.js';

const message = 'Use only an allowed registry in the FROM image';
const trusting = (...trustedRegistries: string[]) => ({ config: { trustedRegistries } });

ruleTester(rule, {
  valid: [
    { code: 'FROM random.com/debian:12\n', name: 'no trusted registries configured' },
    { code: 'FROM random.com/debian:12\n', ...trusting('x.com', 'random.com') },
    { code: 'FROM scratch\n', ...trusting('x.com') },
    {
      code: 'FROM ubuntu:24.04 AS a\nFROM zemanlx/ubuntu:18.04 AS b\nFROM docker.io/zemanlx/ubuntu:18.04 AS c\n',
      ...trusting('docker.io'),
      name: 'Docker Hub trusted',
    },
    { code: 'FROM ubuntu:24.04\n', ...trusting('hub.docker.com'), name: 'Docker Hub by its other name' },
    { code: 'FROM random.com/foo AS builder1\nFROM builder1 AS builder2\n', ...trusting('random.com'), name: 'stage name' },
    { code: 'FROM foo.random.com/debian:12\n', ...trusting('x.com', '*.random.com'), name: 'wildcard subdomain' },
    { code: 'FROM ubuntu:24.04\nFROM ghcr.io/a/b:1\n', ...trusting('*'), name: 'star trusts everything' },
    { code: 'FROM registry-eu.corp.com/a:1\n', ...trusting('registry-*'), name: 'prefix pattern' },
    { code: 'COPY --from=trusted.com/repo/image:tag /foo /bar\n', ...trusting('trusted.com') },
    {
      code: 'FROM trusted.com/go:1.22 AS build\nFROM trusted.com/alpine:3\nCOPY --from=build /out /app\n',
      ...trusting('trusted.com'),
      name: 'COPY --from a stage',
    },
    { code: 'RUN --mount=type=bind,from=trusted.com/repo/image:tag,target=/foo foobar\n', ...trusting('trusted.com') },
    { code: 'RUN --mount=type=secret,id=x foobar\n', ...trusting('trusted.com'), name: 'mount without from' },
    { code: 'ARG REG=trusted.com\nFROM ${REG}/app:1\n', ...trusting('trusted.com'), name: 'ARG expanded' },
  ],
  invalid: [
    { code: 'FROM random.com/debian\n', ...trusting('docker.io'), errors: [{ line: 1, column: 6, message }] },
    { code: 'FROM x.com/debian\n', ...trusting('*.random.com'), errors: [{ line: 1, message }] },
    {
      code: 'FROM random.com/debian\n',
      ...trusting('*.random.com'),
      errors: [{ line: 1, message }],
      name: 'a subdomain pattern does not match the bare domain',
    },
    {
      code: 'FROM ubuntu:18.04 AS builder1\nFROM zemanlx/ubuntu:18.04 AS builder2\nFROM docker.io/zemanlx/ubuntu:18.04 AS builder3\n',
      ...trusting('trusted.com'),
      errors: [
        { line: 1, message },
        { line: 2, message },
        { line: 3, message },
      ],
    },
    {
      code: 'COPY --from=untrusted.com/repo/image:tag /foo /bar\n',
      ...trusting('trusted.com'),
      errors: [{ line: 1, column: 6, message }],
    },
    {
      code: 'FROM trusted.com/a:1\nRUN --mount=type=cache,from=untrusted.com/repo/image:tag,target=/foo foobar\n',
      ...trusting('trusted.com'),
      errors: [{ line: 2, message }],
    },
    {
      code: 'FROM trusted.com/a:1\nFROM trusted.com/b:1\nCOPY --from=0 /a /b\n',
      ...trusting('trusted.com'),
      errors: [{ line: 3, message }],
      name: 'a stage index counts as a Docker Hub image, as in hadolint',
    },
    {
      code: 'FROM localhost:5000/app:1\n',
      ...trusting('localhost:5000'),
      errors: [{ line: 1, message }],
      name: 'a host without a dot is not a registry for hadolint',
    },
  ],
});
