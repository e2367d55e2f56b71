import rule from '../../src/rules/hadolint/dl3048.js';
import { ruleTester } from '../support/rule-tester.js';

const message = 'Invalid label key.';

ruleTester(rule, {
  valid: [
    [
      'FROM alpine:3.20',
      'LABEL org.opencontainers.image.title="api" \\',
      '      org.opencontainers.image.version="1.4.2" \\',
      '      maintainer="ops@example.com"',
      'RUN echo ok',
    ].join('\n') + '\n',
    { code: 'FROM alpine:3.20\nLABEL com.example.build-number=42 version2=x a=1\n', name: 'digits, dashes, one-letter keys' },
    { code: 'FROM alpine:3.20\nLABEL my.label/with_underscore="x"\n', name: 'underscore and slash are accepted (current hadolint)' },
    { code: 'FROM alpine:3.20\nONBUILD LABEL Bad_Key=x\n', name: 'ONBUILD LABEL is not checked (hadolint)' },
    { code: 'FROM alpine:3.20\nENV Bad_Key=x\n', name: 'ENV keys are not labels' },
  ],
  invalid: [
    {
      code: 'FROM alpine:3.20\nLABEL Maintainer="ops@example.com"\n',
      errors: [{ line: 2, column: 7, endColumn: 17, message }],
      name: 'upper-case letters',
    },
    {
      code: 'FROM alpine:3.20\nLABEL ok.key=1 com.docker.thing=2 io.docker.other=3\n',
      errors: [{ line: 2, column: 16, message }],
      name: 'reserved namespace, one finding per instruction at the first bad key',
    },
    { code: 'LABEL org.dockerproject.x=1\n', errors: [{ line: 1, message }], name: 'org.dockerproject. namespace' },
    { code: 'FROM alpine:3.20\nLABEL 1st.label=x\n', errors: [{ line: 2, message }], name: 'starts with a digit' },
    { code: 'FROM alpine:3.20\nLABEL label.=x\n', errors: [{ line: 2, message }], name: 'ends with a period' },
    { code: 'FROM alpine:3.20\nLABEL a..b=x\n', errors: [{ line: 2, message }], name: 'consecutive periods' },
    { code: 'FROM alpine:3.20\nLABEL a--b=x\n', errors: [{ line: 2, message }], name: 'consecutive dashes' },
    { code: 'FROM alpine:3.20\nLABEL build$id=x\n', errors: [{ line: 2, message }], name: 'illegal character' },
    {
      code: 'FROM alpine:3.20\nLABEL ok=1 \\\n      Bad=2\nLABEL Worse=3\n',
      errors: [
        { line: 2, message },
        { line: 4, message },
      ],
      name: 'continuation lines report at the instruction line; each LABEL reports',
    },
  ],
});
