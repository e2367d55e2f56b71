import { execFileSync } from 'node:child_process';
import { chmodSync, mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { loadBuildContext } from '../../src/context/index.js';
import { modeAllowsReading } from '../../src/context/walk.js';

const scratch = mkdtempSync(join(tmpdir(), 'dockside-walk-'));
afterAll(() => {
  chmodSync(join(scratch, 'tree', 'locked'), 0o755);
  chmodSync(join(scratch, 'tree', 'key.pem'), 0o644);
  rmSync(scratch, { recursive: true, force: true });
});

function tree(files: Record<string, string>): string {
  const root = join(scratch, 'tree');
  for (const [path, content] of Object.entries(files)) {
    mkdirSync(join(root, path, '..'), { recursive: true });
    writeFileSync(join(root, path), content);
  }
  return root;
}

describe('context walk', () => {
  const root = tree({
    '.dockerignore': 'node_modules\nbuild\n!build/keep.txt\n',
    'Dockerfile': 'FROM scratch\n',
    'src/a.txt': 'aaaa',
    'node_modules/pkg/index.js': '12345678',
    'build/out.bin': '123',
    'build/keep.txt': 'k',
    'locked/secret.txt': 'x',
    'key.pem': 'k',
    'build/private.key': 'p',
  });
  symlinkSync('..', join(root, 'src', 'loop'));
  symlinkSync('/etc', join(root, 'outside'));
  chmodSync(join(root, 'locked'), 0o000);
  // Files the sender could not open: one that is sent, one the .dockerignore excludes (never opened).
  chmodSync(join(root, 'key.pem'), 0o000);
  chmodSync(join(root, 'build', 'private.key'), 0o000);
  const context = loadBuildContext(join(root, 'Dockerfile'), root, { onProgress: null });

  it('prunes a folder no exception can re-include, walks one an exception can', () => {
    expect(context.pruned.map((folder) => folder.path)).toEqual(['node_modules']);
    const files = context.entries.filter((entry) => !entry.isDirectory).map((entry) => [entry.path, entry.ignored]);
    expect(files).toContainEqual(['build/keep.txt', false]);
    expect(files).toContainEqual(['build/out.bin', true]);
    expect(files.some(([path]) => String(path).startsWith('node_modules/'))).toBe(false);
  });

  it('records symlinks without following them (no loop, nothing outside the context)', () => {
    const links = context.entries.filter((entry) => entry.isSymlink).map((entry) => [entry.path, entry.linkTarget]);
    expect(links).toEqual([['outside', '/etc'], ['src/loop', '..']]);
    expect(context.entries.some((entry) => entry.path.startsWith('outside/') || entry.path.startsWith('src/loop/'))).toBe(false);
  });

  it('turns an unreadable folder, and a sent file it cannot open, into warnings (unless running as root)', () => {
    const isRoot = process.getuid?.() === 0;
    expect(context.warnings).toEqual(isRoot ? [] : ['cannot read key.pem: EACCES', 'cannot read folder locked: EACCES']);
    expect(context.unreadable).toEqual(
      isRoot
        ? []
        : [
            { path: 'key.pem', isDirectory: false, code: 'EACCES' },
            { path: 'locked', isDirectory: true, code: 'EACCES' },
          ],
    );
  });

  it('totals what is sent', () => {
    // .dockerignore (35) + Dockerfile (13) + src/a.txt (4) + build/keep.txt (1) + key.pem (1) + 2 symlinks (4 + 2),
    // + locked/secret.txt (1) as root; ignored: build/out.bin (3) + build/private.key (1).
    const isRoot = process.getuid?.() === 0;
    expect(context.totals).toEqual({ files: isRoot ? 8 : 7, bytes: isRoot ? 61 : 60, ignoredFiles: 2, ignoredBytes: 4 });
  });
});

describe('which files the mode bits let a user read', () => {
  const reader = { uid: 1000, groups: new Set([1000, 27]) };
  const file = (uid: number, gid: number, mode: number) => ({ uid, gid, mode: 0o100000 | mode });

  it('asks the owner bits of the owner, the group bits of a member, else the others bits', () => {
    expect(modeAllowsReading(file(1000, 0, 0o400), reader)).toBe(true);
    expect(modeAllowsReading(file(1000, 1000, 0o044), reader), 'the owner class decides, even when others may read').toBe(false);
    expect(modeAllowsReading(file(0, 27, 0o040), reader), 'a supplementary group').toBe(true);
    expect(modeAllowsReading(file(0, 27, 0o604), reader), 'the group class decides').toBe(false);
    expect(modeAllowsReading(file(0, 0, 0o004), reader)).toBe(true);
    expect(modeAllowsReading(file(0, 0, 0o600), reader)).toBe(false);
  });

  it('lets root, and a platform without users, read everything', () => {
    expect(modeAllowsReading(file(1000, 1000, 0o000), { uid: 0, groups: new Set([0]) })).toBe(true);
    expect(modeAllowsReading(file(1000, 1000, 0o000), null)).toBe(true);
  });
});

describe('credential content checks', () => {
  it('read a regular file, never a named pipe of the same name (opening it waited for a writer forever)', () => {
    const root = mkdtempSync(join(scratch, 'pipes-'));
    writeFileSync(join(root, 'Dockerfile'), 'FROM scratch\n');
    mkdirSync(join(root, 'real'));
    writeFileSync(join(root, 'real', '.npmrc'), '//registry/:_authToken=abc\n');
    execFileSync('mkfifo', [join(root, '.npmrc')]);
    const context = loadBuildContext(join(root, 'Dockerfile'), root, { onProgress: null });
    const hints = Object.fromEntries(context.entries.filter((entry) => entry.path.endsWith('.npmrc')).map((entry) => [entry.path, entry.credentialHint]));
    expect(hints).toEqual({ '.npmrc': null, 'real/.npmrc': 'an auth token' });
  });
});
