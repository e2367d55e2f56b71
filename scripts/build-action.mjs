#!/usr/bin/env node
/**
 * Builds the GitHub Action's single committed bundle: `action/src/main.ts` and everything it
 * imports into `action/dist/index.js` (esbuild, ESM, Node 20+), with the two WASM files the shell
 * parser loads at run time copied next to it.
 *
 *   node scripts/build-action.mjs            # writes action/dist/
 *   node scripts/build-action.mjs --out DIR  # writes DIR/ instead (the freshness test compares)
 *
 * The bundle must be rebuilt and committed whenever src/ changes: test/integrations/action.test.ts
 * fails when the committed one differs from a fresh build.
 */
import { chmodSync, copyFileSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const outIndex = process.argv.indexOf('--out');
const outDir = outIndex === -1 ? join(root, 'action', 'dist') : resolve(process.argv[outIndex + 1]);
const require = createRequire(join(root, 'package.json'));
const { version } = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));

/**
 * `src/parser/shell.ts` resolves tree-sitter-bash's grammar from node_modules, which a checked-out
 * action does not have. In the bundle it is looked up next to the bundle instead (web-tree-sitter
 * already finds its own WASM that way, through `import.meta.url`). If shell.ts learns to look
 * beside itself first, there is nothing to rewrite.
 */
const RESOLVE_GRAMMAR = "require.resolve('tree-sitter-bash/tree-sitter-bash.wasm')";
const BESIDE_BUNDLE = "(await import('node:url')).fileURLToPath(new URL('./tree-sitter-bash.wasm', import.meta.url))";
const grammarBesideBundle = {
  name: 'grammar-beside-bundle',
  setup(builder) {
    builder.onLoad({ filter: /[\\/]src[\\/]parser[\\/]shell\.ts$/ }, (args) => {
      const source = readFileSync(args.path, 'utf8');
      if (source.includes("new URL('./tree-sitter-bash.wasm', import.meta.url)")) return { contents: source, loader: 'ts' };
      if (!source.includes(RESOLVE_GRAMMAR)) {
        return { errors: [{ text: `shell.ts no longer contains ${RESOLVE_GRAMMAR}: update scripts/build-action.mjs so the bundle finds tree-sitter-bash.wasm` }] };
      }
      return { contents: source.replace(RESOLVE_GRAMMAR, BESIDE_BUNDLE), loader: 'ts' };
    });
  },
};

mkdirSync(outDir, { recursive: true });
await build({
  entryPoints: [join(root, 'action', 'src', 'main.ts')],
  outfile: join(outDir, 'index.js'),
  bundle: true,
  platform: 'node',
  // action.yml says node24; node20 syntax keeps the bundle runnable on older runners and here.
  target: 'node20',
  format: 'esm',
  // Bundled CommonJS packages call require() for Node built-ins; ESM has no require of its own.
  banner: { js: "import { createRequire as __docksideCreateRequire } from 'node:module';\nconst require = __docksideCreateRequire(import.meta.url);" },
  define: { DOCKSIDE_VERSION: JSON.stringify(version) },
  plugins: [grammarBesideBundle],
  legalComments: 'none',
  logLevel: 'warning',
});
// The bundle is ESM whatever the package.json above it says (an action may live in a subfolder).
writeFileSync(join(outDir, 'package.json'), '{\n  "type": "module"\n}\n');
copyFileSync(require.resolve('web-tree-sitter/web-tree-sitter.wasm'), join(outDir, 'web-tree-sitter.wasm'));
copyFileSync(require.resolve('tree-sitter-bash/tree-sitter-bash.wasm'), join(outDir, 'tree-sitter-bash.wasm'));
// Plain data files, whatever mode the packages shipped them with.
for (const name of ['web-tree-sitter.wasm', 'tree-sitter-bash.wasm']) chmodSync(join(outDir, name), 0o644);
console.log(`action bundle written to ${outDir}`);
