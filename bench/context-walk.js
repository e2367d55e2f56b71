// Benchmark: the build-context walk (dist/context) against `find DIR -type f | wc -l` on the same
// trees: the largest real context (go-moby, materialised from its manifest as sparse files) and a
// generated 100,000-file tree. Run `npm run build` first. Usage: node bench/context-walk.js [--json]
// Exported `runContextWalkBench()` returns the measurements for the main bench to print.
import { execFileSync } from 'node:child_process';
import { closeSync, existsSync, ftruncateSync, mkdirSync, mkdtempSync, openSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const repoRoot = fileURLToPath(new URL('..', import.meta.url));
const contextsDir = join(repoRoot, '..', 'shared', 'corpus', 'contexts');

function materialiseManifest(name, into) {
  const folder = join(contextsDir, name);
  const info = Object.fromEntries(
    readFileSync(join(folder, 'context.tsv'), 'utf8').split('\n').filter(Boolean).map((line) => line.split('\t')),
  );
  const root = join(into, name);
  for (const line of readFileSync(join(folder, 'manifest.tsv'), 'utf8').split('\n').slice(1)) {
    if (line === '') continue;
    const [path, size, mode] = line.split('\t');
    const target = join(root, path);
    mkdirSync(dirname(target), { recursive: true });
    if (mode === '120000') symlinkSync('x'.repeat(Number(size)), target);
    else if (path === info.dockerfile) writeFileSync(target, readFileSync(join(folder, 'Dockerfile')));
    else if (path === info.dockerignore) writeFileSync(target, readFileSync(join(folder, 'dockerignore')));
    else {
      const descriptor = openSync(target, 'w');
      ftruncateSync(descriptor, Number(size));
      closeSync(descriptor);
    }
  }
  return { root, dockerfile: join(root, info.dockerfile) };
}

/** 100,000 small files: 100 top folders × 10 subfolders × 100 files, plus a .dockerignore. */
function generateTree(into, fileCount = 100_000) {
  const root = join(into, 'generated');
  const perFolder = 100;
  let written = 0;
  for (let top = 0; written < fileCount; top++) {
    for (let sub = 0; sub < 10 && written < fileCount; sub++) {
      const folder = join(root, `pkg${top}`, `mod${sub}`);
      mkdirSync(folder, { recursive: true });
      for (let index = 0; index < perFolder && written < fileCount; index++, written++) writeFileSync(join(folder, `f${index}.txt`), 'x');
    }
  }
  writeFileSync(join(root, '.dockerignore'), '# generated\n**/*.log\n');
  writeFileSync(join(root, 'Dockerfile'), 'FROM scratch\nCOPY . /\n');
  return { root, dockerfile: join(root, 'Dockerfile') };
}

/**
 * The same tree for a second Dockerfile with an ignore file of its own, 1,000 lines long (a
 * generated one, or a long .gitignore copied over) that excludes little: every path is decided
 * against it. Testing every pattern against every path made a 10,000-file context with 5,000
 * patterns take 88 s.
 */
function withLongIgnoreFile(tree) {
  const dockerfile = join(tree.root, 'Dockerfile.long');
  const lines = Array.from({ length: 1_000 }, (_, index) => [`**/*.x${index}`, `out${index}`, `pkg${index}/tmp*`, `*.tmp${index}`][index % 4]);
  writeFileSync(`${dockerfile}.dockerignore`, `${lines.join('\n')}\n`);
  writeFileSync(dockerfile, 'FROM scratch\nCOPY . /\n');
  return { root: tree.root, dockerfile };
}

function timeFind(root, runs) {
  let best = Infinity;
  let count = 0;
  for (let run = 0; run < runs; run++) {
    const started = process.hrtime.bigint();
    const output = execFileSync('sh', ['-c', `find "${root}" -type f | wc -l`], { encoding: 'utf8' });
    best = Math.min(best, Number(process.hrtime.bigint() - started) / 1e6);
    count = Number(output.trim());
  }
  return { ms: best, files: count };
}

function timeWalk(loadBuildContext, tree, runs) {
  let best = Infinity;
  let totals = null;
  for (let run = 0; run < runs; run++) {
    const started = process.hrtime.bigint();
    const context = loadBuildContext(tree.dockerfile, tree.root, { onProgress: null });
    totals = context.totals;
    best = Math.min(best, Number(process.hrtime.bigint() - started) / 1e6);
  }
  return { ms: best, files: totals.files + totals.ignoredFiles, sentFiles: totals.files, sentBytes: totals.bytes };
}

export async function runContextWalkBench({ runs = 3 } = {}) {
  const distEntry = join(repoRoot, 'dist', 'context', 'index.js');
  if (!existsSync(distEntry)) throw new Error('dist/context/index.js is missing: run `npm run build` first');
  const { loadBuildContext } = await import(distEntry);
  const scratch = mkdtempSync(join(tmpdir(), 'dockside-bench-walk-'));
  const results = [];
  try {
    const trees = [];
    if (existsSync(join(contextsDir, 'go-moby'))) trees.push(['go-moby (13,024 files, 106 MB)', materialiseManifest('go-moby', scratch)]);
    const generated = generateTree(scratch);
    trees.push(['generated (100,000 files)', generated]);
    trees.push(['same, 1,000-line .dockerignore', withLongIgnoreFile(generated)]);
    for (const [label, tree] of trees) {
      // One untimed pass each so both start with a warm page cache.
      timeFind(tree.root, 1);
      timeWalk(loadBuildContext, tree, 1);
      const find = timeFind(tree.root, runs);
      const walk = timeWalk(loadBuildContext, tree, runs);
      results.push({ tree: label, walkMs: walk.ms, findMs: find.ms, ratio: walk.ms / find.ms, walkFiles: walk.files, findFiles: find.files, sentFiles: walk.sentFiles, sentBytes: walk.sentBytes });
    }
  } finally {
    rmSync(scratch, { recursive: true, force: true });
  }
  return results;
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const results = await runContextWalkBench();
  if (process.argv.includes('--json')) console.log(JSON.stringify(results, null, 2));
  else {
    console.log('context walk (best of 3)          dockside      find | wc -l   ratio   files (walk / find)');
    for (const result of results) {
      console.log(
        `${result.tree.padEnd(34)} ${result.walkMs.toFixed(1).padStart(8)} ms ${result.findMs.toFixed(1).padStart(10)} ms ${result.ratio.toFixed(2).padStart(6)}x   ${result.walkFiles} / ${result.findFiles}`,
      );
    }
  }
}
