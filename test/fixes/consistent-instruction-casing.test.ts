import rule from '../../src/rules/buildkit/consistent-instruction-casing.js';
import { fixTester } from '../support/fix-tester.js';

fixTester(rule, [
  {
    name: 'minority lowercase keywords become uppercase',
    code: 'FROM alpine:3.19\nrun echo hi\nWORKDIR /app\ncopy . .\nCMD ["sh"]\n',
    output: 'FROM alpine:3.19\nRUN echo hi\nWORKDIR /app\nCOPY . .\nCMD ["sh"]\n',
  },
  {
    name: 'mixed-case keyword in a lowercase file becomes lowercase, FROM/AS follow',
    code: 'from alpine:3.19 as build\nrun echo hi\nWorkdir /app\ncmd ["sh"]\n',
    output: 'from alpine:3.19 as build\nrun echo hi\nworkdir /app\ncmd ["sh"]\n',
  },
  {
    name: 'uppercasing FROM makes its AS follow (FromAsCasing fix in the next pass)',
    code: 'from alpine:3.19 as build\nRUN echo hi\nWORKDIR /app\n\nFROM build\nCMD ["sh"]\n',
    output: 'FROM alpine:3.19 AS build\nRUN echo hi\nWORKDIR /app\n\nFROM build\nCMD ["sh"]\n',
  },
  {
    name: 'CRLF line endings are kept',
    code: 'FROM alpine:3.19\r\nrun echo hi\r\nCMD ["sh"]\r\n',
    output: 'FROM alpine:3.19\r\nRUN echo hi\r\nCMD ["sh"]\r\n',
  },
]);
