/**
 * Caches that outlive a file (keyed by a COPY source, an image reference, a RUN script) must not
 * keep that file's text alive: V8 slices share their original, so a key cut from a 1 MB Dockerfile
 * held the whole megabyte. Measured as heap growth after a full collection, over 40 distinct 1 MB
 * texts: ~40 MB before the caches stored detached copies, ~0 since.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadBuildContext } from '../../src/context/index.js';
import { resolveSource } from '../../src/context/query.js';
import { detachedCopy } from '../../src/parser/detached.js';
import { initShellParser, parseShell } from '../../src/parser/shell.js';
import { SegmentSourceMap } from '../../src/parser/source-map.js';
import { isValidNormalizedNamed } from '../../src/rules/buildkit/support.js';

setFlagsFromString('--expose-gc');
const collectGarbage = runInNewContext('gc') as () => void;

const TEXTS = 40;
const TEXT_BYTES = 1_000_000;

function heapAfterCollection(): number {
  collectGarbage();
  collectGarbage();
  return process.memoryUsage().heapUsed;
}

/** Heap growth (bytes) left after `use` was handed one slice of each of TEXTS distinct 1 MB texts. */
function retainedBy(use: (slice: string, index: number) => void, sliceOf: (text: string, index: number) => string): number {
  const before = heapAfterCollection();
  for (let index = 0; index < TEXTS; index++) {
    // A distinct text each time (a shared one would be retained once at most).
    const text = `${'#'.repeat(TEXT_BYTES)}\n${index}`;
    use(sliceOf(text, index), index);
  }
  return heapAfterCollection() - before;
}

/** Puts `piece` inside a large text and cuts it back out: the slice a parser hands a rule. */
function cutFrom(piece: string): (text: string, index: number) => string {
  return (text, index) => {
    const padded = `${text}${piece}${index}`;
    return padded.slice(text.length, padded.length);
  };
}

const MEGABYTE = 1024 * 1024;
// Retaining the texts would be ~40 MB; a detached key is a few bytes. Leaves room for JIT and GC noise.
const LIMIT = 8 * MEGABYTE;

describe('caches that outlive a file hold detached copies', () => {
  let scratch = '';
  beforeAll(async () => {
    scratch = mkdtempSync(join(tmpdir(), 'dockside-retention-'));
    writeFileSync(join(scratch, 'Dockerfile'), 'FROM scratch\n');
    await initShellParser();
  });
  afterAll(() => rmSync(scratch, { recursive: true, force: true }));

  it('a detached copy is equal to its original and does not retain what it was cut from', () => {
    const kept: string[] = [];
    const grown = retainedBy((slice) => kept.push(detachedCopy(slice)), cutFrom('requirements-file.txt'));
    expect(kept[3]).toBe('requirements-file.txt3');
    expect(grown).toBeLessThan(LIMIT);
  });

  it('the measure sees retention: keeping the slices themselves keeps the texts', () => {
    const kept: string[] = [];
    const grown = retainedBy((slice) => kept.push(slice), cutFrom('requirements-file.txt'));
    expect(kept).toHaveLength(TEXTS);
    expect(grown).toBeGreaterThan(TEXTS * TEXT_BYTES * 0.8);
  });

  it("resolveSource's per-context answers", () => {
    const context = loadBuildContext(join(scratch, 'Dockerfile'), scratch, { onProgress: null });
    const grown = retainedBy((source) => resolveSource(context, source), cutFrom('src/some/missing-file.txt'));
    expect(resolveSource(context, 'Dockerfile').status).toBe('found');
    expect(grown).toBeLessThan(LIMIT);
  });

  it("isValidNormalizedNamed's answers by image reference", () => {
    const grown = retainedBy((reference) => expect(isValidNormalizedNamed(reference)).toBe(true), cutFrom('registry.example.com/team/image:1.0.'));
    expect(grown).toBeLessThan(LIMIT);
  });

  it("tree-sitter's results by script", () => {
    const grown = retainedBy((script) => {
      const parsed = parseShell(script, new SegmentSourceMap([{ offset: 0, line: 1, column: 1 }]));
      expect(parsed.commands.map((command) => command.name)).toEqual(['echo']);
    }, cutFrom('if [[ $ID =~ ^alpine ]]; then echo found-it; fi # '));
    expect(grown).toBeLessThan(LIMIT);
  });
});
