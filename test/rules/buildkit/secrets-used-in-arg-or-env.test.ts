import rule from '../../../src/rules/buildkit/secrets-used-in-arg-or-env.js';
import { ruleTester } from '../../support/rule-tester.js';

const secret = (kind: string, name: string): string =>
  `Do not use ARG or ENV instructions for sensitive data (${kind} "${name}")`;

ruleTester(rule, {
  valid: [
    'FROM alpine\nENV PUBLIC_KEY= sunflower=foo\nARG SECRET_PASSPHRASE_FILE\nARG AUTH_MODULE_VERSION\n',
    { code: 'FROM alpine\nENV TOKENIZER=x MY-TOKEN=y apikeys=z\n', name: 'whole words only' },
    { code: 'ARG GITHUB_TOKEN\nFROM alpine\n', name: 'global ARGs are never checked' },
    { code: 'FROM alpine\n# check=skip=SecretsUsedInArgOrEnv // allowed\nENV password=bar\n', name: 'check comment' },
  ],
  invalid: [
    {
      code: 'FROM alpine\nARG AWS_ACCESS_KEY_ID\nENV password=bar secret=baz\n',
      errors: [
        { line: 2, message: secret('ARG', 'AWS_ACCESS_KEY_ID') },
        { line: 3, message: secret('ENV', 'password') },
        { line: 3, message: secret('ENV', 'secret') },
      ],
    },
    { code: 'FROM alpine\nENV secret value\n', errors: [{ line: 2, message: secret('ENV', 'secret') }] },
    {
      code: 'FROM alpine\nARG NAME=API\nENV ${NAME}_TOKEN=x\n',
      errors: [{ line: 3, message: secret('ENV', 'API_TOKEN') }],
      name: 'ENV keys are checked after expansion',
    },
  ],
});
