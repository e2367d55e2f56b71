/**
 * Autofix over a sample of the shared corpus (every 20th `*.Dockerfile`), copied to a temp
 * folder: see `corpus-fix-check.ts` for what is checked.
 */
import { chmod, copyFile, mkdtemp, readdir, rm } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { CORPUS_DIR } from '../support/shared.js';
import { corpusFixEngine, fixCorpusFiles } from './corpus-fix-check.js';

const CORPUS = join(CORPUS_DIR, 'dockerfiles');
// ShellCheck findings carry no fixes; its ~40 ms per file would only slow this run down.
process.env.DOCKSIDE_SHELLCHECK = 'off';
const SAMPLE_STEP = 20;

describe('autofix over the corpus sample', () => {
  if (!existsSync(CORPUS)) {
    it.skip('corpus: skipped, ../shared is absent on this machine', () => {});
    return;
  }
  let folder: string | null = null;
  afterAll(async () => {
    if (folder) await rm(folder, { recursive: true, force: true });
  });

  it('keeps files parsing, reaches a fixed point, merges RUNs only', async () => {
    folder = await mkdtemp(join(tmpdir(), 'dockside-corpus-fix-'));
    const names = (await readdir(CORPUS)).filter((name) => name.endsWith('.Dockerfile')).sort();
    const sample = names.filter((_, index) => index % SAMPLE_STEP === 0);
    const copies: string[] = [];
    for (const name of sample) {
      const copy = join(folder, name);
      await copyFile(join(CORPUS, name), copy);
      // The corpus is read-only, and a copy keeps its mode: only root could fix it in place.
      await chmod(copy, 0o644);
      copies.push(copy);
    }
    const summary = await fixCorpusFiles(copies, corpusFixEngine());
    console.log(
      `corpus sample: ${summary.files} files, ${summary.changedFiles} changed, ${summary.fixesApplied} findings fixed` +
        (summary.refused.length > 0 ? `, ${summary.refused.length} refused by the parse guard` : ''),
    );
    expect(summary.problems).toEqual([]);
    expect(summary.fixesApplied).toBeGreaterThan(0);
  }, 600_000);
});
