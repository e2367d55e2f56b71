import rule from '../../src/rules/hadolint/dl3066.js';
import { ruleTester } from '../support/rule-tester.js';

const message = 'Non-numeric user-id may not be resolvable by host system';

ruleTester(rule, {
  valid: [
    'FROM debian:12\nUSER 12345\n',
    'FROM debian:12\nUSER 1234:5678\n',
    'FROM debian:12\nUSER 1000:app\n',
    { code: 'ARG APP_UID\nFROM debian:12\nUSER ${APP_UID}\n', name: 'global ARG' },
    { code: 'FROM debian:12\nARG UID=10001\nUSER $UID:$UID\n', name: 'stage ARG, bare form' },
    { code: 'FROM debian:12\nONBUILD USER app\n', name: 'ONBUILD is ignored' },
  ],
  invalid: [
    { code: 'FROM debian:12\nUSER foobar\n', errors: [{ line: 2, column: 1, message }] },
    { code: 'FROM debian:12\nUSER foobar:barfoo\n', errors: [{ line: 2, message }] },
    { code: 'FROM debian:12\nUSER root\n', errors: [{ line: 2, message }] },
    { code: 'FROM debian:12\nENV APP_UID=1000\nUSER ${APP_UID}\n', errors: [{ line: 3, message }], name: 'ENV is not considered' },
    { code: 'FROM debian:12\nUSER ${APP_UID}\nARG APP_UID\n', errors: [{ line: 2, message }], name: 'ARG declared later' },
    { code: 'ARG APP\nFROM debian:12\nUSER $APPLICATION\n', errors: [{ line: 3, message }], name: 'a longer variable name' },
  ],
});
