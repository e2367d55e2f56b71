import rule from '../../src/rules/hadolint/dl3006.js';
import { ruleTester } from '../support/rule-tester.js';

const message = 'Always tag the version of an image explicitly';

ruleTester(rule, {
  valid: [
    'FROM debian:12\nRUN echo hi\n',
    'FROM ruby@sha256:f1dbca0f5dbc9\n',
    'FROM scratch\nCOPY app /app\n',
    { code: 'FROM golang:1.22 AS build\nRUN go build\nFROM build AS test\nRUN go test\n', name: 'earlier stage name' },
    { code: 'ARG BASE=alpine:3.20\nFROM ${BASE}\n', name: 'ARG default with a tag resolves' },
    { code: 'ARG BASE\nFROM ${BASE}\n', name: 'unresolvable variable at the start: hadolint skips it' },
    { code: 'FROM $IMAGE\n', name: 'undeclared variable' },
    { code: 'ARG TAG\nFROM node:${TAG}\n', name: 'unresolved tag variable still means a tag' },
    { code: 'ARG BASE=alpine\nFROM ${BASE}\n', buildArgs: { BASE: 'alpine:3.20' }, name: 'build arg overrides the default' },
    { code: 'ARG STAGE=build\nFROM golang:1.22 AS build\nFROM ${STAGE}\n', name: 'expands to a stage name' },
    {
      code: 'FROM scratch AS binaries-linux\nFROM scratch AS binaries-darwin\nFROM binaries-$TARGETOS AS binaries\n',
      name: 'unresolved variable completing an earlier stage name',
    },
    {
      // Each stage built on the one before: 5,000 distinct names. A set of the names so far per
      // stage made this 12.5 million copied entries (with DL3022 and DL3026, seconds and a gigabyte).
      code: `FROM alpine:3.20 AS s0\n${Array.from({ length: 4_999 }, (_, index) => `FROM s${index} AS s${index + 1}\n`).join('')}`,
      name: '5,000 stages, each on the alias before it',
    },
    {
      code: `FROM alpine:3.20 AS web-0\n${Array.from({ length: 4_999 }, (_, index) => `FROM web-\${V} AS web-${index + 1}\n`).join('')}`,
      name: '5,000 stages, each on a variable that may name an alias before it',
    },
  ],
  invalid: [
    { code: 'FROM debian\n', errors: [{ line: 1, column: 6, endColumn: 12, message }] },
    { code: 'FROM debian AS builder\nRUN make\n', errors: [{ line: 1, column: 6, message }] },
    {
      code: 'FROM golang:1.22 AS build\nRUN go build\nFROM node AS unit-test\nRUN npm test\nFROM alpine:3.20\n',
      errors: [{ line: 3, message }],
    },
    { code: 'ARG BASE=alpine\nFROM ${BASE}\n', errors: [{ line: 2, column: 6, message }], name: 'ARG default without a tag' },
    { code: 'FROM registry.example.com:5000/team/app\n', errors: [{ line: 1, message }], name: 'registry with a port is not a tag' },
    { code: 'ARG SUFFIX\nFROM img${SUFFIX}\n', errors: [{ line: 2, message }], name: 'variable not at the start still fires' },
    {
      code: 'FROM scratch AS binaries-linux\nFROM tools-$TARGETOS\n',
      errors: [{ line: 2, message }],
      name: 'unresolved variable not matching any stage name',
    },
    {
      code: 'FROM golang:1.22 AS Build\nFROM build\n',
      errors: [{ line: 2, message }],
      name: 'stage names are compared case-sensitively, as hadolint does',
    },
    { code: 'FROM app AS app\n', errors: [{ line: 1, message }], name: 'its own alias does not count' },
  ],
});
