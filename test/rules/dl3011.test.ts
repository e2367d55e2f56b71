import rule from '../../src/rules/hadolint/dl3011.js';
import { ruleTester } from '../support/rule-tester.js';

const message = 'Valid UNIX ports range from 0 to 65535';

ruleTester(rule, {
  valid: [
    'FROM nginx:1.27\nEXPOSE 80 443/tcp 65535\n',
    'FROM nginx:1.27\nEXPOSE 40000-60000/udp\n',
    { code: 'FROM nginx:1.27\nEXPOSE ${PORT}\n', name: 'variable port' },
    { code: 'FROM nginx:1.27\nEXPOSE 40000-${END}\n', name: 'variable range bound' },
    { code: 'FROM nginx:1.27\nEXPOSE $PORT/tcp 8080\n', name: 'variable with protocol' },
  ],
  invalid: [
    { code: 'FROM nginx:1.27\nEXPOSE 80 80000\n', errors: [{ line: 2, column: 11, endColumn: 16, message }] },
    { code: 'EXPOSE 65536/udp\n', errors: [{ line: 1, message }] },
    { code: 'FROM nginx:1.27\nEXPOSE 40000-80000/tcp\n', errors: [{ line: 2, column: 8, message }] },
    {
      code: 'FROM nginx:1.27\nEXPOSE 70000 \\\n  80000\n',
      errors: [{ line: 2, message }],
      name: 'one finding per instruction',
    },
  ],
});
