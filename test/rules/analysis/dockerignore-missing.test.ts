import rule from '../../../src/rules/analysis/dockerignore-missing.js';
import { ruleTester } from '../../support/rule-tester.js';
import { fixtureContext } from './context-fixture.js';

const rust = fixtureContext('dockerignore-missing/rust', { '.git/config': '[core]\n' }).context;

ruleTester(rule, {
  valid: [
    { code: 'FROM golang:1.22\nCOPY . /src\n', buildContext: fixtureContext('dockerignore-missing/clean').context, name: 'nothing junk in the context' },
    {
      code: 'FROM rust:1\nCOPY . /src\n',
      buildContext: fixtureContext('dockerignore-missing/rust', { '.git/config': '[core]\n', '.dockerignore': 'target\n' }).context,
      name: 'a .dockerignore exists (what it misses is context-junk)',
    },
    {
      code: 'FROM rust:1\nCOPY . /src\n',
      buildContext: fixtureContext('dockerignore-missing/rust', { 'Dockerfile.dockerignore': 'target\n.git\n' }).context,
      name: 'the per-Dockerfile ignore file counts',
    },
  ],
  invalid: [
    {
      code: 'FROM rust:1\nWORKDIR /src\nCOPY . .\nRUN cargo build --release\n',
      buildContext: rust,
      errors: [{ line: 1, message: 'No .dockerignore applies to this Dockerfile, and the build context holds .git (7 B), target (6 B): add a .dockerignore at the context root' }],
    },
  ],
});
