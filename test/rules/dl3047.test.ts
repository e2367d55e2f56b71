import rule from '../../src/rules/hadolint/dl3047.js';
import { ruleTester } from '../support/rule-tester.js';

const message =
  'Avoid use of wget without progress bar. Use `wget --progress=dot:giga <url>`. Or consider using `-q` or `-nv` (shorthands for `--quiet` or `--no-verbose`).';

ruleTester(rule, {
  valid: [
    'FROM debian:12\nRUN wget --progress=dot:giga https://example.com/app.tar.gz \\\n && tar -xzf app.tar.gz\n',
    { code: 'FROM debian:12\nRUN wget -qO- https://example.com/install.sh | sh\n', name: 'combined -qO-' },
    { code: 'FROM debian:12\nRUN wget -nv https://example.com/a.zip\n', name: '-nv' },
    { code: 'FROM debian:12\nRUN wget -a /tmp/log https://example.com/a.zip\n', name: '-a' },
    { code: 'FROM debian:12\nRUN curl -fsSLO https://example.com/a.zip\n', name: 'curl' },
  ],
  invalid: [
    {
      code: 'FROM debian:12\nRUN apt-get update \\\n && wget -O /tmp/app.tgz https://example.com/app.tgz\n',
      precisePositions: true,
      errors: [{ line: 3, column: 5, endColumn: 53, message }],
    },
    { code: 'FROM debian:12\nRUN wget https://example.com/a.zip\n', errors: [{ line: 2, column: 5, message }] },
    { code: 'FROM debian:12\nONBUILD RUN wget https://example.com/a.zip\n', errors: [{ line: 2, message }], name: 'ONBUILD' },
  ],
});
