#!/usr/bin/env node
// The bundled CLI (scripts/build-cli.mjs): the same sources as dist/cli/, faster to load.
import { main } from '../dist/bundle/main.js';

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
