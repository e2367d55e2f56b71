import { describe, expect, it } from 'vitest';
import rule from '../../src/rules/hadolint/dl3020.js';
import { fixOffers } from './support.js';
import { fixTester } from '../support/fix-tester.js';

fixTester(rule, [
  {
    name: 'local file and folder',
    code: 'FROM alpine:3.19\nWORKDIR /app\nADD --chown=app:app package.json ./\nADD src/ /app/src/\n',
    output: 'FROM alpine:3.19\nWORKDIR /app\nCOPY --chown=app:app package.json ./\nCOPY src/ /app/src/\n',
  },
  {
    name: 'lowercase keyword, exec form, glob with a fixed extension',
    code: 'from alpine:3.19\nadd ["a b.txt", "/app/"]\nadd *.jar /app/lib/\n',
    output: 'from alpine:3.19\ncopy ["a b.txt", "/app/"]\ncopy *.jar /app/lib/\n',
  },
  {
    name: 'relative destination without WORKDIR: DL3045 now applies (named in the docs)',
    code: 'FROM alpine:3.19\nADD app.py app.py\n',
    output: 'FROM alpine:3.19\nCOPY app.py app.py\n',
    allowNew: ['DL3045'],
  },
]);

describe('DL3020 fix limits', () => {
  it('offers no fix when ADD does more than copy', async () => {
    expect(await fixOffers('FROM alpine:3.19\nADD --checksum=sha256:abc app.py /app/\n', ['DL3020'])).toEqual(['DL3020:none']);
    expect(await fixOffers('FROM alpine:3.19\nADD app.py https://example.org/x.txt /app/\n', ['DL3020'])).toEqual(['DL3020:none']);
    expect(await fixOffers('FROM alpine:3.19\nADD app.py vendor.tar.gz /app/\n', ['DL3020'])).toEqual(['DL3020:none']);
    expect(await fixOffers('FROM alpine:3.19\nADD app.py VENDOR.TGZ /app/\n', ['DL3020'])).toEqual(['DL3020:none']);
    expect(await fixOffers('FROM alpine:3.19\nADD app.py vendor.tar.zst /app/\n', ['DL3020'])).toEqual(['DL3020:none']);
    expect(await fixOffers('FROM alpine:3.19\nADD files/* /app/\n', ['DL3020'])).toEqual(['DL3020:none']);
    expect(await fixOffers('FROM alpine:3.19\nADD $SRC /app/\n', ['DL3020'])).toEqual(['DL3020:none']);
    expect(await fixOffers('FROM alpine:3.19\nADD a.txt b.txt /app\n', ['DL3020'])).toEqual(['DL3020:none']);
  });
});
