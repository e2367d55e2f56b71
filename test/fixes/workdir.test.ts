import { describe, expect, it } from 'vitest';
import dl3000 from '../../src/rules/hadolint/dl3000.js';
import workdirRelativePath from '../../src/rules/buildkit/workdir-relative-path.js';
import { fixOffers } from './support.js';
import { fixTester } from '../support/fix-tester.js';

fixTester(dl3000, [
  {
    name: 'relative to an earlier WORKDIR, joined and cleaned',
    code: 'FROM alpine:3.19\nWORKDIR /srv/app/\nWORKDIR src\nWORKDIR "../lib/./x"\nCMD ["sh"]\n',
    output: 'FROM alpine:3.19\nWORKDIR /srv/app/\nWORKDIR /srv/app/src\nWORKDIR /srv/app/lib/x\nCMD ["sh"]\n',
  },
  {
    name: 'the base comes from the parent stage',
    code: 'FROM alpine:3.19 AS base\nWORKDIR /app\n\nFROM base\nWORKDIR build\nCMD ["sh"]\n',
    output: 'FROM alpine:3.19 AS base\nWORKDIR /app\n\nFROM base\nWORKDIR /app/build\nCMD ["sh"]\n',
  },
]);

fixTester(workdirRelativePath, [
  {
    name: 'scratch starts at /',
    code: 'FROM scratch\nWORKDIR app\nCOPY hello /app/hello\n',
    output: 'FROM scratch\nWORKDIR /app\nCOPY hello /app/hello\n',
  },
]);

describe('WORKDIR fix limits', () => {
  const fixes = (code: string): Promise<string[]> => fixOffers(code, ['DL3000', 'WorkdirRelativePath']);
  it('does not guess the base image working directory', async () => {
    expect(await fixes('FROM golang:1.22\nWORKDIR src\n')).toEqual(['DL3000:none', 'workdir-relative-path:none']);
  });
  it('does not build on a WORKDIR with a variable', async () => {
    // `$HOME` is unset here, so WorkdirRelativePath flags the first WORKDIR too; neither is fixable.
    expect(await fixes('FROM alpine:3.19\nWORKDIR $HOME\nWORKDIR src\n')).toEqual(['workdir-relative-path:none', 'DL3000:none']);
  });
  it('a new unrelated stage starts unknown again', async () => {
    const code = 'FROM alpine:3.19\nWORKDIR /app\nFROM alpine:3.19\nWORKDIR /x\nWORKDIR y\nFROM debian:12\nWORKDIR y\n';
    expect(await fixes(code)).toEqual(['DL3000:safe', 'DL3000:none', 'workdir-relative-path:none']);
  });
});
