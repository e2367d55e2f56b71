import rule from '../../src/rules/hadolint/dl3067.js';
import { ruleTester } from '../support/rule-tester.js';

const message = 'Do not copy an entire filesystem from another stage';

ruleTester(rule, {
  valid: [
    'FROM debian:12 AS build\nFROM scratch\nCOPY --from=build /app /\n',
    'FROM debian:12 AS build\nFROM scratch\nCOPY --from=build / /app\n',
    { code: 'FROM scratch\nCOPY / /\n', name: 'no --from' },
    { code: 'FROM scratch\nADD rootfs.tar /\n', name: 'ADD' },
  ],
  invalid: [
    { code: 'FROM debian:12 AS build\nFROM scratch\nCOPY --from=build / /\n', errors: [{ line: 3, column: 1, message }] },
    { code: 'COPY --from=build "/" "/"\n', errors: [{ line: 1, message }], name: 'quoted' },
    { code: 'FROM scratch\nCOPY --link --from=0 /etc / /\n', errors: [{ line: 2, message }], name: 'any source is /' },
  ],
});
