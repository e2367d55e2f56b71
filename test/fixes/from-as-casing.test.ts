import rule from '../../src/rules/buildkit/from-as-casing.js';
import { fixTester } from '../support/fix-tester.js';

fixTester(rule, [
  {
    name: 'lowercase as after FROM',
    code: 'FROM golang:1.22 as build\nRUN go version\n\nFROM alpine:3.19\nCOPY --from=build /go/bin /usr/local/bin\n',
    output: 'FROM golang:1.22 AS build\nRUN go version\n\nFROM alpine:3.19\nCOPY --from=build /go/bin /usr/local/bin\n',
  },
  {
    name: 'uppercase AS after from, mixed As too',
    code: 'from golang:1.22 AS build\nrun go version\n\nfrom alpine:3.19 As final\ncopy --from=build /go/bin /usr/local/bin\n',
    output: 'from golang:1.22 as build\nrun go version\n\nfrom alpine:3.19 as final\ncopy --from=build /go/bin /usr/local/bin\n',
  },
]);
