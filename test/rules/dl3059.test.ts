import rule from '../../src/rules/hadolint/dl3059.js';
import { ruleTester } from '../support/rule-tester.js';

const message = 'Multiple consecutive `RUN` instructions. Consider consolidation.';

ruleTester(rule, {
  valid: [
    'FROM debian:12\nRUN apt-get update \\\n && apt-get install -y --no-install-recommends curl\nRUN curl -fsSLO https://example.com/a.tgz\n',
    { code: 'FROM debian:12\nRUN ./configure\nWORKDIR /src\nRUN make\n', name: 'another instruction in between' },
    {
      code: 'FROM debian:12\nRUN --mount=type=secret,id=npmrc npm ci\nRUN npm run build\n',
      name: 'different mounts',
    },
    { code: 'FROM debian:12\nRUN ./configure\nONBUILD RUN make\nRUN make install\n', name: 'ONBUILD breaks the sequence' },
  ],
  invalid: [
    {
      code: 'FROM debian:12\nRUN ./configure\n# build it\nRUN make\nRUN make install\n',
      errors: [
        { line: 4, column: 1, endColumn: 4, message },
        { line: 5, column: 1, message },
      ],
      name: 'comments do not separate; the third RUN is reported too',
    },
    {
      code: 'FROM node:20\nRUN --mount=type=cache,target=/root/.npm,id=npm npm ci\nRUN --mount=id=npm,type=cache,target=/root/.npm npm test\n',
      errors: [{ line: 3, message }],
      name: 'same mount options in another order',
    },
    {
      code: 'FROM debian:12\nRUN ["./configure"]\nRUN <<EOF\nmake\nEOF\n',
      errors: [{ line: 3, message }],
      name: 'exec form and heredoc',
    },
  ],
});
