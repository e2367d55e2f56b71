import { chmodSync } from 'node:fs';
import { relative, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadBuildContext } from '../../../src/context/index.js';
import { MAX_IGNORE_FILE_BYTES } from '../../../src/context/limits.js';
import type { BuildContext } from '../../../src/context/types.js';
import rule from '../../../src/rules/analysis/dockerignore-invalid.js';
import { lintForTest, ruleTester } from '../../support/rule-tester.js';
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

/** A context whose ignore file is `.dockerignore`, read or not, sending 10 GiB and an unreadable `.dockerignore`. */
function contextWithIgnoreFile(readError: string | null): BuildContext {
  return {
    root: '/project',
    dockerfilePath: '/project/Dockerfile',
    dockerignore: {
      file: '.dockerignore',
      patterns: [],
      hasExceptions: false,
      errors: readError ? [`cannot read .dockerignore (${readError})`] : [],
      readError,
      isIgnored: () => false,
    },
    entries: [],
    pruned: [],
    totals: { files: 1, bytes: 10 * 1024 ** 3, ignoredFiles: 0, ignoredBytes: 0 },
    warnings: [],
    unreadable: readError ? [{ path: '.dockerignore', isDirectory: false, code: readError }] : [],
  };
}

describe('an ignore file that cannot be read', () => {
  const contextRules = ['dockerignore-invalid', 'context-size', 'context-unreadable', 'dockerignore-missing', 'context-junk', 'copy-ignored-file'];

  it('is the one finding: what the other context rules would judge is unknown, and the build stops there', async () => {
    const code = 'FROM python:3.12\nCOPY . /app\n';
    const readable = await lintForTest(code, { only: contextRules, buildContext: contextWithIgnoreFile(null) });
    expect(readable.map((finding) => finding.rule), 'the same context, its ignore file read').toEqual(['context-size']);
    const unreadable = await lintForTest(code, { only: contextRules, buildContext: contextWithIgnoreFile('EACCES') });
    expect(unreadable.map((finding) => `${finding.rule}: ${finding.message}`)).toEqual([
      "dockerignore-invalid: BuildKit refuses the build's ignore file: cannot read .dockerignore (EACCES)",
    ]);
  });

  it('past dockside\'s size limit, is not read, and the finding says the limit is ours', async () => {
    const { root } = fixtureContext(null, { 'app.py': 'x\n', '.dockerignore': `node_modules\n${'#'.repeat(MAX_IGNORE_FILE_BYTES)}\n` });
    const context = loadBuildContext(join(root, 'Dockerfile'), root, { onProgress: null });
    expect(context.dockerignore.readError).toBe('EFBIG');
    expect(context.dockerignore.patterns, 'not read: node_modules is not a pattern').toEqual([]);
    const findings = await lintForTest('FROM python:3.12\nCOPY . /app\n', { only: contextRules, buildContext: context });
    expect(findings.map((finding) => `${finding.rule}: ${finding.message}`)).toEqual([
      `dockerignore-invalid: dockside does not read ignore files over ${MAX_IGNORE_FILE_BYTES} bytes: cannot read ${relative(process.cwd(), join(root, '.dockerignore'))} (EFBIG)`,
    ]);
  });

  // Root reads every file: a real one is only unreadable to another user.
  it.skipIf(process.getuid?.() === 0)('is reported with its code, not a message holding its absolute path', () => {
    const { root } = fixtureContext(null, { 'app.py': 'x\n', '.dockerignore': 'node_modules\n' });
    chmodSync(join(root, '.dockerignore'), 0o000);
    try {
      const context = loadBuildContext(join(root, 'Dockerfile'), root, { onProgress: null });
      expect(context.dockerignore.readError).toBe('EACCES');
      expect(context.dockerignore.errors).toEqual([`cannot read ${relative(process.cwd(), join(root, '.dockerignore'))} (EACCES)`]);
    } finally {
      chmodSync(join(root, '.dockerignore'), 0o644);
    }
  });
});
