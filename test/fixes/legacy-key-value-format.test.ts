import { describe, expect, it } from 'vitest';
import rule from '../../src/rules/buildkit/legacy-key-value-format.js';
import { fixOffers } from './support.js';
import { fixTester } from '../support/fix-tester.js';

fixTester(rule, [
  {
    name: 'one-word value gets an =',
    code: 'FROM alpine:3.19\nENV NODE_ENV production\nLABEL maintainer jane@example.org\nRUN echo hi\n',
    output: 'FROM alpine:3.19\nENV NODE_ENV=production\nLABEL maintainer=jane@example.org\nRUN echo hi\n',
  },
  {
    name: 'several words are quoted, their blanks and $ kept',
    code: 'FROM alpine:3.19\nENV JAVA_OPTS -Xmx1g  -Dfoo=$HOME\nRUN echo hi\n',
    output: 'FROM alpine:3.19\nENV JAVA_OPTS="-Xmx1g  -Dfoo=$HOME"\nRUN echo hi\n',
  },
  {
    name: 'a quoted single word is kept as is',
    code: 'FROM alpine:3.19\nLABEL description "a small image"\nRUN echo hi\n',
    output: 'FROM alpine:3.19\nLABEL description="a small image"\nRUN echo hi\n',
  },
  {
    name: 'a value continued on the next line',
    code: 'FROM alpine:3.19\nENV PATH_EXTRA /opt/a \\\n    /opt/b\nRUN echo hi\n',
    output: 'FROM alpine:3.19\nENV PATH_EXTRA="/opt/a \\\n    /opt/b"\nRUN echo hi\n',
  },
]);

describe('LegacyKeyValueFormat fix limits', () => {
  it('offers no fix for several words with quotes (quoting would change them)', async () => {
    expect(await fixOffers('FROM alpine:3.19\nENV GREETING "hello" world\n', ['LegacyKeyValueFormat'])).toEqual(['legacy-key-value-format:none']);
  });
});
