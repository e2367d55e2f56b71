import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { IgnoreFileLookup, WalkCache, loadBuildContext, type WalkResult } from '../../src/context/index.js';

function walkOf(entryCount: number): WalkResult {
  return {
    entries: Array.from({ length: entryCount }, (_, index) => ({ path: `f${index}`, size: 1, isDirectory: false, isSymlink: false, ignored: false, credentialHint: null, linkTarget: null })),
    pruned: [],
    totals: { files: entryCount, bytes: entryCount, ignoredFiles: 0, ignoredBytes: 0 },
    warnings: [],
    unreadable: [],
  };
}

describe('WalkCache', () => {
  it('keeps walks within its entry budget, dropping the least recently used first', () => {
    const cache = new WalkCache(10);
    const [a, b, c] = [walkOf(4), walkOf(4), walkOf(4)];
    cache.set('a', a);
    cache.set('b', b);
    expect(cache.get('a')).toBe(a); // a is now the most recently used
    cache.set('c', c); // 12 entries > 10: b goes, not a
    expect(cache.get('b')).toBeUndefined();
    expect(cache.get('a')).toBe(a);
    expect(cache.get('c')).toBe(c);
    expect(cache.size).toBe(2);
  });

  it('keeps the newest walk even when it alone is over the budget', () => {
    const cache = new WalkCache(10);
    cache.set('small', walkOf(3));
    const huge = walkOf(50);
    cache.set('huge', huge);
    expect(cache.get('huge')).toBe(huge);
    expect(cache.get('small')).toBeUndefined();
  });

  it('counts a walk stored again under the same key once', () => {
    const cache = new WalkCache(10);
    cache.set('a', walkOf(6));
    cache.set('a', walkOf(6));
    cache.set('b', walkOf(4));
    expect(cache.size).toBe(2);
  });
});

describe('contexts sharing a WalkCache', () => {
  const scratch = mkdtempSync(join(tmpdir(), 'dockside-walk-cache-'));
  afterAll(() => rmSync(scratch, { recursive: true, force: true }));
  const folder = (name: string, files: number): string => {
    const root = join(scratch, name);
    mkdirSync(root);
    writeFileSync(join(root, 'Dockerfile'), 'FROM scratch\n');
    for (let index = 1; index < files; index++) writeFileSync(join(root, `file${index}.txt`), 'x');
    return root;
  };

  it('walk a context once while it is kept, and again after it was dropped', () => {
    const [first, second] = [folder('first', 6), folder('second', 6)];
    const walkCache = new WalkCache(8);
    const entriesOf = (root: string): readonly unknown[] => loadBuildContext(join(root, 'Dockerfile'), root, { walkCache, onProgress: null }).entries;
    const firstWalk = entriesOf(first);
    expect(firstWalk).toHaveLength(6);
    expect(entriesOf(first)).toBe(firstWalk); // shared, not walked again
    entriesOf(second); // 12 entries > 8: the first context's walk is dropped
    const again = entriesOf(first);
    expect(again).not.toBe(firstWalk);
    expect(again.map((entry) => (entry as { path: string }).path)).toEqual(firstWalk.map((entry) => (entry as { path: string }).path));
  });
  it('shares one ignore-file view between the Dockerfiles of a root and ignore file, and only them', () => {
    const root = folder('shared', 2);
    writeFileSync(join(root, '.dockerignore'), 'file1.txt\n');
    writeFileSync(join(root, 'api.Dockerfile'), 'FROM scratch\n');
    writeFileSync(join(root, 'web.Dockerfile'), 'FROM scratch\n');
    writeFileSync(join(root, 'web.Dockerfile.dockerignore'), '*.txt\n!file1.txt\n');
    const options = { walkCache: new WalkCache(), ignoreFileLookup: new IgnoreFileLookup(), onProgress: null };
    const plain = loadBuildContext(join(root, 'Dockerfile'), root, options);
    const api = loadBuildContext(join(root, 'api.Dockerfile'), root, options);
    const web = loadBuildContext(join(root, 'web.Dockerfile'), root, options);
    expect(api.dockerignore).toBe(plain.dockerignore);
    expect(api.entries).toBe(plain.entries);
    expect(plain.dockerfilePath).toBe(join(root, 'Dockerfile'));
    expect(api.dockerfilePath).toBe(join(root, 'api.Dockerfile'));
    expect(web.dockerignore).not.toBe(plain.dockerignore);
    expect(web.dockerignore.patterns).toEqual(['*.txt', '!file1.txt']);
    expect(plain.dockerignore.patterns).toEqual(['file1.txt']);
    expect(web.entries.find((entry) => entry.path === 'file1.txt')?.ignored).toBe(false);
    expect(plain.entries.find((entry) => entry.path === 'file1.txt')?.ignored).toBe(true);
  });
});
