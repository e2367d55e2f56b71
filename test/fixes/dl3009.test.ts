import { describe, expect, it } from 'vitest';
import rule from '../../src/rules/hadolint/dl3009.js';
import { fixTester } from '../support/fix-tester.js';
import { fixOffers } from './support.js';

const install = 'apt-get install -y --no-install-recommends curl=7.88.1';

fixTester(rule, [
  {
    name: 'appends the clean-up after the last command',
    code: `FROM debian:12\nRUN apt-get update && ${install}\n`,
    output: `FROM debian:12\nRUN apt-get update && ${install} && rm -rf /var/lib/apt/lists/*\n`,
  },
  {
    name: 'after the last continuation line',
    code: `FROM debian:12\nRUN apt-get update \\\n    && ${install} \\\n        git=1:2.39.2\nCMD ["bash"]\n`,
    output: `FROM debian:12\nRUN apt-get update \\\n    && ${install} \\\n        git=1:2.39.2 && rm -rf /var/lib/apt/lists/*\nCMD ["bash"]\n`,
  },
  {
    name: 'before a trailing semicolon',
    code: `FROM debian:12\nRUN set -eux; apt-get update; ${install};\n`,
    output: `FROM debian:12\nRUN set -eux; apt-get update; ${install} && rm -rf /var/lib/apt/lists/*;\n`,
  },
  {
    name: 'a Dockerfile comment line inside the continuation is not in the script',
    code: `FROM debian:12\nRUN apt-get update \\\n# then install\n && ${install}\n`,
    output: `FROM debian:12\nRUN apt-get update \\\n# then install\n && ${install} && rm -rf /var/lib/apt/lists/*\n`,
  },
  {
    name: 'no final newline',
    code: `FROM debian:12\nRUN apt-get update && ${install}`,
    output: `FROM debian:12\nRUN apt-get update && ${install} && rm -rf /var/lib/apt/lists/*`,
  },
]);

describe('DL3009 offers no fix where appending is not clearly right', () => {
  for (const [name, run] of [
    ['exec form', 'RUN ["apt-get", "update"]'],
    ['heredoc', 'RUN <<EOF\napt-get update\nEOF'],
    ['a shell comment at the end', `RUN apt-get update && ${install} # cleaned later`],
    ['background job at the end', 'RUN apt-get update &'],
    ['ends with exit', 'RUN apt-get update && exit 0'],
    ['PowerShell', 'SHELL ["powershell", "-Command"]\nRUN apt-get update'],
  ] as const) {
    it(name, async () => {
      expect(await fixOffers(`FROM debian:12\n${run}\n`, ['DL3009'])).toEqual(['DL3009:none']);
    });
  }
});
