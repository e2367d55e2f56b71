import { describe, expect, it } from 'vitest';
import rule from '../../src/rules/buildkit/maintainer-deprecated.js';
import { fixOffers } from './support.js';
import { fixTester } from '../support/fix-tester.js';

fixTester(rule, [
  {
    name: 'MAINTAINER becomes the OCI authors label',
    code: 'FROM alpine:3.19\nMAINTAINER Jane Doe <jane@example.org>\nRUN echo hi\n',
    output: 'FROM alpine:3.19\nLABEL org.opencontainers.image.authors="Jane Doe <jane@example.org>"\nRUN echo hi\n',
  },
  {
    name: 'quotes, $ and the escape character are escaped; trailing blanks go',
    code: 'FROM alpine:3.19\nMAINTAINER "Jane" $USER C:\\dev  \nRUN echo hi\n',
    output: 'FROM alpine:3.19\nLABEL org.opencontainers.image.authors="\\"Jane\\" \\$USER C:\\\\dev"\nRUN echo hi\n',
  },
  {
    name: 'backquote escape character',
    code: '# escape=`\nFROM alpine:3.19\nMAINTAINER Jane `x` C:\\dev\nRUN echo hi\n',
    output: '# escape=`\nFROM alpine:3.19\nLABEL org.opencontainers.image.authors="Jane ``x`` C:\\dev"\nRUN echo hi\n',
  },
  {
    name: 'lowercase keyword stays lowercase',
    code: 'from alpine:3.19\nmaintainer jane@example.org\nrun echo hi\n',
    output: 'from alpine:3.19\nlabel org.opencontainers.image.authors="jane@example.org"\nrun echo hi\n',
  },
]);

describe('DL4000 fix limits', () => {
  it('offers no fix before the first FROM', async () => {
    expect(await fixOffers('MAINTAINER jane\nFROM alpine:3.19\n', ['DL4000'])).toEqual(['DL4000:none']);
  });
});
