import rule from '../../src/rules/hadolint/dl4004.js';
import { ruleTester } from '../support/rule-tester.js';

const message =
  'Multiple `ENTRYPOINT` instructions found. If you list more than one `ENTRYPOINT` then only the last `ENTRYPOINT` will take effect';

ruleTester(rule, {
  valid: [
    'FROM debian:12\nENTRYPOINT ["/docker-entrypoint.sh"]\nCMD ["run"]\n',
    { code: 'FROM debian:12 AS a\nENTRYPOINT bash\nFROM debian:12 AS b\nENTRYPOINT another\n', name: 'one per stage' },
    { code: 'ENTRYPOINT /bin/true\n', name: 'single one before FROM' },
  ],
  invalid: [
    { code: 'FROM debian:12\nENTRYPOINT bash\nRUN foo\nENTRYPOINT ["another"]\n', errors: [{ line: 4, column: 1, message }] },
    {
      code: 'FROM debian:12 AS a\nENTRYPOINT a\nENTRYPOINT b\nFROM debian:12 AS b\nENTRYPOINT c\n',
      errors: [{ line: 3, message }],
    },
  ],
});
