import { describe, expect, it } from 'vitest';
import rule from '../../src/rules/hadolint/dl3014.js';
import { fixTester } from '../support/fix-tester.js';
import { fixOffers } from './support.js';

fixTester(rule, [
  {
    name: 'inserts -y after apt-get',
    code: 'FROM debian:12\nRUN apt-get update && apt-get install --no-install-recommends curl=7.88.1 \\\n    && rm -rf /var/lib/apt/lists/*\n',
    output: 'FROM debian:12\nRUN apt-get update && apt-get -y install --no-install-recommends curl=7.88.1 \\\n    && rm -rf /var/lib/apt/lists/*\n',
  },
  {
    name: 'every interactive install of the RUN, through a wrapper, keeping CRLF',
    code: 'FROM debian:12\r\nRUN apt-get update \\\r\n && exec apt-get install --no-install-recommends git=1:2.39.2 \\\r\n && apt-get -q install --no-install-recommends vim=2:9.0 \\\r\n && rm -rf /var/lib/apt/lists/*\r\n',
    output: 'FROM debian:12\r\nRUN apt-get update \\\r\n && exec apt-get -y install --no-install-recommends git=1:2.39.2 \\\r\n && apt-get -y -q install --no-install-recommends vim=2:9.0 \\\r\n && rm -rf /var/lib/apt/lists/*\r\n',
  },
  {
    name: 'ONBUILD RUN',
    code: 'FROM debian:12\nONBUILD RUN apt-get install --no-install-recommends curl=7.88.1\n',
    output: 'FROM debian:12\nONBUILD RUN apt-get -y install --no-install-recommends curl=7.88.1\n',
  },
]);

describe('DL3014 offers no fix it cannot make exactly', () => {
  it('exec form and heredoc RUNs', async () => {
    expect(await fixOffers('FROM debian:12\nRUN ["apt-get", "install", "curl"]\n', ['DL3014'])).toEqual(['DL3014:none']);
    expect(await fixOffers('FROM debian:12\nRUN <<EOF\napt-get install curl\nEOF\n', ['DL3014'])).toEqual(['DL3014:none']);
  });
});
