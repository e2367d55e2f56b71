import { describe, expect, it } from 'vitest';
import rule from '../../src/rules/hadolint/dl3059.js';
import { fixOffers } from './support.js';
import { fixTester } from '../support/fix-tester.js';

fixTester(rule, [
  {
    name: 'three RUNs become one, with the file indentation',
    code: 'FROM alpine:3.19\nRUN apk add --no-cache curl=8.5.0-r0 \\\n  && echo ok\nRUN mkdir /app\nRUN touch /app/x\n\nRUN chmod 600 /app/x\nCMD ["sh"]\n',
    output: 'FROM alpine:3.19\nRUN apk add --no-cache curl=8.5.0-r0 \\\n  && echo ok\nRUN mkdir /app && \\\n  touch /app/x && \\\n  chmod 600 /app/x\nCMD ["sh"]\n',
    unsafe: true,
  },
  {
    name: 'same mounts; CRLF and four spaces by default',
    code: 'FROM alpine:3.19\r\nRUN --mount=type=cache,target=/root/.cache mkdir /app\r\nRUN --mount=type=cache,target=/root/.cache touch /app/x\r\n',
    output: 'FROM alpine:3.19\r\nRUN --mount=type=cache,target=/root/.cache mkdir /app && \\\r\n    touch /app/x\r\n',
    unsafe: true,
  },
  {
    name: 'a clean appended to the previous RUN (DL3032) wins; the RUNs are then no longer simple',
    code: 'FROM centos:7\nRUN yum install -y httpd-2.4.6\nRUN echo hi\nRUN echo there\n',
    output: 'FROM centos:7\nRUN yum install -y httpd-2.4.6 && yum clean all\nRUN echo hi && \\\n    echo there\n',
    unsafe: true,
  },
  {
    name: 'backquote escape character',
    code: '# escape=`\nFROM mcr.microsoft.com/windows/servercore:ltsc2022\nRUN mkdir C:\\app\nRUN echo hi\n',
    output: '# escape=`\nFROM mcr.microsoft.com/windows/servercore:ltsc2022\nRUN mkdir C:\\app && `\n    echo hi\n',
    unsafe: true,
  },
]);

describe('DL3059 fix limits', () => {
  it('keeps comments and heredocs', async () => {
    expect(await fixOffers('FROM alpine:3.19\nRUN mkdir /app\n# why\nRUN touch /app/x\n', ['DL3059'])).toEqual(['DL3059:none']);
    expect(await fixOffers('FROM alpine:3.19\nRUN mkdir /app\nRUN <<EOF\ntouch /app/x\nEOF\n', ['DL3059'])).toEqual(['DL3059:none']);
    expect(await fixOffers('FROM alpine:3.19\nRUN mkdir /app # why\nRUN touch /app/x\n', ['DL3059'])).toEqual(['DL3059:none']);
  });
  it('joins with && only for a shell that has it', async () => {
    const powershell = 'FROM mcr.microsoft.com/windows/servercore:ltsc2022\nSHELL ["powershell", "-Command"]\nRUN mkdir C:\\app\nRUN echo hi\n';
    expect(await fixOffers(powershell, ['DL3059'])).toEqual(['DL3059:none']);
    const bash = 'FROM alpine:3.19\nSHELL ["/bin/bash", "-o", "pipefail", "-c"]\nRUN mkdir /app\nRUN touch /app/x\n';
    expect(await fixOffers(bash, ['DL3059'])).toEqual(['DL3059:unsafe']);
  });
});
