import rule from '../../../src/rules/buildkit/expose-invalid-format.js';
import { ruleTester } from '../../support/rule-tester.js';

const invalid = (port: string): string =>
  `EXPOSE instruction should not define an IP address or host-port mapping, found '${port}'`;

ruleTester(rule, {
  valid: ['FROM alpine\nEXPOSE 80\n', 'FROM alpine\nEXPOSE 8000-8010 9000/udp\n'],
  invalid: [
    {
      code: 'FROM alpine\nEXPOSE 127.0.0.1:80:80 [::1]:8080:8080 5000:5000 8000\n',
      errors: [
        { line: 2, message: invalid('127.0.0.1:80:80') },
        { line: 2, message: invalid('[::1]:8080:8080') },
        { line: 2, message: invalid('5000:5000') },
      ],
    },
    { code: 'FROM alpine\nARG PORTS="80:80 443"\nEXPOSE $PORTS\n', errors: [{ line: 3, message: invalid('80:80') }] },
  ],
});
