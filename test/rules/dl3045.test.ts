import rule from '../../src/rules/hadolint/dl3045.js';
import { ruleTester } from '../support/rule-tester.js';

const message = '`COPY` to a relative destination without `WORKDIR` set.';

ruleTester(rule, {
  valid: [
    'FROM node:20\nCOPY package.json /app/package.json\n',
    'FROM node:20\nWORKDIR /app\nCOPY package.json .\n',
    { code: 'FROM node:20\nCOPY src.sh ${SRC_BASE}\n', name: 'variable destination' },
    { code: 'FROM node:20\nCOPY src.sh "$SRC_BASE"\n', name: 'quoted variable destination' },
    { code: 'COPY bla.sh c:\\system32\\blubb.sh\n', name: 'Windows drive with backslash' },
    { code: 'COPY bla.sh "d:/mypath/blubb.sh"\n', name: 'Windows drive with slash' },
    {
      code: 'FROM debian:12 AS base\nWORKDIR /usr\nFROM debian:12 AS other\nRUN foo\nFROM base\nCOPY foo bar\n',
      name: 'inherited from a named stage',
    },
    {
      code: 'FROM debian:12 AS base1\nWORKDIR /usr\nFROM base1 AS base2\nRUN foo\nFROM base2\nCOPY foo bar\n',
      name: 'inherited through a chain',
    },
    { code: 'WORKDIR /x\nCOPY a b\nFROM debian:12\nCOPY c /d\n', name: 'WORKDIR before FROM' },
    { code: 'FROM debian:12\nONBUILD COPY foo bar\n', name: 'ONBUILD is not checked' },
  ],
  invalid: [
    { code: 'FROM node:20\nCOPY package.json app/\n', errors: [{ line: 2, column: 19, message }] },
    { code: 'COPY bla.sh "blubb.sh"\n', errors: [{ line: 1, message }] },
    {
      code: 'FROM debian:12 AS stage1\nWORKDIR /usr\nFROM debian:12\nCOPY foo bar\n',
      errors: [{ line: 4, message }],
      name: 'WORKDIR of an unrelated stage',
    },
    {
      code: 'FROM node:20\nCOPY a b\nWORKDIR /app\nCOPY c d\n',
      errors: [{ line: 2, message }],
      name: 'WORKDIR set too late',
    },
    {
      code: 'FROM golang:1.22 AS build\nWORKDIR /src\nFROM alpine:3.20\nCOPY --from=build /src/app bin/\n',
      errors: [{ line: 4, message }],
      name: 'COPY --from counts too',
    },
    {
      code: 'FROM debian:12\nWORKDIR /srv\nFROM debian:12\nCOPY a b\n',
      errors: [{ line: 4, message }],
      name: 'an unnamed stage with the same image does not pass its WORKDIR on (unlike hadolint)',
    },
  ],
});
