/**
 * The 8 real build contexts of ../shared/corpus/contexts, materialised from their manifests (sparse
 * files of the right sizes, symlinks of the right length) in a temp folder. The walk's files and
 * bytes after .dockerignore must equal an independent computation done here from the manifest with
 * a deliberately simple matcher written for this test.
 */
import { closeSync, existsSync, ftruncateSync, mkdirSync, mkdtempSync, openSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, posix } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { loadBuildContext } from '../../src/context/index.js';
import { CORPUS_DIR, hasShared, skipMessage } from '../support/shared.js';

const CONTEXTS_DIR = join(CORPUS_DIR, 'contexts');
const available = hasShared && existsSync(CONTEXTS_DIR);

interface ManifestRow {
  readonly path: string;
  readonly size: number;
  readonly mode: string;
}

function readTsv(path: string): string[][] {
  return readFileSync(path, 'utf8')
    .split('\n')
    .filter((line) => line !== '')
    .map((line) => line.split('\t'));
}

function readManifest(name: string): ManifestRow[] {
  return readTsv(join(CONTEXTS_DIR, name, 'manifest.tsv'))
    .slice(1)
    .map(([path, size, mode]) => ({ path: path!, size: Number(size), mode: mode! }));
}

function readContextInfo(name: string): Record<string, string> {
  return Object.fromEntries(readTsv(join(CONTEXTS_DIR, name, 'context.tsv')).map(([key, value]) => [key!, value ?? '']));
}

/**
 * An independent reading of the .dockerignore rules (Docker docs + buildkit-checks.md §7), kept
 * simple on purpose: glob → regex by hand, a path is excluded when it or a parent folder matches,
 * the last matching pattern wins.
 */
function simpleIgnoreMatcher(text: string): (path: string) => boolean {
  const rules: { negate: boolean; regex: RegExp }[] = [];
  for (const rawLine of text.replace(/^\uFEFF/u, '').split(/\r?\n/u)) {
    if (rawLine.startsWith('#')) continue;
    let line = rawLine.trim();
    if (line === '') continue;
    const negate = line.startsWith('!');
    if (negate) line = line.slice(1).trim();
    line = posix.normalize(line).replace(/\/+$/u, '').replace(/^\//u, '');
    if (line === '.' || line === '') continue;
    let source = '';
    for (let index = 0; index < line.length; index++) {
      const character = line[index]!;
      if (character === '*' && line[index + 1] === '*') {
        index++;
        if (line[index + 1] === '/') index++;
        source += index + 1 >= line.length ? '.*' : '(?:.*/)?';
      } else if (character === '*') source += '[^/]*';
      else if (character === '?') source += '[^/]';
      else if (character === '[' || character === ']') source += character;
      else source += character.replace(/[.+^${}()|\\]/gu, '\\$&');
    }
    rules.push({ negate, regex: new RegExp(`^${source}$`, 'u') });
  }
  return (path) => {
    const prefixes: string[] = [];
    const parts = path.split('/');
    for (let depth = 1; depth <= parts.length; depth++) prefixes.push(parts.slice(0, depth).join('/'));
    let excluded = false;
    for (const rule of rules) {
      if (prefixes.some((prefix) => rule.regex.test(prefix))) excluded = !rule.negate;
    }
    return excluded;
  };
}

const names = available ? readTsvNames() : [];
function readTsvNames(): string[] {
  return ['dotnet-eshoponcontainers', 'go-moby', 'java-maven-zipkin', 'monorepo-hoppscotch', 'node-outline', 'python-changedetection', 'ruby-rails-maybe', 'rust-qdrant'];
}

const scratch = mkdtempSync(join(tmpdir(), 'dockside-contexts-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

/** Materialises a manifest; returns the context root and the Dockerfile's absolute path. */
export function materialise(name: string, into: string): { root: string; dockerfile: string; manifest: ManifestRow[] } {
  const info = readContextInfo(name);
  const manifest = readManifest(name);
  const root = join(into, name);
  const dockerfileText = readFileSync(join(CONTEXTS_DIR, name, 'Dockerfile'));
  const ignoreText = readFileSync(join(CONTEXTS_DIR, name, 'dockerignore'));
  const ignorePath = info.dockerignore ?? '.dockerignore';
  for (const row of manifest) {
    const target = join(root, row.path);
    mkdirSync(dirname(target), { recursive: true });
    if (row.mode === '120000') {
      // The real link text is not in the manifest; a dangling link of the same length has the same lstat size.
      symlinkSync('x'.repeat(row.size), target);
    } else if (row.path === info.dockerfile) writeFileSync(target, dockerfileText);
    else if (row.path === ignorePath) writeFileSync(target, ignoreText);
    else {
      const descriptor = openSync(target, 'w');
      ftruncateSync(descriptor, row.size);
      closeSync(descriptor);
    }
  }
  return { root, dockerfile: join(root, info.dockerfile!), manifest };
}

describe.skipIf(!available)('real build contexts', () => {
  if (!available) it.skip(skipMessage('corpus/contexts'), () => {});

  for (const name of names) {
    it(`${name}: files and bytes after .dockerignore`, () => {
      const info = readContextInfo(name);
      const { root, dockerfile, manifest } = materialise(name, scratch);
      expect(manifest).toHaveLength(Number(info.files));
      expect(manifest.reduce((sum, row) => sum + row.size, 0)).toBe(Number(info.bytes));

      const isExcluded = simpleIgnoreMatcher(readFileSync(join(CONTEXTS_DIR, name, 'dockerignore'), 'utf8'));
      const sent = manifest.filter((row) => !isExcluded(row.path));
      const expectedBytes = sent.reduce((sum, row) => sum + row.size, 0);

      const context = loadBuildContext(dockerfile, root, { onProgress: null });
      expect(context.dockerignore.file).not.toBeNull();
      expect(context.dockerignore.file!.endsWith('.dockerignore')).toBe(true);
      expect(context.warnings).toEqual([]);
      expect({ files: context.totals.files, bytes: context.totals.bytes }).toEqual({ files: sent.length, bytes: expectedBytes });
      // Every manifest path is either walked or inside a pruned folder, and the excluded ones agree too.
      const walked = new Set(context.entries.filter((entry) => !entry.isDirectory).map((entry) => entry.path));
      const prunedFolders = context.pruned.map((folder) => `${folder.path}/`);
      for (const row of manifest) {
        const inPruned = prunedFolders.some((folder) => row.path.startsWith(folder));
        expect(walked.has(row.path) || inPruned, row.path).toBe(true);
        if (inPruned) expect(isExcluded(row.path), row.path).toBe(true);
      }
    });
  }
});
