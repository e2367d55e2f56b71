import rule from '../../src/rules/hadolint/dl3012.js';
import { ruleTester } from '../support/rule-tester.js';

const message = 'Multiple `HEALTHCHECK` instructions';

ruleTester(rule, {
  valid: [
    'FROM nginx:1.27\nHEALTHCHECK CMD curl -f http://localhost/ || exit 1\n',
    {
      code: 'FROM nginx:1.27 AS a\nHEALTHCHECK CMD /bin/a\nFROM nginx:1.27 AS b\nHEALTHCHECK CMD /bin/b\n',
      name: 'one per stage',
    },
    { code: 'FROM nginx:1.27\nHEALTHCHECK CMD /bin/a\nONBUILD HEALTHCHECK NONE\n', name: 'ONBUILD is ignored' },
  ],
  invalid: [
    {
      code: 'FROM nginx:1.27\nHEALTHCHECK CMD /bin/a\nRUN true\nHEALTHCHECK CMD /bin/b\n',
      errors: [{ line: 4, column: 1, message }],
    },
    {
      code: 'FROM nginx:1.27\nHEALTHCHECK NONE\nHEALTHCHECK CMD ["/bin/true"]\nHEALTHCHECK NONE\n',
      errors: [
        { line: 3, message },
        { line: 4, message },
      ],
      name: 'NONE counts and every extra one is reported',
    },
  ],
});
