#!/usr/bin/env node
/**
 * Bundles the CLI for start-up time (issue 8): `bin/dockside.js` loads `dist/bundle/main.js`.
 *
 * Measured on one small Dockerfile: the ~150 modules tsc emits cost ~150 ms of module resolution
 * and loading before any work. One CommonJS bundle loads in one read, and, unlike an ES module on
 * Node 20, can be compiled with a V8 code cache (`bin/dockside.js` keeps one): with the cache a
 * cold start spends ~35 ms over node's own, where the code-split ES module bundle spent ~75.
 * What a run does not use (reporters, the build-context walker, ajv, the shell parser's WASM glue)
 * is still initialised lazily: esbuild wraps each dynamically imported module in an initialiser
 * that runs on first import. `tsc` still builds `dist/` (types, the library entry, the tests'
 * fixtures) and typechecks; this script only packs the same sources.
 *
 * The bundle sits one folder below `dist/`, like `dist/cli/` and `dist/engine/`, so the relative
 * `import.meta.url` lookups in the sources (package.json, the config schema, the worker script)
 * resolve the same from both. Its own package.json marks the folder as CommonJS.
 */
import { createHash } from 'node:crypto';
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const outdir = join(root, 'dist', 'bundle');

/**
 * commander requires `node:child_process` when it loads, for executable subcommands, which dockside
 * does not have: ~9 ms of every cold start. Its only use is `spawn`, so commander gets a stand-in
 * that loads the module on first call.
 */
const lazyChildProcessForCommander = {
  name: 'lazy-child-process-for-commander',
  setup(builder) {
    builder.onResolve({ filter: /^node:child_process$/ }, (args) =>
      /[\\/]node_modules[\\/]commander[\\/]/.test(args.importer) ? { path: 'child_process', namespace: 'lazy-builtin' } : undefined,
    );
    builder.onLoad({ filter: /.*/, namespace: 'lazy-builtin' }, () => ({
      loader: 'js',
      contents: "let loaded; module.exports = { spawn: (...args) => (loaded ??= require('node:child_process')).spawn(...args) };",
    }));
  },
};

rmSync(outdir, { recursive: true, force: true });
mkdirSync(outdir, { recursive: true });
writeFileSync(join(outdir, 'package.json'), '{ "type": "commonjs" }\n');
const { outputFiles } = await build({
  plugins: [lazyChildProcessForCommander],
  entryPoints: {
    main: join(root, 'src', 'cli', 'main.ts'),
    // pool.ts starts workers from `./lint-worker.js` beside itself: the loader written below, which
    // compiles this bundle with the workers' code cache.
    'lint-worker-bundle': join(root, 'src', 'cli', 'lint-worker.ts'),
  },
  outdir,
  entryNames: '[name]',
  bundle: true,
  format: 'cjs',
  platform: 'node',
  target: 'node20',
  // `import()` becomes a lazy `require()`: a script compiled with a code cache has no module
  // loader behind `import()` on Node 20, and the bundled modules are initialised on first use.
  supported: { 'dynamic-import': false },
  // The sources find their neighbours (package.json, the schema, the worker) from their own URL.
  define: { 'import.meta.url': '__docksideModuleUrl' },
  banner: { js: "const __docksideModuleUrl = require('node:url').pathToFileURL(__filename).href;" },
  // web-tree-sitter finds its own WASM beside its module: leave it in node_modules (its CommonJS build).
  external: ['web-tree-sitter'],
  legalComments: 'none',
  minifyWhitespace: true,
  minifySyntax: true,
  logLevel: 'warning',
  write: false,
});

// bin/code-cache.js keys its code caches by the bundles' first line: V8 checks a cache against the
// source's length only, so a rebuilt bundle must not meet the cache of an older one of the same
// length. One id for all the bundles of a build: a cache of another build is deleted by prefix.
const buildId = createHash('sha1');
for (const file of outputFiles) buildId.update(relative(outdir, file.path)).update(file.text);
const header = `// dockside bundle ${buildId.digest('hex')}\n`;
for (const file of outputFiles) writeFileSync(file.path, `${header}${file.text}`);
writeFileSync(
  join(outdir, 'lint-worker.js'),
  [
    "'use strict';",
    '// A lint worker thread (written by scripts/build-cli.mjs): the worker bundle, compiled through the',
    "// workers' code cache, which the first worker to warm up without one saves.",
    "const { loadBundle } = require('../../bin/code-cache.js');",
    "const worker = loadBundle(require('node:path').join(__dirname, 'lint-worker-bundle.js'), 'lint-worker');",
    'worker.exports.whenWarm(() => worker.saveCodeCache());',
    '',
  ].join('\n'),
);
