import rule from '../../src/rules/hadolint/dl3046.js';
import { ruleTester } from '../support/rule-tester.js';

const message = '`useradd` without flag `-l` and high UID will result in excessively large Image.';

ruleTester(rule, {
  valid: [
    'FROM debian:12\nRUN groupadd -g 100000 app \\\n && useradd -l -u 100000 -g app -m app\n',
    { code: 'FROM debian:12\nRUN useradd --no-log-init -u 1000000 app\n', name: '--no-log-init' },
    { code: 'FROM debian:12\nRUN useradd -u 10001 app\n', name: 'five digits' },
    { code: 'FROM debian:12\nRUN useradd --uid 1000000 app\n', name: 'long --uid is not measured (hadolint)' },
  ],
  invalid: [
    {
      code: 'FROM debian:12\nRUN groupadd -g 100000 app \\\n && useradd -m -u 100000 -g app app\n',
      precisePositions: true,
      errors: [{ line: 3, column: 5, endColumn: 36, message }],
    },
    {
      code: 'FROM debian:12\nRUN groupadd -g 100000 app \\\n && useradd -m -u 100000 -g app app\n',
      errors: [{ line: 2, column: 1, message }],
      name: 'reported at the RUN line',
    },
    {
      code: 'FROM debian:12\nARG UID=1000\nRUN useradd -u $UID app\n',
      errors: [{ line: 3, message }],
      name: 'a variable counts as its ${UID} text (hadolint)',
    },
    { code: 'FROM debian:12\nONBUILD RUN useradd -u 123456 app\n', errors: [{ line: 2, message }], name: 'ONBUILD' },
  ],
});
