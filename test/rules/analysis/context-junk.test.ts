import rule from '../../../src/rules/analysis/context-junk.js';
import { ruleTester } from '../../support/rule-tester.js';
import { fixtureContext } from './context-fixture.js';

// git cannot hold .git or node_modules in a fixture: they are added at runtime.
const runtime = { '.git/HEAD': 'ref: refs/heads/main\n', 'node_modules/left-pad/index.js': 'module.exports = 1;\n' };

ruleTester(rule, {
  valid: [
    {
      code: 'FROM python:3.12\nCOPY . /app\n',
      buildContext: fixtureContext('context-junk/app', { ...runtime, '.dockerignore': 'node_modules\n.git\n.idea\n**/__pycache__\n' }).context,
      name: 'everything junk is excluded',
    },
    {
      code: 'FROM python:3.12\nCOPY . /app\n',
      buildContext: fixtureContext(null, { 'src/main.py': 'print(1)\n', '.git/HEAD': 'x\n' }).context,
      name: 'no .dockerignore at all is dockerignore-missing, not this rule',
    },
  ],
  invalid: [
    {
      code: 'FROM python:3.12\nCOPY . /app\n',
      buildContext: fixtureContext('context-junk/app', runtime).context,
      errors: [{ line: 1, message: '.dockerignore leaves .git (21 B), .idea (11 B), src/__pycache__ (10 B) in the build context' }],
    },
  ],
});
