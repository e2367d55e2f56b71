import rule from '../../src/rules/hadolint/dl3003.js';
import { ruleTester } from '../support/rule-tester.js';

const message = 'Use WORKDIR to switch to a directory';

ruleTester(rule, {
  valid: [
    'FROM golang:1.22\nWORKDIR /src\nRUN git clone https://example.com/app.git . \\\n && make -C /src install\n',
    { code: 'FROM debian:12\nRUN echo cd /tmp > /notes\n', name: 'cd as an argument' },
    { code: 'FROM debian:12\nONBUILD RUN cd /app && make\n', name: 'ONBUILD RUN is not checked (hadolint)' },
  ],
  invalid: [
    {
      code: 'FROM golang:1.22\nRUN git clone https://example.com/app.git /src \\\n && cd /src \\\n && make install\n',
      errors: [{ line: 2, column: 1, message }],
    },
    {
      code: 'FROM golang:1.22\nRUN git clone https://example.com/app.git /src \\\n && cd /src \\\n && make install\n',
      precisePositions: true,
      errors: [{ line: 3, column: 5, endColumn: 12, message }],
      name: 'precise position',
    },
    { code: 'FROM debian:12\nRUN (cd /tmp && tar xzf app.tgz)\n', errors: [{ line: 2, message }], name: 'subshell still fires' },
    {
      code: 'FROM debian:12\nRUN cd /a && make\nRUN cd /b && make\n',
      errors: [
        { line: 2, message },
        { line: 3, message },
      ],
      name: 'one finding per RUN',
    },
  ],
});
