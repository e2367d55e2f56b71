import rule from '../../src/rules/hadolint/dl4003.js';
import { ruleTester } from '../support/rule-tester.js';

const message = 'Multiple `CMD` instructions found. If you list more than one `CMD` then only the last `CMD` will take effect';

ruleTester(rule, {
  valid: [
    'FROM debian:12\nCMD ["bash"]\n',
    { code: 'FROM debian:12 AS a\nCMD bash\nRUN foo\nFROM debian:12 AS b\nCMD another\n', name: 'one per stage' },
    { code: 'FROM debian:12\nCMD ["a"]\nONBUILD CMD ["b"]\n', name: 'ONBUILD is ignored' },
    { code: 'FROM debian:12\nENTRYPOINT ["a"]\nCMD ["b"]\n', name: 'ENTRYPOINT is not CMD' },
  ],
  invalid: [
    { code: 'FROM debian:12\nCMD bash\nRUN foo\nCMD another\n', errors: [{ line: 4, column: 1, message }] },
    {
      code: 'FROM debian:12 AS a\nCMD a\nCMD b\nFROM debian:12 AS b\nCMD c\nCMD d\nCMD e\n',
      errors: [
        { line: 3, message },
        { line: 6, message },
        { line: 7, message },
      ],
    },
  ],
});
