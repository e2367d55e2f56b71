import rule from '../../../src/rules/analysis/unused-stage.js';
import { ruleTester } from '../../support/rule-tester.js';

ruleTester(rule, {
  valid: [
    'FROM golang:1.22 AS build\nRUN go build -o /app .\nFROM alpine\nCOPY --from=build /app /app\n',
    { code: 'FROM alpine AS tools\nRUN apk add git\nFROM tools AS base\nFROM base\n', name: 'FROM chains' },
    { code: 'FROM golang:1.22 AS cache\nFROM golang:1.22\nRUN --mount=type=cache,from=cache,target=/root/.cache go build\n', name: 'RUN --mount from=' },
    { code: 'FROM alpine AS build\nFROM scratch\nCOPY --from=0 /bin/sh /sh\n', name: 'COPY --from by index' },
    { code: 'FROM alpine AS runc-linux\nFROM alpine AS runc-windows\nFROM runc-${TARGETOS} AS runc\nFROM alpine\nCOPY --from=runc /x /x\n', name: 'a stage picked by a variable' },
    { code: 'FROM alpine AS web-1.2-slim\nFROM alpine\nCOPY --from=web-${V}.${M}-slim /a /a\n', name: 'several literal parts in order' },
    { code: 'FROM golang:1.22 AS build\nFROM build AS Prod\n', target: 'PROD', name: '--target names its stage whatever the case' },
    {
      // Each variable FROM may name every stage before it: 12.5 million dependencies, which took
      // 10 s and 1.6 GB when the graph listed them (the rule needs only what is reachable).
      code: Array.from({ length: 5_000 }, (_, index) => `FROM $BASE AS s${index}\n`).join(''),
      name: '5,000 distinct stages, each picked by a variable',
    },
    {
      code: Array.from({ length: 5_000 }, (_, index) => `FROM alpine AS s${index}\nCOPY --from=s\${X} /a /a\n`).join(''),
      name: '5,000 distinct stages, each copying from a variable stage',
    },
    {
      code: 'FROM alpine AS a\nFROM alpine AS b\n',
      target: 'nope',
      name: 'a --target no stage has: the build stops before any stage, so none is called unused (the parse error says why)',
    },
  ],
  invalid: [
    {
      // Literal parts must fit in order; found by the adversarial test, which once crashed here by
      // building a regular expression from a 1 MB FROM.
      code: 'FROM alpine AS tools-linux\nFROM alpine AS web\nFROM tools-${TARGETOS}-x AS t\nCOPY --from=web${SUFFIX}.${X} /a /a\n',
      errors: [
        { line: 1, message: 'Stage "tools-linux" is not used by the final stage "t" nor by any stage it needs; it is built only with --target' },
        { line: 2, message: 'Stage "web" is not used by the final stage "t" nor by any stage it needs; it is built only with --target' },
      ],
      name: 'a variable stage name whose literal parts do not fit',
    },
    {
      code: 'FROM alpine AS base\nFROM alpine AS base\nFROM $X AS other\nFROM base\n',
      errors: [
        { line: 2, message: 'Stage "base" is not used by the final stage "3" nor by any stage it needs; it is built only with --target' },
        { line: 3, message: 'Stage "other" is not used by the final stage "3" nor by any stage it needs; it is built only with --target' },
      ],
      name: 'a name is its first stage: a second stage of that name is never picked, by name or by a variable',
    },
    {
      code: `FROM alpine AS base\n${'FROM $BASE AS base\n'.repeat(4_000)}FROM base\n`,
      errors: Array.from({ length: 4_000 }, (_, index) => ({
        line: index + 2,
        message: 'Stage "base" is not used by the final stage "4001" nor by any stage it needs; it is built only with --target',
      })),
      name: '4,000 stages of one name picked by a variable (a fuzzer-made file of 5,000 took 4 s)',
    },
    {
      code: 'FROM golang:1.22 AS build\nFROM build AS test\nRUN go test ./...\nFROM alpine AS prod\nCOPY --from=build /app /app\n',
      target: 'Test',
      errors: [{ line: 4, message: 'Stage "prod" is not used by the target stage "test" nor by any stage it needs; it is not built with --target Test' }],
      name: 'with --target, the last stage is unused when the target does not need it',
    },
    {
      code: 'FROM golang:1.22 AS build\nRUN go build -o /app .\nFROM golang:1.22 AS test\nRUN go test ./...\nFROM alpine\nCOPY --from=build /app /app\n',
      errors: [{ line: 3, column: 21, message: 'Stage "test" is not used by the final stage "2" nor by any stage it needs; it is built only with --target' }],
    },
  ],
});
