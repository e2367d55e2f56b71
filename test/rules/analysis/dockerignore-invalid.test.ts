import { relative, join } from 'node:path';
import rule from '../../../src/rules/analysis/dockerignore-invalid.js';
import { ruleTester } from '../../support/rule-tester.js';
import { fixtureContext } from './context-fixture.js';

/** A context whose ignore file holds `ignore`, and that file's name as the finding shows it. */
function withIgnoreFile(ignore: string, name = '.dockerignore') {
  const { root, context } = fixtureContext(null, { 'app.py': 'print(1)\n', [name]: ignore });
  return { context, shown: relative(process.cwd(), join(root, name)) };
}

// Line 6 ends in one backslash: an escape with nothing to escape.
const badLines = withIgnoreFile('# comment\nnode_modules\n!\n[abc\n*.log\nsrc\\\n');
const perDockerfile = withIgnoreFile('[z-a\n', 'Dockerfile.dockerignore');

ruleTester(rule, {
  valid: [
    { code: 'FROM python:3.12\nCOPY app.py /app/\n', buildContext: withIgnoreFile('node_modules\n!keep\n**/*.pyc\n[a-z]*.tmp\n\\#x\n').context, name: 'every line compiles' },
    { code: 'FROM python:3.12\nCOPY app.py /app/\n', buildContext: fixtureContext(null, { 'app.py': 'x\n' }).context, name: 'no ignore file at all' },
  ],
  invalid: [
    {
      name: 'a lone ! and patterns Go cannot compile, each with its line',
      code: 'FROM python:3.12\nCOPY app.py /app/\n',
      buildContext: badLines.context,
      errors: [
        { line: 1, message: `BuildKit refuses the build's ignore file: ${badLines.shown}:3: illegal exclusion pattern: "!"` },
        { line: 1, message: `BuildKit refuses the build's ignore file: ${badLines.shown}:4: syntax error in pattern: "[abc"` },
        { line: 1, message: `BuildKit refuses the build's ignore file: ${badLines.shown}:6: syntax error in pattern: "src\\\\"` },
      ],
    },
    {
      name: 'the per-Dockerfile ignore file is the one judged',
      code: 'FROM python:3.12\nCOPY app.py /app/\n',
      buildContext: perDockerfile.context,
      errors: [{ line: 1, message: `BuildKit refuses the build's ignore file: ${perDockerfile.shown}:1: syntax error in pattern: "[z-a"` }],
    },
  ],
});
