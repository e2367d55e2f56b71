import rule from '../../src/rules/hadolint/dl3064.js';
import { ruleTester } from '../support/rule-tester.js';

const message = 'Potentially sensitive data should not be used in the `ARG` or `ENV` commands';

ruleTester(rule, {
  valid: [
    'ARG VERSION=1\nFROM debian:12\nENV APP_HOME=/srv\nRUN true\n',
    'FROM debian:12\nENV foobar=barfoo\nONBUILD ARG BUILD_DATE\n',
    { code: 'FROM debian:12\nLABEL password=none\n', name: 'LABEL is not checked' },
    { code: 'FROM debian:12\nRUN --mount=type=secret,id=npm_token npm ci\n', name: 'secret mounts are the fix' },
  ],
  invalid: [
    { code: 'ARG AWS_ACCESS_KEY_ID\nFROM debian:12\n', errors: [{ line: 1, column: 5, message }] },
    { code: 'ARG openai_api_key\nFROM debian:12\n', errors: [{ line: 1, message }], name: 'known name in lower case' },
    {
      code: 'FROM debian:12\nENV APP_HOME=/srv AWS_ACCESS_KEY_ID=abcdefghijklmnopqrstuvwxyz\n',
      errors: [{ line: 2, column: 19, message }],
      name: 'second ENV key',
    },
    { code: 'FROM debian:12\nENV my_password=abc\n', errors: [{ line: 2, message }], name: 'substring' },
    { code: 'FROM debian:12\nARG BUILD=1 GIT_Token\n', errors: [{ line: 2, message }], name: 'substring, any case' },
    { code: 'FROM debian:12\nONBUILD ARG NPM_TOKEN\n', errors: [{ line: 2, message }], name: 'ONBUILD ARG' },
    { code: 'FROM debian:12\nENV DB_PASSWORD secret\n', errors: [{ line: 2, message }], name: 'legacy ENV form' },
  ],
});
