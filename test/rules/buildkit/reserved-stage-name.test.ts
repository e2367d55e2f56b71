import rule from '../../../src/rules/buildkit/reserved-stage-name.js';
import { ruleTester } from '../../support/rule-tester.js';

ruleTester(rule, {
  valid: ['FROM alpine AS builder\n', 'FROM scratch\nCOPY app /app\n', 'FROM alpine AS scratchpad\n'],
  invalid: [
    {
      code: 'FROM alpine AS scratch\nFROM alpine AS context\n',
      errors: [
        { line: 1, column: 16, message: 'Stage name should not use the same name as reserved stage "scratch"' },
        { line: 2, message: 'Stage name should not use the same name as reserved stage "context"' },
      ],
    },
    {
      code: 'FROM alpine AS Scratch\n',
      errors: [{ line: 1, message: 'Stage name should not use the same name as reserved stage "scratch"' }],
    },
  ],
});
