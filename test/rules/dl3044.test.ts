import rule from '../../src/rules/hadolint/dl3044.js';
import { ruleTester } from '../support/rule-tester.js';

const message = 'Do not refer to an environment variable within the same `ENV` statement where it is defined.';

ruleTester(rule, {
  valid: [
    'FROM debian:12\nENV BLA="blubb"\nENV BLUBB="${BLA}/blubb"\n',
    'FROM debian:12\nENV BLA="blubb" BLUBB="${BLAFOO}/blubb"\n',
    'FROM debian:12\nENV BLA="blubb" BLUBB="$BLAFOO/blubb"\n',
    'FROM debian:12\nENV BLA="blubb" BLUBB="BLA/$BLAFOO/BLA"\n',
    { code: 'FROM debian:12\nENV PATH=/opt/bin:${PATH}\n', name: 'a pair referring to itself' },
    { code: 'ARG VERSION\nFROM debian:12\nENV VERSION=${VERSION} URL=https://x/$VERSION\n', name: 'defined by an earlier ARG' },
    {
      code: 'FROM debian:12 AS a\nENV HOME_DIR=/srv\nFROM debian:12 AS b\nENV HOME_DIR=/opt APP=$HOME_DIR/app\n',
      name: 'defined by an earlier ENV, even in another stage (hadolint state is file-wide)',
    },
    { code: 'FROM debian:12\nENV A=1 B=2\n', name: 'no references' },
  ],
  invalid: [
    { code: 'FROM debian:12\nENV BLA="blubb" BLUBB="${BLA}/blubb"\n', errors: [{ line: 2, column: 17, message }] },
    { code: 'FROM debian:12\nENV BLA="blubb" BLUBB="$BLA"\n', errors: [{ line: 2, message }] },
    { code: 'FROM debian:12\nENV BLA="blubb" BLUBB="$BLA/$BLAFOO/blubb"\n', errors: [{ line: 2, message }] },
    { code: 'FROM debian:12\nENV PATH=/bla:${PATH} PATH=/blubb:${PATH}\n', errors: [{ line: 2, message }], name: 'same name twice' },
    {
      code: 'FROM debian:12\nENV APP_HOME=/srv \\\n    APP_DATA=${APP_HOME:-/srv}/data\n',
      errors: [{ line: 2, message }],
      name: 'modifier form, multi-line',
    },
  ],
});
