import rule from '../../../src/rules/buildkit/legacy-key-value-format.js';
import { ruleTester } from '../../support/rule-tester.js';

ruleTester(rule, {
  valid: [
    'FROM alpine\nENV a=1 b=2\nLABEL a=1 b=2\n',
    { code: 'FROM alpine\nARG foo bar\n', name: 'ARG is never checked' },
    { code: 'FROM alpine\nENV DEPS="\\\n    curl \\\n    git"\n', name: 'quoted multi-line value' },
    { code: 'FROM scratch\n# check=skip=LegacyKeyValueFormat\nENV testkey value\n', name: 'check comment' },
  ],
  invalid: [
    {
      code: 'FROM alpine\nENV DEPS \\\n    curl \\\n    git\nLABEL maintainer foo@bar.com\n',
      errors: [
        { line: 2, message: '"ENV key=value" should be used instead of legacy "ENV key value" format' },
        { line: 5, message: '"LABEL key=value" should be used instead of legacy "LABEL key value" format' },
      ],
    },
    {
      code: 'FROM alpine\nlabel key value\n',
      errors: [{ line: 2, message: '"label key=value" should be used instead of legacy "label key value" format' }],
    },
    {
      code: 'FROM scratch AS a\n\nFROM a AS b\nENV testkey value\n\nFROM a AS c\n',
      errors: [{ line: 4, message: '"ENV key=value" should be used instead of legacy "ENV key value" format' }],
      name: 'unreachable stages are checked too',
    },
  ],
});
