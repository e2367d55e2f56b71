import rule from '../../../src/rules/buildkit/no-empty-continuation.js';
import { ruleTester } from '../../support/rule-tester.js';

const message = 'Empty continuation line';

ruleTester(rule, {
  valid: [
    'FROM alpine\nRUN apk add \\\n    curl \\\n    git\n',
    { code: 'FROM alpine\nRUN apk add \\\n# a comment\n    curl\n', name: 'a comment line is not empty' },
    { code: 'FROM alpine\nRUN echo a \\\n\\\n    b\n', name: 'a line with only the escape char continues' },
    { code: '# check=skip=NoEmptyContinuation\nFROM alpine\nRUN echo a \\\n\n    b\n', name: 'skipped by the file directive' },
  ],
  invalid: [
    {
      code: 'FROM alpine\nRUN apk add \\\n\n    gnupg \\\n\n    curl\nRUN echo done\n',
      errors: [{ line: 6, message }],
      name: 'once per instruction, at its last line',
    },
    {
      code: 'FROM alpine\n# check=skip=NoEmptyContinuation\nRUN echo a \\\n   \n    b\n',
      errors: [{ line: 5, message }],
      name: 'whitespace-only line; check comments cannot skip a whole-file check',
    },
    { code: '# escape=`\nFROM scratch\nCOPY a `\n\n.\n', errors: [{ line: 5, message }], name: 'backtick escape' },
  ],
});
