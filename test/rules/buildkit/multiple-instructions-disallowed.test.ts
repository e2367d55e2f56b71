import rule from '../../../src/rules/buildkit/multiple-instructions-disallowed.js';
import { ruleTester } from '../../support/rule-tester.js';

const multiple = (keyword: string): string =>
  `Multiple ${keyword} instructions should not be used in the same stage because only the last one will be used`;

ruleTester(rule, {
  valid: [
    'FROM alpine\nENTRYPOINT ["app"]\nCMD ["--help"]\nHEALTHCHECK CMD ["app", "ping"]\n',
    {
      code: 'FROM alpine AS a\nCMD ["a"]\n\nFROM a AS b\nCMD ["b"]\n',
      name: 'tracking is per stage, not inherited',
    },
    {
      code: 'FROM python:alpine\nHEALTHCHECK --interval=1s \\\n  CMD ["curl", "-f", "http://localhost:8080"]\nCMD ["python", "-m", "http.server"]\n',
      name: 'HEALTHCHECK CMD is not a CMD',
    },
    {
      code: 'FROM alpine\nCMD ["a"]\n# check=skip=MultipleInstructionsDisallowed\nCMD ["b"]\n',
      name: "the later instruction's check comment decides",
    },
  ],
  invalid: [
    {
      code: 'FROM alpine\nCMD ["a"]\nCMD ["b"]\nCMD ["c"]\n',
      errors: [
        { line: 2, message: multiple('CMD') },
        { line: 3, message: multiple('CMD') },
      ],
    },
    {
      code: 'FROM alpine\n# check=skip=MultipleInstructionsDisallowed\nCMD ["a"]\nCMD ["b"]\n',
      errors: [{ line: 3, message: multiple('CMD') }],
      name: "the earlier instruction's check comment does not skip it",
    },
    {
      code: 'FROM alpine\nHEALTHCHECK NONE\nentrypoint ["a"]\nHEALTHCHECK CMD true\nENTRYPOINT ["b"]\n',
      errors: [
        { line: 2, message: multiple('HEALTHCHECK') },
        { line: 3, message: multiple('ENTRYPOINT') },
      ],
      name: 'the message uses the later keyword as written',
    },
  ],
});
