import rule from '../../../src/rules/analysis/context-size.js';
import { ruleTester } from '../../support/rule-tester.js';
import { fixtureContext } from './context-fixture.js';

const MiB = 1024 * 1024;
// Sparse files: 150 MiB sent, 500 MiB excluded by the fixture's .dockerignore (`data/ignored.bin`).
const large = fixtureContext('context-size/app', {
  'data/big.bin': { sparseBytes: 150 * MiB },
  'data/ignored.bin': { sparseBytes: 500 * MiB },
}).context;
const small = fixtureContext('context-size/app').context;

ruleTester(rule, {
  valid: [
    { code: 'FROM alpine\nCOPY . /app\n', buildContext: small, name: 'small context, default maximum' },
    { code: 'FROM alpine\nCOPY . /app\n', buildContext: large, options: { max: 200 * MiB }, name: 'under a raised maximum; excluded bytes do not count' },
  ],
  invalid: [
    {
      code: 'FROM alpine\nCOPY . /app\n',
      buildContext: large,
      errors: [
        {
          line: 1,
          message: 'The build context is 150.0 MiB (3 files) after .dockerignore, more than the maximum of 100.0 MiB; largest folders: data 150.0 MiB, src 6 B',
        },
      ],
    },
    {
      code: 'FROM alpine\nCOPY . /app\n',
      buildContext: small,
      options: { max: 10 },
      errors: [{ line: 1, message: 'The build context is 23 B (2 files) after .dockerignore, more than the maximum of 10 B; largest folders: src 6 B' }],
    },
  ],
});
