import rule from '../../src/rules/hadolint/dl3061.js';
import { ruleTester } from '../support/rule-tester.js';

const message = 'Invalid instruction order. Dockerfile must begin with `FROM`, `ARG` or comment.';

ruleTester(rule, {
  valid: [
    'FROM debian:12\nLABEL foo=bar\n',
    '# syntax=docker/dockerfile:1\n# a comment\nARG VERSION=12\nFROM debian:${VERSION}\nRUN true\n',
    { code: 'node_modules\n*.log\nFROM debian:12\n', name: 'unknown instructions are a parse error, not this rule' },
  ],
  invalid: [
    { code: 'LABEL foo=bar\nFROM debian:12\n', errors: [{ line: 1, column: 1, message }] },
    {
      code: 'ARG A=1\nRUN echo hello\nENV X=1\nONBUILD RUN x\nFROM debian:12\nRUN true\n',
      errors: [
        { line: 2, message },
        { line: 3, message },
        { line: 4, message },
      ],
      name: 'every instruction before FROM',
    },
    { code: 'EXPOSE 80\n', errors: [{ line: 1, message }], name: 'no FROM at all' },
  ],
});
