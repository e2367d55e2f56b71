#!/usr/bin/env node
// The bundled CLI (scripts/build-cli.mjs): the same sources as dist/cli/, faster to load, compiled
// through a V8 code cache (bin/code-cache.js).
//
// This file is CommonJS (bin/package.json says so): an ES module entry would start Node's ES
// module loader, ~5 ms of every run, for nothing.
'use strict';
const { join } = require('node:path');
const { setFlagsFromString } = require('node:v8');
const { loadBundle } = require('./code-cache.js');

// V8 flags for the whole run, workers included, set before anything is compiled (a code cache
// is only accepted under the flags it was made with). A large run's cost is dominated by ~1,000
// functions that are each warm for a while: TurboFan compiling them took ~4 s of CPU per thread
// over the corpus, more than any rule. Inlining less and optimising a little later cut a
// whole-corpus run's CPU time by ~15-20% and its wall time by 7-15% (`npm run bench`); a short
// run compiles little either way. `--liftoff-only` keeps the shell grammar's WASM on its baseline
// compiler (src/parser/shell.ts): its optimising tier-up kept short runs alive for seconds.
// `--max-inlined-bytecode-size=50` (V8's default is 460) inlines only small helpers: TurboFan's
// compile time over the corpus went from 3.4 to 2.5 s per thread. With worker threads that time
// is not free (each worker compiles for itself, on the same two cores): 4-6% off the worker run's
// wall time in paired runs; one thread was unchanged (1.00x over five pairs).
// `--no-allocation-site-pretenuring`: V8 counts how many of the objects an allocation site (an
// array or object literal) makes survive a young-generation collection, and once most do, it
// allocates that site's objects straight into the old generation. A linter's objects live for one
// file, but early in a run over a big build context many survive (the walk's entries, the context
// index), and V8 decided so for some of the model's sites: from then on each file's model was
// made partly old, and everything young it pointed at was copied out of the young generation with
// it, to die only at the next full collection. Whole corpus (all 20,000 files in one context), one
// thread, with the code cache of an earlier large run: 633 MB promoted instead of 39, GC pauses
// 2.1 s instead of 0.4, wall 17-18 s instead of 13.5-15 and peak 230 MB instead of 158 (three
// pairs). The same run with an empty context, or without the cache, never decided so. With the
// flag: 1,000 and 3,000 files one-thread and the whole corpus with workers were as fast or faster
// in 5 of 6 and 4 of 5 pairs, and the cold start was unchanged.
// `--max-valid-polymorphic-map-count=12` (V8's default is 4): a property access that has met more
// shapes than that goes megamorphic, a probe of a global cache that optimised code cannot inline.
// The parser's character loops meet strings in up to eight internal forms (flat, sliced, joined;
// one- and two-byte), so their `length` and `charCodeAt` went megamorphic: 6% of a run's samples
// were megamorphic loads (`perf`). Whole corpus with workers, against the same build without the
// flag, each of 5 rounds run in both orders: faster in 10 of 10 pairs, mean wall 11.2 s against
// 12.3 s and CPU 20.6 s against 22.7 s, memory the same. 8 and 16 gained less (~5%, in runs whose
// order was not alternated).
setFlagsFromString(
  '--max-inlined-bytecode-size-cumulative=200 --max-inlined-bytecode-size=50 --interrupt-budget=200000 --liftoff-only --no-allocation-site-pretenuring --max-valid-polymorphic-map-count=12',
);

// The commands of src/cli/main.ts, each with its own cache; anything else (`--version`, `--help`)
// shares one.
const KNOWN_COMMANDS = new Set(['lint', 'analyze', 'rules', 'explain']);
const command = KNOWN_COMMANDS.has(process.argv[2] ?? '') ? process.argv[2] : 'other';
const bundle = loadBundle(join(__dirname, '..', 'dist', 'bundle', 'main.js'), command);

bundle.exports.main(process.argv).then(
  (exitCode) => {
    process.exitCode = exitCode;
    // A run that linted in worker threads compiled the rules there, not here: its cache would
    // lack them, and once accepted it would never be replaced by a better one.
    const compiledHere = !bundle.exports.lintedInWorkerThreads();
    if (compiledHere) bundle.saveCodeCache();
  },
  (error) => {
    // Last-resort guard: an internal error is exit 2 with one line, never a stack trace
    // (set DOCKSIDE_DEBUG=1 to see it).
    process.stderr.write(`dockside: internal error: ${error instanceof Error ? error.message : String(error)}\n`);
    if (process.env.DOCKSIDE_DEBUG) process.stderr.write(`${error instanceof Error ? error.stack : ''}\n`);
    process.exitCode = 2;
  },
);
