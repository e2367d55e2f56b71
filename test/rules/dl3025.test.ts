import rule from '../../src/rules/hadolint/dl3025.js';
import { ruleTester } from '../support/rule-tester.js';

const message = 'Use arguments JSON notation for CMD and ENTRYPOINT arguments';

ruleTester(rule, {
  valid: [
    'FROM node:20\nENTRYPOINT ["node", "server.js"]\nCMD ["--port", "8080"]\n',
    'FROM node:20\nCMD [ "foo", "bar" ]\n',
    'FROM node:20\nHEALTHCHECK CMD [ "curl", "-f", "http://localhost/" ]\nHEALTHCHECK NONE\n',
    { code: 'CMD [ "/bin/sh", "-c", \\\n      "echo foo && \\\n       echo bar" \\\n    ]\n', name: 'multi-line exec form' },
    { code: 'FROM node:20\nONBUILD CMD npm start\n', name: 'ONBUILD is ignored' },
    { code: 'FROM node:20\nRUN npm ci\n', name: 'RUN shell form is fine' },
  ],
  invalid: [
    { code: 'FROM node:20\nENTRYPOINT node server.js\n', errors: [{ line: 2, column: 1, message }] },
    { code: 'FROM node:20\nCMD npm start\n', errors: [{ line: 2, message }] },
    { code: 'FROM node:20\nHEALTHCHECK --interval=5s CMD curl -f http://localhost/\n', errors: [{ line: 2, message }] },
    { code: "FROM node:20\nCMD ['npm', 'start']\n", errors: [{ line: 2, message }], name: 'single-quoted array' },
  ],
});
