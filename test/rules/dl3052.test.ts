import rule from '../../src/rules/hadolint/dl3052.js';
import { ruleTester } from '../support/rule-tester.js';

const schema = { 'label-schema': { 'org.opencontainers.image.source': 'url', 'org.opencontainers.image.url': 'url' } };
const sourceMessage = 'Label `org.opencontainers.image.source` is not a valid URL.';
const urlMessage = 'Label `org.opencontainers.image.url` is not a valid URL.';
const withSource = (value: string): string => `FROM alpine:3.20\nLABEL org.opencontainers.image.source="${value}"\n`;

ruleTester(rule, {
  valid: [
    ...[
      'https://github.com/acme/api',
      'http://example.com',
      'https://user:pw@git.example.com:8443/a/b.git?ref=main#readme',
      'git+ssh://git@github.com/acme/api.git',
      'http://[::1]:8080/',
      'http://[2001:db8::7]/x',
      'http://192.168.0.1/',
      'https://example.com/a%20b',
      'mailto:ops@example.com',
      'urn:isbn:0451450523',
      'foo:bar',
      'file:///etc/hosts',
    ].map((value) => ({ code: withSource(value), hadolintConfig: schema, name: `accepts ${value}` })),
    { code: 'FROM alpine:3.20\nLABEL homepage="example.com"\n', hadolintConfig: schema, name: 'labels outside the schema' },
    {
      code: withSource('example.com'),
      hadolintConfig: { 'label-schema': { 'org.opencontainers.image.source': 'text' } },
      name: 'a text label is not checked',
    },
  ],
  invalid: [
    ...[
      'example.com',
      'github.com/acme/api',
      '',
      'https://example.com/a b',
      'https://exa mple.com',
      'http://[::1/',
      'http://[1:2:3]/',
      'http://example.com:80a/',
      'https://example.com/ü',
      '1http://x',
      'http://x/#a#b',
    ].map((value) => ({
      code: withSource(value),
      hadolintConfig: schema,
      errors: [{ line: 2, message: sourceMessage }],
      name: `rejects ${JSON.stringify(value)}`,
    })),
    {
      code: 'FROM alpine:3.20\nLABEL org.opencontainers.image.url="www.acme.io" \\\n      org.opencontainers.image.source="acme/api"\n',
      hadolintConfig: schema,
      errors: [
        { line: 2, column: 1, message: sourceMessage },
        { line: 2, column: 7, message: urlMessage },
      ],
      name: 'each schema label reports; a pair on a continuation line moves to the instruction start',
    },
  ],
});
