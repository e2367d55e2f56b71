import rule from '../../src/rules/hadolint/dl3022.js';
import { ruleTester } from '../support/rule-tester.js';

const message = '`COPY --from` should reference a previously defined `FROM` alias';

ruleTester(rule, {
  valid: [
    'FROM golang:1.22 AS build\nRUN go build -o /out/app\nFROM alpine:3.20\nCOPY --from=build /out/app /app\n',
    { code: 'FROM alpine:3.20\nCOPY --from=nginx:1.27 /etc/nginx /etc/nginx\n', name: 'external image with a tag' },
    { code: 'FROM golang:1.22\nRUN go build\nFROM alpine:3.20\nCOPY --from=0 /out /out\n', name: 'stage index' },
    { code: 'FROM alpine:3.20\nCOPY app /app\n', name: 'no --from' },
  ],
  invalid: [
    { code: 'FROM alpine:3.20\nCOPY --from=build /out /app\n', errors: [{ line: 2, column: 6, endColumn: 18, message }] },
    {
      code: 'FROM alpine:3.20\nCOPY --from=build foo .\nFROM node:20 AS build\nRUN true\n',
      errors: [{ line: 2, message }],
      name: 'stage declared later',
    },
    { code: 'COPY --from=0 bar .\n', errors: [{ line: 1, message }], name: 'index before any FROM' },
    { code: 'FROM golang:1.22\nCOPY --from=1 /a /b\n', errors: [{ line: 2, message }], name: 'index not yet declared' },
    {
      code: 'FROM golang:1.22 AS Build\nFROM alpine:3.20\nCOPY --from=build /a /b\n',
      errors: [{ line: 3, message }],
      name: 'compared case-sensitively as hadolint does',
    },
    { code: 'FROM alpine:3.20\nCOPY --from=nginx /etc/nginx /etc/nginx\n', errors: [{ line: 2, message }], name: 'untagged image' },
  ],
});
