import rule from '../../../src/rules/buildkit/undefined-var.js';
import { ruleTester } from '../../support/rule-tester.js';

const undefinedVariable = (name: string, suggestion?: string): string =>
  `Usage of undefined variable '$${name}'${suggestion ? ` (did you mean $${suggestion}?)` : ''}`;

ruleTester(rule, {
  valid: [
    { code: 'FROM alpine\nARG foo\nCOPY Dockerfile${foo} .\n', name: 'declared ARG without a value' },
    { code: 'FROM alpine AS base\nARG foo\n\nFROM base\nCOPY $foo .\n', name: 'declared in a parent stage' },
    { code: 'FROM alpine\nRUN echo $foo\nCMD echo $foo\n', name: 'RUN and CMD are left to the shell' },
    { code: "FROM alpine\nENV a='$foo' b=\\$foo\n", name: 'single quotes and escapes' },
    { code: "FROM alpine\nCOPY <<'EOF' /greeting\nhello $name\nEOF\n", name: 'quoted heredoc delimiter' },
    { code: 'FROM alpine\nENV PATH=$PATH:/app/bin\n', name: 'PATH is always defined' },
    { code: 'FROM alpine\nEXPOSE $PORT\n', name: 'EXPOSE is not reported' },
    { code: 'ARG foo=bar\nFROM alpine\nARG foo\nCOPY $foo .\n', name: 're-declared global ARG' },
    { code: 'FROM alpine\nCOPY $foo .\n', buildArgs: { BUILDKIT_DOCKERFILE_CHECK: 'skip=UndefinedVar' }, name: 'skipped' },
  ],
  invalid: [
    {
      code: 'ARG foo=bar\nFROM alpine\nCOPY $foo .\n',
      errors: [{ line: 3, message: undefinedVariable('foo') }],
      name: 'a global ARG is not visible in a stage',
    },
    {
      code: 'FROM alpine\nCOPY $foo /$foo/\n',
      errors: [
        { line: 2, message: undefinedVariable('foo') },
        { line: 2, message: undefinedVariable('foo') },
      ],
      name: 'one finding per expanded word',
    },
    {
      code: 'FROM alpine\nARG DIR_ASSETS=assets/\nCOPY ${DIR_ASSET:-x} .\n',
      errors: [{ line: 3, message: undefinedVariable('DIR_ASSET', 'DIR_ASSETS') }],
    },
    { code: 'FROM alpine\nENV PATH=$PAHT:/app/bin\n', errors: [{ line: 2, message: undefinedVariable('PAHT', 'PATH') }] },
    { code: 'FROM alpine\nCOPY <<EOF /greeting\nhello $name\nEOF\n', errors: [{ line: 2, message: undefinedVariable('name') }] },
    { code: 'FROM alpine\nARG VERSION=$foo\n', errors: [{ line: 2, message: undefinedVariable('foo') }] },
    {
      code: 'FROM alpine\nENV A=1 B=$A\n',
      errors: [{ line: 2, message: undefinedVariable('A') }],
      name: 'ENV values are expanded before the ENV applies',
    },
    {
      code: 'FROM alpine\nRUN --mount=type=cache,target=$CACHE_DIR make\nUSER $APP_USER\n',
      errors: [
        { line: 2, message: undefinedVariable('CACHE_DIR') },
        { line: 3, message: undefinedVariable('APP_USER') },
      ],
    },
  ],
});
