import { chmodSync, mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { loadBuildContext } from '../../src/context/index.js';

const scratch = mkdtempSync(join(tmpdir(), 'dockside-walk-'));
afterAll(() => {
  chmodSync(join(scratch, 'tree', 'locked'), 0o755);
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
  });
  symlinkSync('..', join(root, 'src', 'loop'));
  symlinkSync('/etc', join(root, 'outside'));
  chmodSync(join(root, 'locked'), 0o000);
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

  it('turns an unreadable folder into a warning (unless running as root)', () => {
    const isRoot = process.getuid?.() === 0;
    expect(context.warnings).toEqual(isRoot ? [] : ['cannot read folder locked: EACCES']);
    expect(context.unreadable).toEqual(isRoot ? [] : [{ path: 'locked', isDirectory: true, code: 'EACCES' }]);
  });

  it('totals what is sent', () => {
    // .dockerignore (35) + Dockerfile (13) + src/a.txt (4) + build/keep.txt (1) + 2 symlinks (4 + 2), + locked/secret.txt (1) as root
    const isRoot = process.getuid?.() === 0;
    expect(context.totals).toEqual({ files: isRoot ? 7 : 6, bytes: isRoot ? 60 : 59, ignoredFiles: 1, ignoredBytes: 3 });
  });
});
