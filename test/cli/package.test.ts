/**
 * What package.json points at must exist once built: an entry naming a file the build does not
 * make (`main` once named a library entry that was never written) breaks `require('dockside')`
 * for every installer. Runs after `npm test`'s build (pretest).
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const root = fileURLToPath(new URL('../..', import.meta.url));
const manifest = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as Record<string, unknown>;

describe('package.json', () => {
  it('points only at files that exist', () => {
    const pointers: string[] = [];
    for (const field of ['main', 'types', 'module']) {
      if (typeof manifest[field] === 'string') pointers.push(manifest[field] as string);
    }
    const bin = manifest.bin;
    if (typeof bin === 'string') pointers.push(bin);
    else if (bin && typeof bin === 'object') pointers.push(...Object.values(bin as Record<string, string>));
    expect(pointers.length).toBeGreaterThan(0);
    for (const pointer of pointers) expect(existsSync(join(root, pointer)), pointer).toBe(true);
  });
});
