import { applyPatch, createTwoFilesPatch, parsePatch } from 'diff';
import { describe, expect, it } from 'vitest';
import { unifiedDiff } from '../../src/cli/unified-diff.js';

const numbered = (count: number, make: (index: number) => string, eol = '\n') =>
  Array.from({ length: count }, (_, index) => make(index) + eol).join('');

describe('unifiedDiff', () => {
  it('is the minimal diff jsdiff prints while the edits are few', () => {
    const before = 'FROM alpine\nMAINTAINER me\nRUN apk add curl\nCMD sh';
    const after = 'FROM alpine\nLABEL maintainer="me"\nRUN apk add --no-cache curl\nCMD sh\n';
    expect(unifiedDiff('a/Dockerfile', 'b/Dockerfile', before, after)).toBe(
      createTwoFilesPatch('a/Dockerfile', 'b/Dockerfile', before, after),
    );
  });

  it('past the edit limit, is one hunk between the shared first and last lines that still applies', () => {
    // 60 blocks of 10 changed lines 10 shared lines apart: 1,200 added plus removed lines, which
    // the minimal diff would print as 60 hunks.
    const shared = (block: number) => numbered(10, (index) => `# shared ${block}.${index}`);
    const blocks = (line: (block: number, index: number) => string) =>
      Array.from({ length: 60 }, (_, block) => shared(block) + numbered(10, (index) => line(block, index))).join('');
    const before = blocks((block, index) => `MAINTAINER m${block}.${index}`) + shared(60);
    const after = blocks((block, index) => `LABEL maintainer="m${block}.${index}"`) + shared(60);
    const diff = unifiedDiff('a/Dockerfile', 'b/Dockerfile', before, after);
    const [patch] = parsePatch(diff);
    expect(patch!.oldFileName).toBe('a/Dockerfile');
    expect(patch!.newFileName).toBe('b/Dockerfile');
    expect(patch!.hunks).toHaveLength(1);
    expect(patch!.hunks[0]).toMatchObject({ oldStart: 7, oldLines: 1198, newStart: 7, newLines: 1198 });
    expect(applyPatch(before, diff)).toBe(after);
  });

  it('past the edit limit, marks a last line without a newline and keeps CRLF lines intact', () => {
    const before = `FROM a\r\n${numbered(1100, (index) => `ENV k${index} v`, '\r\n')}CMD x`;
    const after = `FROM a\r\n${numbered(1100, (index) => `ENV k${index}=v`, '\r\n')}CMD x\r\n`;
    const diff = unifiedDiff('a/Dockerfile', 'b/Dockerfile', before, after);
    expect(diff).toContain('-CMD x\n\\ No newline at end of file\n+ENV k0=v\r\n');
    expect(diff.endsWith('+ENV k1099=v\r\n+CMD x\r\n')).toBe(true);
    expect(diff.startsWith('===================================================================\n--- a/Dockerfile\n+++ b/Dockerfile\n@@ -1,1102 +1,1102 @@\n FROM a\r\n')).toBe(true);
    expect(applyPatch(before, diff)).toBe(after);
  });

  it('past the edit limit, handles one side being empty', () => {
    const after = numbered(1500, (index) => `RUN echo ${index}`);
    const diff = unifiedDiff('a/Dockerfile', 'b/Dockerfile', '', after);
    expect(diff).toContain('@@ -0,0 +1,1500 @@\n');
    expect(applyPatch('', diff)).toBe(after);
  });
});
