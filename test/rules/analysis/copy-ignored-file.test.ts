import rule from '../../../src/rules/analysis/copy-ignored-file.js';
import { ruleTester } from '../../support/rule-tester.js';
import { fixtureContext } from './context-fixture.js';

const basic = fixtureContext('copy-ignored-file/basic').context;
const perDockerfile = fixtureContext('copy-ignored-file/per-dockerfile', {}, 'build/app.Dockerfile').context;
const rootWide = fixtureContext('copy-ignored-file/basic', { '.dockerignore': '**\n' }).context;

ruleTester(rule, {
  valid: [
    { code: 'FROM python:3.12\nWORKDIR /app\nCOPY app.py ./\nCOPY . .\n', buildContext: basic, name: 'kept files and the whole context' },
    {
      code: 'FROM python:3.12 AS build\nRUN touch /README.md\nFROM python:3.12\nCOPY --from=build /README.md /docs/\n',
      buildContext: basic,
      name: 'COPY --from sources are never checked',
    },
    { code: 'FROM python:3.12\nCOPY /README.md /docs/\n', buildContext: basic, name: 'a leading slash in the source is kept, so it never matches' },
    { code: 'FROM python:3.12\n# check=skip=CopyIgnoredFile\nCOPY README.md /\n', buildContext: fixtureContext('copy-ignored-file/basic', { '.dockerignore': '*.md\n!CHANGELOG.md\n' }).context, name: 'any exception disables the rule' },
    { code: 'FROM python:3.12\nCOPY README.md /\n', name: 'no build context at all' },
  ],
  invalid: [
    {
      code: 'FROM python:3.12\nCOPY app.py /app/\nCOPY README.md /app/\nADD secrets/token.txt /run/\n',
      buildContext: basic,
      errors: [
        { line: 3, column: 6, endColumn: 15, message: 'Attempting to Copy file "README.md" that is excluded by .dockerignore' },
        { line: 4, message: 'Attempting to Add file "secrets/token.txt" that is excluded by .dockerignore' },
      ],
    },
    {
      code: 'FROM python:3.12\nARG DOC=./docs/../README.md\nCOPY \\\n    app.py \\\n    ${DOC} \\\n    /app/\n',
      buildContext: basic,
      name: 'expanded and cleaned, reported on the first line of the instruction',
      errors: [{ line: 3, message: 'Attempting to Copy file "README.md" that is excluded by .dockerignore' }],
    },
    {
      code: 'FROM python:3.12\nCOPY app.py README.md /app/\n',
      buildContext: perDockerfile,
      name: '<Dockerfile>.dockerignore beside the Dockerfile replaces the root .dockerignore',
      errors: [{ line: 2, message: 'Attempting to Copy file "app.py" that is excluded by .dockerignore' }],
    },
    {
      code: 'FROM python:3.12\nCOPY . /app\n',
      buildContext: rootWide,
      errors: [{ line: 2, message: 'Attempting to Copy file "." that is excluded by .dockerignore' }],
    },
  ],
});
