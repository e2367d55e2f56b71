import rule from '../../src/rules/hadolint/dl3013.js';
import { ruleTester } from '../support/rule-tester.js';

const message =
  'Pin versions in pip. Instead of `pip install <package>` use `pip install <package>==<version>` or `pip install --requirement <requirements file>`';

ruleTester(rule, {
  valid: [
    {
      name: 'pinned packages with options whose values are not packages',
      code: [
        'FROM python:3.12-slim',
        'RUN pip install --no-cache-dir \\',
        '      --index-url https://pypi.example.com/simple \\',
        '      --target /opt/deps \\',
        '      flask==3.0.3 \\',
        '      "gunicorn>=22,<23"',
        '',
      ].join('\n'),
    },
    {
      name: 'versions held in variables',
      code: 'FROM python:3.12\nARG FLASK_VERSION=3.0.3\nRUN pip install --no-cache-dir flask==${FLASK_VERSION} "celery~=$CELERY_VERSION"\n',
    },
    {
      name: 'requirements files, constraints and the local project',
      code: [
        'FROM python:3.12',
        'COPY . /src',
        'RUN pip install --no-cache-dir -r /src/requirements.txt \\',
        ' && pip install --no-cache-dir -c constraints.txt requests \\',
        ' && pip install --no-cache-dir .',
        '',
      ].join('\n'),
    },
    {
      name: 'wheels, archives, URLs and VCS refs',
      code: 'FROM python:3.12\nRUN pip install dist/app-1.0-py3-none-any.whl https://example.com/pkg.zip git+https://github.com/org/repo.git@v1.2#egg=repo\n',
    },
    { name: 'pipenv is not pip', code: 'FROM python:3.12\nRUN pipenv install requests\n' },
    { name: 'a value given with = is not a package either', code: 'FROM python:3.12\nRUN pip install --root-user-action=ignore poetry==1.8.5\n' },
  ],
  invalid: [
    {
      name: 'an unpinned package in a multi-line install',
      code: [
        'FROM python:3.12-slim',
        'RUN pip install --no-cache-dir \\',
        '      --index-url https://pypi.example.com/simple \\',
        '      flask==3.0.3 \\',
        '      gunicorn',
        '',
      ].join('\n'),
      errors: [{ line: 2, message }],
    },
    {
      name: 'precise position is the unpinned package',
      precisePositions: true,
      code: 'FROM python:3.12\nRUN python3 -m pip install --no-cache-dir \\\n      requests==2.32.3 \\\n      boto3\n',
      errors: [{ line: 4, column: 7, endColumn: 12, message }],
    },
    {
      name: 'upgrading pip itself is unpinned (as in hadolint)',
      code: 'FROM python:3.12\nRUN pip install --upgrade pip && pip install --no-cache-dir -r requirements.txt\n',
      errors: [{ line: 2, message }],
    },
    {
      name: 'pipx and a VCS URL without @ref',
      code: 'FROM python:3.12\nRUN pipx install black\nRUN pip3 install git+https://github.com/org/repo.git#egg=repo\n',
      errors: [
        { line: 2, message },
        { line: 3, message },
      ],
    },
    {
      name: 'ONBUILD RUN is checked',
      code: 'FROM python:3.12\nONBUILD RUN pip install --root-user-action=ignore mypkg\n',
      errors: [{ line: 2, message }],
    },
  ],
});
