#!/usr/bin/env node
// The bundled CLI (scripts/build-cli.mjs): the same sources as dist/cli/, faster to load.
import module from 'node:module';

// Node 22.1+ can keep the compiled bundle on disk between runs (compiling it is ~15 ms of every
// cold start); older Node has no such API and skips this. NODE_DISABLE_COMPILE_CACHE=1 turns it off.
module.enableCompileCache?.();
const { main } = await import('../dist/bundle/main.js');

main(process.argv).then(
  (exitCode) => {
    process.exitCode = exitCode;
  },
  (error) => {
    // Last-resort guard: an internal error is exit 2 with one line, never a stack trace
    // (set DOCKSIDE_DEBUG=1 to see it).
    process.stderr.write(`dockside: internal error: ${error instanceof Error ? error.message : String(error)}\n`);
    if (process.env.DOCKSIDE_DEBUG) process.stderr.write(`${error instanceof Error ? error.stack : ''}\n`);
    process.exitCode = 2;
  },
);
