import rule from '../../../src/rules/buildkit/workdir-relative-path.js';
import { ruleTester } from '../../support/rule-tester.js';

const relative = (path: string): string => `Relative workdir "${path}" can have unexpected results if the base image changes`;

ruleTester(rule, {
  valid: [
    'FROM alpine\nWORKDIR /app\nWORKDIR sub\n',
    { code: 'FROM alpine AS a\nWORKDIR /app\n\nFROM a AS b\nWORKDIR subdir/\n', name: 'a parent stage WORKDIR counts' },
    { code: 'FROM alpine\nENV DIR=/app\nWORKDIR $DIR\n', name: 'checked after expansion' },
    {
      code: '# escape=`\nFROM mcr.microsoft.com/windows/servercore:ltsc2022\nWORKDIR C:\\app\n',
      name: 'Windows drive path',
    },
    { code: 'FROM mcr.microsoft.com/windows/servercore:ltsc2022\nWORKDIR C:/app\n', name: 'Windows drive path, slash' },
    { code: 'FROM alpine\n# check=skip=WorkdirRelativePath\nWORKDIR app/\n', name: 'check comment' },
  ],
  invalid: [
    { code: 'FROM alpine\nWORKDIR app\nWORKDIR sub\nWORKDIR /abs\n', errors: [{ line: 2, message: relative('app') }] },
    { code: 'FROM alpine\nWORKDIR ~/app\n', errors: [{ line: 2, message: relative('~/app') }] },
    { code: 'FROM alpine\nENV DIR=app\nWORKDIR "$DIR/src"\n', errors: [{ line: 3, message: relative('app/src') }] },
    {
      code: 'FROM alpine AS a\nRUN true\n\nFROM a AS b\nWORKDIR rel\n',
      errors: [{ line: 5, message: relative('rel') }],
      name: 'the first WORKDIR of the lineage',
    },
  ],
});
