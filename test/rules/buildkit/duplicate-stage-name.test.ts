import rule from '../../../src/rules/buildkit/duplicate-stage-name.js';
import { ruleTester } from '../../support/rule-tester.js';

ruleTester(rule, {
  valid: [
    'FROM debian:12 AS deb-builder\nRUN make\n\nFROM golang:1.22 AS go-builder\n',
    'FROM debian:12 AS base\nFROM base AS app\n',
  ],
  invalid: [
    {
      code: 'FROM debian:12 AS builder\nRUN apt-get update\n\nFROM golang:1.22 AS builder\n',
      errors: [{ line: 4, column: 21, message: 'Duplicate stage name "builder", stage names should be unique' }],
    },
    {
      code: 'FROM alpine AS Build\nFROM alpine AS build\n',
      errors: [{ line: 2, message: 'Duplicate stage name "build", stage names should be unique' }],
      name: 'names are compared lowercased (hadolint would not flag this)',
    },
    {
      code: 'FROM alpine AS base\n# check=skip=DuplicateStageName\nFROM alpine AS base\nFROM alpine AS base\n',
      errors: [
        { line: 3, message: 'Duplicate stage name "base", stage names should be unique' },
        { line: 4, message: 'Duplicate stage name "base", stage names should be unique' },
      ],
    },
  ],
});
