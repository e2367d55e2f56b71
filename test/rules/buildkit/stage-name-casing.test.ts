import rule from '../../../src/rules/buildkit/stage-name-casing.js';
import { ruleTester } from '../../support/rule-tester.js';

ruleTester(rule, {
  valid: [
    'FROM alpine:3.20 AS builder-base\nRUN echo hi\n',
    'FROM alpine:3.20\n',
    { code: 'FROM alpine AS build\n# check=skip=StageNameCasing\nFROM alpine AS Final\n', name: 'skipped by its check comment' },
  ],
  invalid: [
    {
      code: 'FROM golang:1.22 AS BuilderBase\nRUN go build ./...\n\nFROM alpine:3.20\nCOPY --from=builderbase /out /app\n',
      errors: [{ line: 1, column: 21, endColumn: 32, message: "Stage name 'BuilderBase' should be lowercase" }],
    },
    {
      code: 'from alpine as Build\n',
      errors: [{ line: 1, message: "Stage name 'Build' should be lowercase" }],
    },
  ],
});
