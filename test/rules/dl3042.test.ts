import rule from '../../src/rules/hadolint/dl3042.js';
import { ruleTester } from '../support/rule-tester.js';

const message = 'Avoid use of cache directory with pip. Use `pip install --no-cache-dir <package>`';

ruleTester(rule, {
  valid: [
    'FROM python:3.12\nRUN pip install \\\n      --no-cache-dir \\\n      flask==3.0.3\n',
    {
      name: 'ENV in the stage, or in the stage it is built from',
      code: [
        'FROM python:3.12 AS base',
        'ENV PIP_NO_CACHE_DIR=1 \\',
        '    PYTHONDONTWRITEBYTECODE=1',
        'RUN pip install flask==3.0.3',
        '',
        'FROM base AS test',
        'RUN pip install pytest==8.2.0',
        '',
      ].join('\n'),
    },
    { name: 'set in the script', code: 'FROM python:3.12\nRUN export PIP_NO_CACHE_DIR=true \\\n && pip install flask==3.0.3\n' },
    { name: 'cache mount', code: 'FROM python:3.12\nRUN --mount=type=cache,target=/root/.cache/pip \\\n    pip install flask==3.0.3\n' },
    { name: 'pipx and pipenv keep their own caches', code: 'FROM python:3.12\nRUN pipx install black==24.4.2 && pipenv install\n' },
    {
      name: 'ONBUILD ENV covers ONBUILD RUN',
      code: 'FROM python:3.12\nONBUILD ENV PIP_NO_CACHE_DIR=yes\nONBUILD RUN pip install -r requirements.txt\n',
    },
  ],
  invalid: [
    {
      name: 'no --no-cache-dir in a multi-line RUN',
      code: 'FROM python:3.12\nRUN pip install --upgrade pip \\\n && pip install -r requirements.txt\n',
      errors: [{ line: 2, message }],
    },
    {
      name: 'precise position is the pip command',
      precisePositions: true,
      code: 'FROM python:3.12\nRUN set -eux; \\\n    python3 -m pip install flask==3.0.3\n',
      errors: [{ line: 3, column: 5, endColumn: 40, message }],
    },
    {
      name: 'a falsy ENV value, and an ENV in an unrelated stage',
      code: [
        'FROM python:3.12 AS base',
        'ENV PIP_NO_CACHE_DIR=1',
        '',
        'FROM python:3.12-slim',
        'ENV PIP_NO_CACHE_DIR=off',
        'RUN pip install flask==3.0.3',
        '',
      ].join('\n'),
      errors: [{ line: 6, message }],
    },
    {
      name: 'a stage ENV does not reach ONBUILD triggers (hadolint’s separate stream)',
      code: 'FROM python:3.12\nENV PIP_NO_CACHE_DIR=1\nONBUILD RUN pip install flask==3.0.3\n',
      errors: [{ line: 3, message }],
    },
  ],
});
