import rule from '../../src/rules/hadolint/dl4001.js';
import { ruleTester } from '../support/rule-tester.js';

const message = 'Either use Wget or Curl but not both';

ruleTester(rule, {
  valid: [
    'FROM debian:12\nRUN curl -fsSLo /tmp/a.tgz https://example.com/a.tgz \\\n && curl -fsSL https://example.com/b.sh | sh\n',
    {
      code: 'FROM debian:12 AS fetch\nRUN wget -q https://example.com/a.tgz\n\nFROM debian:12\nRUN curl -fsSLO https://example.com/b.tgz\n',
      name: 'different stages',
    },
    {
      code: 'FROM debian:12\nRUN wget -q https://example.com/a.tgz\nONBUILD RUN curl -fsSLO https://example.com/b.tgz\n',
      name: 'ONBUILD triggers are their own stream',
    },
  ],
  invalid: [
    {
      code: 'FROM debian:12\nRUN apt-get update \\\n && wget -q https://example.com/a.tgz \\\n && curl -fsSLO https://example.com/b.tgz\n',
      precisePositions: true,
      errors: [{ line: 3, column: 5, endColumn: 38, message }],
      name: 'both in one RUN, reported at the first download command',
    },
    {
      code: 'FROM debian:12\nRUN wget -q https://example.com/a.tgz\nRUN curl -fsSLO https://example.com/b.tgz\nRUN echo done\nRUN wget -q https://example.com/c.tgz\n',
      errors: [
        { line: 3, column: 5, message },
        { line: 5, column: 5, message },
      ],
      name: 'every later download RUN of the stage',
    },
    {
      code: 'FROM debian:12\nONBUILD RUN wget -q https://example.com/a.tgz\nONBUILD RUN curl -fsSLO https://example.com/b.tgz\n',
      errors: [{ line: 3, message }],
      name: 'ONBUILD',
    },
  ],
});
