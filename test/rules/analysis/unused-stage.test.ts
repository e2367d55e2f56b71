import rule from '../../../src/rules/analysis/unused-stage.js';
import { ruleTester } from '../../support/rule-tester.js';

ruleTester(rule, {
  valid: [
    'FROM golang:1.22 AS build\nRUN go build -o /app .\nFROM alpine\nCOPY --from=build /app /app\n',
    { code: 'FROM alpine AS tools\nRUN apk add git\nFROM tools AS base\nFROM base\n', name: 'FROM chains' },
    { code: 'FROM golang:1.22 AS cache\nFROM golang:1.22\nRUN --mount=type=cache,from=cache,target=/root/.cache go build\n', name: 'RUN --mount from=' },
    { code: 'FROM alpine AS build\nFROM scratch\nCOPY --from=0 /bin/sh /sh\n', name: 'COPY --from by index' },
    { code: 'FROM alpine AS runc-linux\nFROM alpine AS runc-windows\nFROM runc-${TARGETOS} AS runc\nFROM alpine\nCOPY --from=runc /x /x\n', name: 'a stage picked by a variable' },
  ],
  invalid: [
    {
      code: 'FROM golang:1.22 AS build\nRUN go build -o /app .\nFROM golang:1.22 AS test\nRUN go test ./...\nFROM alpine\nCOPY --from=build /app /app\n',
      errors: [{ line: 3, column: 21, message: 'Stage "test" is not used by the final stage "2" nor by any stage it needs; it is built only with --target' }],
    },
  ],
});
