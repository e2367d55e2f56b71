import rule from '../../../src/rules/buildkit/json-args-recommended.js';
import { ruleTester } from '../../support/rule-tester.js';

const cmd = 'JSON arguments recommended for CMD to prevent unintended behavior related to OS signals';
const entrypoint = 'JSON arguments recommended for ENTRYPOINT to prevent unintended behavior related to OS signals';

ruleTester(rule, {
  valid: [
    'FROM alpine\nENTRYPOINT ["my-program", "start"]\nCMD ["--verbose"]\n',
    'FROM alpine\nCMD [ "a", "b" ]\n',
    'FROM alpine\nCMD []\n',
    'FROM alpine\nRUN echo hi\nHEALTHCHECK CMD curl -f http://localhost/\n',
    { code: 'FROM alpine\nSHELL ["/bin/bash", "-c"]\nENTRYPOINT echo "hello world"\n', name: 'SHELL in the stage' },
    { code: 'FROM alpine AS base\nSHELL ["/bin/bash", "-c"]\n\nFROM base\nCMD echo hi\n', name: 'SHELL in a parent stage' },
    { code: 'FROM alpine\n# check=skip=JSONArgsRecommended\nCMD echo hi\n', name: 'per-instruction check comment' },
    { code: 'FROM alpine\n# check=skip=JSONArgsRecommended\n\nCMD echo hi\n', name: 'a blank line does not detach the comment' },
    { code: '# check=skip=JSONArgsRecommended\nFROM alpine\nCMD echo hi\n', name: 'file directive' },
    { code: '# CHECK = skip=JSONArgsRecommended // reason\nFROM alpine\nCMD echo hi\n', name: 'directive key case and trailing text' },
    { code: 'FROM alpine\nCMD echo hi\n', buildArgs: { BUILDKIT_DOCKERFILE_CHECK: 'skip=JSONArgsRecommended' }, name: 'build arg' },
  ],
  invalid: [
    { code: 'FROM alpine\nCMD \\\n  echo hi\n', errors: [{ line: 2, column: 1, message: cmd }] },
    { code: 'FROM alpine\nENTRYPOINT my-program start\n', errors: [{ line: 2, message: entrypoint }] },
    {
      code: 'FROM alpine\ncmd echo hi\n',
      errors: [{ line: 2, message: 'JSON arguments recommended for cmd to prevent unintended behavior related to OS signals' }],
    },
    { code: "FROM alpine\nCMD ['echo','single quotes are invalid JSON']\n", errors: [{ line: 2, message: cmd }] },
    {
      code: 'FROM alpine\n# check=skip=JSONArgsRecommended\n#\nCMD echo hi\n',
      errors: [{ line: 4, message: cmd }],
      name: 'a bare # line clears the comment block',
    },
    {
      code: 'FROM alpine\n    # check=skip=JSONArgsRecommended\nCMD echo hi\n',
      errors: [{ line: 3, message: cmd }],
      name: 'an indented check comment is not recognised',
    },
    {
      code: '# hello\n# check=skip=JSONArgsRecommended\nFROM alpine\nCMD echo hi\n',
      errors: [{ line: 4, message: cmd }],
      name: 'after a plain comment it is the FROM check comment only',
    },
    {
      code: 'FROM alpine\n# check=skip=all;error=true\nCMD echo hi\nENTRYPOINT echo there\n',
      errors: [{ line: 4, message: entrypoint }],
      name: 'a check comment is local to its instruction',
    },
    {
      code: '# check=skip=jsonargsrecommended\nFROM alpine\nCMD echo hi\n',
      errors: [{ line: 3, message: cmd }],
      name: 'check names are case-sensitive',
    },
    {
      code: '# check=skip=all\nFROM alpine\nCMD echo hi\n',
      buildArgs: { BUILDKIT_DOCKERFILE_CHECK: '' },
      errors: [{ line: 3, message: cmd }],
      name: 'an empty BUILDKIT_DOCKERFILE_CHECK replaces the directive',
    },
  ],
});
