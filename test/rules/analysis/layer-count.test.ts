import rule from '../../../src/rules/analysis/layer-count.js';
import { ruleTester } from '../../support/rule-tester.js';

const manyRuns = `FROM alpine:3.20\n${Array.from({ length: 21 }, (_, index) => `RUN echo ${index}\n`).join('')}ENV A=1\nLABEL b=2\nEXPOSE 80\n`;

ruleTester(rule, {
  valid: [
    `FROM alpine:3.20\n${Array.from({ length: 20 }, (_, index) => `RUN echo ${index}\n`).join('')}ENV A=1\nLABEL b=2\n`,
    { code: 'FROM alpine AS base\nRUN a\nRUN b\nFROM base\nCOPY x /x\n', options: { max: 3 }, name: 'exactly the maximum' },
  ],
  invalid: [
    { code: manyRuns, errors: [{ line: 1, message: 'Stage "0" makes 21 layers, more than the maximum of 20' }] },
    {
      code: 'FROM alpine AS base\nRUN a\nRUN b\n\nFROM base AS final\nCOPY x /x\nENV A=1\nONBUILD RUN c\n',
      options: { max: 2 },
      errors: [{ line: 5, message: 'Stage "final" makes 3 layers (1 of its own, 2 from the stages it is built on), more than the maximum of 2' }],
    },
  ],
});
