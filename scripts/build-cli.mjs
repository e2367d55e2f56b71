#!/usr/bin/env node
/**
 * Bundles the CLI for start-up time (issue 8): `bin/dockside.js` loads `dist/bundle/main.js`.
 *
 * Measured on one small Dockerfile: the ~150 modules tsc emits cost ~150 ms of module resolution
 * and loading before any work; esbuild's bundle, with code splitting so that what a run does not
 * use (reporters, the build-context walker, ajv, the shell parser's WASM glue) still loads lazily,
 * starts in about half that. `tsc` still builds `dist/` (types, the library entry, the tests'
 * fixtures) and typechecks; this script only packs the same sources.
 *
 * The bundle sits one folder below `dist/`, like `dist/cli/` and `dist/engine/`, so the relative
 * `import.meta.url` lookups in the sources (package.json, the config schema, the worker script)
 * resolve the same from both.
 */
import { rmSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
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
await build({
  plugins: [lazyChildProcessForCommander],
  entryPoints: {
    main: join(root, 'src', 'cli', 'main.ts'),
    // pool.ts starts workers from `./lint-worker.js` beside itself: same folder, same name.
    'lint-worker': join(root, 'src', 'cli', 'lint-worker.ts'),
  },
  outdir,
  entryNames: '[name]',
  chunkNames: 'chunk-[hash]',
  bundle: true,
  splitting: true,
  format: 'esm',
  platform: 'node',
  target: 'node20',
  // web-tree-sitter finds its own WASM beside its module: leave it in node_modules.
  external: ['web-tree-sitter'],
  // CommonJS dependencies (ajv, yaml…) call require() for Node built-ins.
  banner: { js: "import { createRequire as __docksideCreateRequire } from 'node:module'; const require = __docksideCreateRequire(import.meta.url);" },
  legalComments: 'none',
  minifyWhitespace: true,
  minifySyntax: true,
  logLevel: 'warning',
});
