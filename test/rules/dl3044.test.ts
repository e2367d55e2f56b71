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
    { code: 'FROM debian:12\nENV BLA=1 B=x${BLA\n', name: 'an unclosed brace at the end is no reference' },
    { code: `FROM debian:12\nENV ${Array.from({ length: 3_000 }, (_, index) => `K${index}=$K${index}`).join(' ')}\n`, name: '3,000 pairs, each referring to itself' },
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
    { code: 'FROM debian:12\nENV a.b=1 C=${a.b}\n', errors: [{ line: 2, column: 11, message }], name: 'a key that is not a plain name' },
    { code: 'FROM debian:12\nENV BLA=1 B=$$BLA\n', errors: [{ line: 2, message }], name: 'after another $' },
    {
      code: `FROM debian:12\nENV ${'URL="https://x/${PRODUCT}" '.repeat(2_000)}PRODUCT=a\n`,
      errors: [{ line: 2, column: 5, message }],
      name: '2,000 pairs referring to a later one (a fuzzer-made file had 5,583)',
    },
  ],
});
