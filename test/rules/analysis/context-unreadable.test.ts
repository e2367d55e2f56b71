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
    dockerignore: { file: null, patterns: [], hasExceptions: false, errors: [], readError: null, isIgnored: () => false },
    entries: [],
    pruned: [],
    totals: { files: 0, bytes: 0, ignoredFiles: 0, ignoredBytes: 0 },
    warnings: [],
    unreadable,
  };
}

const pgdata = contextWith([{ path: 'pgdata', isDirectory: true, code: 'EACCES' }]);
const unreadableRoot = contextWith([{ path: '', isDirectory: true, code: 'EACCES' }]);
const FAILS = 'which cannot be read (EACCES): the build fails while sending the context; exclude it in .dockerignore, narrow the source, or make it readable';

// A real unreadable folder, when not running as root (root reads everything).
const isRoot = process.getuid?.() === 0;
const locked = fixtureContext(null, { 'app.py': 'x\n', 'pgdata/PG_VERSION': '16\n' });
const excluded = fixtureContext(null, { 'app.py': 'x\n', 'pgdata/PG_VERSION': '16\n', '.dockerignore': 'pgdata\n' });
const lockedFile = fixtureContext(null, { 'app.py': 'x\n', 'certs/key.pem': 'k\n' });
if (!isRoot) {
  for (const { root } of [locked, excluded]) chmodSync(join(root, 'pgdata'), 0o000);
  chmodSync(join(lockedFile.root, 'certs', 'key.pem'), 0o000);
}
// Readable again before the fixtures are removed (after-hooks run last registered first).
afterAll(() => {
  for (const { root } of [locked, excluded]) chmodSync(join(root, 'pgdata'), 0o755);
  chmodSync(join(lockedFile.root, 'certs', 'key.pem'), 0o644);
});

ruleTester(rule, {
  valid: [
    { code: 'FROM python:3.12\nCOPY . /app\n', buildContext: contextWith([]), name: 'everything can be read' },
    { code: 'FROM python:3.12\nCOPY app.py requirements.txt /app/\n', buildContext: pgdata, name: 'sources that do not reach the folder (BuildKit sends only those)' },
    { code: 'FROM python:3.12\nCOPY *.py /app/\n', buildContext: pgdata, name: 'a glob that cannot match the folder' },
    { code: 'FROM python:3.12 AS build\nFROM python:3.12\nCOPY --from=build . /app\n', buildContext: pgdata, name: 'COPY --from reads a stage, not the context' },
    { code: 'FROM python:3.12\nRUN --mount=type=cache,target=/root/.cache pip install x\n', buildContext: pgdata, name: 'a cache mount' },
    { code: 'FROM python:3.12\nRUN pip install flask\n', buildContext: unreadableRoot, name: 'nothing reads the context at all' },
    {
      code: 'FROM python:3.12 AS dev\nCOPY . /app\nFROM python:3.12\nCOPY app.py /app/\n',
      buildContext: pgdata,
      name: 'a stage the target does not need is not built, so its COPY reads nothing',
    },
    { code: 'FROM python:3.12\nCOPY . /app\n', buildContext: excluded.context, name: 'an unreadable folder the .dockerignore excludes is never read' },
  ],
  invalid: [
    {
      name: 'COPY . sends the whole context',
      code: 'FROM python:3.12\nWORKDIR /app\nCOPY . .\n',
      buildContext: pgdata,
      errors: [{ line: 3, column: 6, message: `COPY . reads the folder pgdata of the build context, ${FAILS}` }],
    },
    {
      name: 'a glob matching it, a path below it, a parent of it: the first one is reported',
      code: 'FROM python:3.12\nCOPY p* /x/\nCOPY pgdata/PG_VERSION /y\n',
      buildContext: contextWith([
        { path: 'pgdata', isDirectory: true, code: 'EACCES' },
        { path: 'data/logs/app.log', isDirectory: false, code: 'EACCES' },
      ]),
      errors: [{ line: 2, column: 6, message: `COPY p* reads the folder pgdata of the build context, ${FAILS}` }],
    },
    {
      name: 'a file below a copied folder, through ADD and a variable',
      code: 'FROM python:3.12\nARG DIR=data\nADD ${DIR} /data\n',
      buildContext: contextWith([{ path: 'data/logs/app.log', isDirectory: false, code: 'EACCES' }]),
      errors: [{ line: 3, message: `ADD \${DIR} reads the entry data/logs/app.log of the build context, ${FAILS}` }],
    },
    {
      name: 'a file: read by a source naming it or a parent folder, not by one naming something below it',
      code: 'FROM python:3.12\nCOPY certs/key.pem/x /a\nCOPY certs/*.crt /b\nCOPY certs /c\n',
      buildContext: contextWith([{ path: 'certs/key.pem', isDirectory: false, code: 'EACCES' }]),
      errors: [{ line: 4, message: `COPY certs reads the entry certs/key.pem of the build context, ${FAILS}` }],
    },
    {
      name: 'a stage the target needs',
      code: 'FROM python:3.12 AS build\nCOPY . /src\nFROM python:3.12\nCOPY --from=build /src/app.py /app/\n',
      buildContext: pgdata,
      errors: [{ line: 2, message: `COPY . reads the folder pgdata of the build context, ${FAILS}` }],
    },
    {
      name: 'a bind mount of the context',
      code: 'FROM golang:1.22\nRUN --mount=type=bind,target=/src go build ./...\n',
      buildContext: pgdata,
      errors: [{ line: 2, message: `RUN --mount=type=bind,source=. reads the folder pgdata of the build context, ${FAILS}` }],
    },
    {
      name: 'the context folder itself, for any source',
      code: 'FROM python:3.12\nCOPY app.py /app/\n',
      buildContext: unreadableRoot,
      errors: [{ line: 2, message: `COPY app.py reads the build context folder, ${FAILS}` }],
    },
    ...(isRoot
      ? []
      : [
          {
            name: 'a real folder with mode 000',
            code: 'FROM postgres:16\nCOPY . /app\n',
            buildContext: locked.context,
            errors: [{ line: 2, message: `COPY . reads the folder pgdata of the build context, ${FAILS}` }],
          },
          {
            name: 'a real file with mode 000',
            code: 'FROM python:3.12\nCOPY app.py /app/\nCOPY . /app\n',
            buildContext: lockedFile.context,
            errors: [{ line: 3, message: `COPY . reads the entry certs/key.pem of the build context, ${FAILS}` }],
          },
        ]),
  ],
});
