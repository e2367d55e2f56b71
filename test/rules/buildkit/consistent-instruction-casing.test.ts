import rule from '../../../src/rules/buildkit/consistent-instruction-casing.js';
import { ruleTester } from '../../support/rule-tester.js';

ruleTester(rule, {
  valid: [
    'FROM alpine\nRUN echo hello > /greeting.txt\nENTRYPOINT ["cat", "/greeting.txt"]\n',
    'from alpine\nrun echo hello\nentrypoint ["cat"]\n',
    { code: 'arg x=1\nFROM scratch\nCOPY a /a\n', name: 'global ARGs are neither counted nor checked' },
    { code: 'FROM alpine\nRUN <<EOT\nenv\nEOT\n', name: 'heredoc bodies are not instructions' },
  ],
  invalid: [
    {
      code: 'FROM alpine\ncopy app /app\nCOPY conf /conf\n',
      errors: [{ line: 2, column: 1, endColumn: 5, message: "Command 'copy' should match the case of the command majority (uppercase)" }],
    },
    {
      code: 'FROM alpine\ncopy app /app\ncopy conf /conf\n',
      errors: [{ line: 1, message: "Command 'FROM' should match the case of the command majority (lowercase)" }],
    },
    {
      code: 'From alpine\nRun echo hi\n',
      errors: [
        { line: 1, message: "Command 'From' should match the case of the command majority (uppercase)" },
        { line: 2, message: "Command 'Run' should match the case of the command majority (uppercase)" },
      ],
      name: '0:0 is a tie, and a tie means uppercase',
    },
    {
      code: 'FROM alpine\n# check=skip=ConsistentInstructionCasing\nrun echo hi\nRUN echo there\n',
      errors: [{ line: 3, message: "Command 'run' should match the case of the command majority (uppercase)" }],
      name: 'a check comment cannot skip a whole-file check',
    },
  ],
});
