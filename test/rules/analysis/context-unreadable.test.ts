import { chmodSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll } from 'vitest';
import rule from '../../../src/rules/analysis/context-unreadable.js';
import type { BuildContext, UnreadableEntry } from '../../../src/context/types.js';
import { ruleTester } from '../../support/rule-tester.js';
import { fixtureContext } from './context-fixture.js';

/** A context as the walk reports it, with these unreadable entries and nothing else. */
function contextWith(unreadable: readonly UnreadableEntry[]): BuildContext {
  return {
    root: '/project',
    dockerfilePath: '/project/Dockerfile',
    dockerignore: { file: null, patterns: [], hasExceptions: false, errors: [], isIgnored: () => false },
    entries: [],
    pruned: [],
    totals: { files: 0, bytes: 0, ignoredFiles: 0, ignoredBytes: 0 },
    warnings: [],
    unreadable,
  };
}

const CODE = 'FROM postgres:16\nCOPY . /app\n';
const SENDING = 'the build fails while sending the context';

// A real unreadable folder, when not running as root (root reads everything).
const isRoot = process.getuid?.() === 0;
const locked = fixtureContext(null, { 'app.py': 'x\n', 'pgdata/PG_VERSION': '16\n', 'cache/ok.txt': 'x\n' }, 'Dockerfile');
if (!isRoot) chmodSync(join(locked.root, 'pgdata'), 0o000);
const excluded = fixtureContext(null, { 'app.py': 'x\n', 'pgdata/PG_VERSION': '16\n', '.dockerignore': 'pgdata\n' });
if (!isRoot) chmodSync(join(excluded.root, 'pgdata'), 0o000);
// Readable again before the fixtures are removed (after-hooks run last registered first).
afterAll(() => {
  for (const { root } of [locked, excluded]) chmodSync(join(root, 'pgdata'), 0o755);
});

ruleTester(rule, {
  valid: [
    { code: CODE, buildContext: contextWith([]), name: 'everything can be read' },
    { code: CODE, buildContext: excluded.context, name: 'an unreadable folder the .dockerignore excludes is never read' },
  ],
  invalid: [
    {
      name: 'each unreadable folder or entry, once, on the first instruction',
      code: CODE,
      buildContext: contextWith([
        { path: 'postgres-data', isDirectory: true, code: 'EACCES' },
        { path: 'logs/app.log', isDirectory: false, code: 'EACCES' },
      ]),
      errors: [
        { line: 1, message: `The folder postgres-data of the build context cannot be read (EACCES): ${SENDING}; exclude it in .dockerignore or make it readable` },
        { line: 1, message: `The entry logs/app.log of the build context cannot be read (EACCES): ${SENDING}; exclude it in .dockerignore or make it readable` },
      ],
    },
    {
      name: 'the context folder itself',
      code: CODE,
      buildContext: contextWith([{ path: '', isDirectory: true, code: 'EACCES' }]),
      errors: [{ line: 1, message: `The build context folder cannot be read (EACCES): ${SENDING}` }],
    },
    ...(isRoot
      ? []
      : [
          {
            name: 'a real folder with mode 000',
            code: CODE,
            buildContext: locked.context,
            errors: [{ line: 1, message: `The folder pgdata of the build context cannot be read (EACCES): ${SENDING}; exclude it in .dockerignore or make it readable` }],
          },
        ]),
  ],
});
