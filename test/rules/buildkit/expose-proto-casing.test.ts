import rule from '../../../src/rules/buildkit/expose-proto-casing.js';
import { ruleTester } from '../../support/rule-tester.js';

const casing = (port: string): string => `Defined protocol '${port}' in EXPOSE instruction should be lowercase`;

ruleTester(rule, {
  valid: [
    'FROM alpine\nEXPOSE 80 443/tcp 53/udp 132/sctp 7000-7010/udp\n',
    { code: 'FROM alpine\n# check=skip=ExposeProtoCasing\nEXPOSE 80/TCP\n', name: 'check comment' },
  ],
  invalid: [
    {
      code: 'FROM alpine\nEXPOSE 80/TcP 8080/TCP 8080/udp\n',
      errors: [
        { line: 2, message: casing('80/TcP') },
        { line: 2, message: casing('8080/TCP') },
      ],
    },
    { code: 'FROM alpine\nENV P=8080/TCP\nEXPOSE $P\n', errors: [{ line: 3, message: casing('8080/TCP') }], name: 'expanded' },
  ],
});
