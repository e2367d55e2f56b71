/**
 * Build contexts for the analysis rule tests: a fixture folder (fixtures/rules/<rule>/<case>) copied
 * to a temp folder, plus entries git cannot hold (`.git`, `node_modules`, big sparse files,
 * symlinks) created at runtime, then loaded the way the CLI loads it.
 */
import { closeSync, cpSync, ftruncateSync, mkdirSync, mkdtempSync, openSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll } from 'vitest';
import { loadBuildContext } from '../../../src/context/index.js';
import type { BuildContext } from '../../../src/context/types.js';

const FIXTURES = fileURLToPath(new URL('../../../fixtures/rules/', import.meta.url));

export type ExtraEntry = string | { readonly sparseBytes: number } | { readonly symlinkTo: string } | { readonly folder: true };

export interface FixtureContext {
  readonly root: string;
  readonly context: BuildContext;
}

const created: string[] = [];
afterAll(() => {
  for (const folder of created.splice(0)) rmSync(folder, { recursive: true, force: true });
});

export function fixtureContext(
  fixture: string | null,
  extra: Readonly<Record<string, ExtraEntry>> = {},
  dockerfile = 'Dockerfile',
): FixtureContext {
  const root = mkdtempSync(join(tmpdir(), 'dockside-rule-'));
  created.push(root);
  if (fixture !== null) cpSync(join(FIXTURES, fixture), root, { recursive: true });
  for (const [path, entry] of Object.entries(extra)) {
    const target = join(root, path);
    mkdirSync(dirname(target), { recursive: true });
    if (typeof entry === 'string') writeFileSync(target, entry);
    else if ('sparseBytes' in entry) {
      const descriptor = openSync(target, 'w');
      ftruncateSync(descriptor, entry.sparseBytes);
      closeSync(descriptor);
    } else if ('symlinkTo' in entry) symlinkSync(entry.symlinkTo, target);
    else mkdirSync(target, { recursive: true });
  }
  return { root, context: loadBuildContext(join(root, dockerfile), root, { onProgress: null }) };
}
