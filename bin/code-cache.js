// Loads the CommonJS bundles of scripts/build-cli.mjs through a V8 code cache (issue 8).
//
// Compiling a bundle and, on first call, each function a run uses is most of a cold start, and a
// fair share of a worker thread's start: V8 can save that work as a code cache. Node 20 has no such
// cache for ES modules, so the bundles are CommonJS, compiled here with one. Caches are kept per
// user in the temporary folder, one per command (`lint`, `rules`, …) and one for the lint worker
// threads, keyed by the build id on the bundles' first line. Each is written by the first run that
// compiled without one, once that run has compiled what such a run uses (the rules, for `lint`). V8
// checks its own version and flags and rejects a cache that does not fit; a rejected or unreadable
// cache costs one ordinary compile. DOCKSIDE_NO_CODE_CACHE=1 (or Node's
// NODE_DISABLE_COMPILE_CACHE=1) turns it off.
'use strict';
const { mkdirSync, readdirSync, readFileSync, renameSync, statSync, unlinkSync, writeFileSync } = require('node:fs');
const { createRequire } = require('node:module');
const { tmpdir } = require('node:os');
const { dirname, join } = require('node:path');
const { Script } = require('node:vm');

const cacheFolder = join(tmpdir(), `dockside-code-cache-${process.getuid?.() ?? 'user'}`);

/**
 * Compiles and runs the bundle at `bundlePath` with the code cache called `name`. Returns the
 * bundle's exports and `saveCodeCache()`, which writes the cache of everything compiled so far,
 * only when no cache was accepted (an accepted one is never replaced).
 */
function loadBundle(bundlePath, name) {
  const source = readFileSync(bundlePath, 'utf8');
  const enabled = !process.env.DOCKSIDE_NO_CODE_CACHE && !process.env.NODE_DISABLE_COMPILE_CACHE;
  // `// dockside bundle <sha1 of the bundles>` (scripts/build-cli.mjs). V8 validates a cache by
  // the source's length, not its content, so the cache's name must name the content.
  const buildId = enabled ? /^\/\/ dockside bundle ([0-9a-f]{20})[0-9a-f]{20}\n/.exec(source)?.[1] : undefined;
  const cachePath = buildId ? join(cacheFolder, `${buildId}-${process.version}-${process.arch}-${name}.bin`) : null;
  let cachedData;
  if (cachePath && isOurFolder(cacheFolder)) {
    try {
      cachedData = readFileSync(cachePath);
    } catch {
      // No cache yet (or an unreadable one): compile normally; the run may write one.
    }
  }
  // The same wrapper as Node's CommonJS loader, so the bundle sees the usual module variables.
  const script = new Script(`(function (exports, require, module, __filename, __dirname) {${source}\n})`, {
    filename: bundlePath,
    cachedData,
  });
  const bundle = { exports: {} };
  script.runInThisContext()(bundle.exports, createRequire(bundlePath), bundle, bundlePath, dirname(bundlePath));
  let unsaved = cachePath !== null && (cachedData === undefined || script.cachedDataRejected === true);
  return {
    exports: bundle.exports,
    saveCodeCache() {
      if (!unsaved) return;
      unsaved = false;
      writeCodeCache(script, cachePath, buildId);
    },
  };
}

function writeCodeCache(script, path, buildId) {
  try {
    mkdirSync(cacheFolder, { recursive: true, mode: 0o700 });
    if (!isOurFolder(cacheFolder)) return;
    // Written aside and renamed: parallel runs (a pre-commit hook's, two worker threads) never
    // read a half-written file.
    const partial = `${path}.${process.pid}.${require('node:worker_threads').threadId}`;
    writeFileSync(partial, script.createCachedData(), { mode: 0o600 });
    renameSync(partial, path);
    // The caches of earlier builds are never read again. All bundles of a build share its id.
    for (const name of readdirSync(cacheFolder)) {
      if (!name.startsWith(`${buildId}-`)) unlinkSync(join(cacheFolder, name));
    }
  } catch {
    // A read-only or full temporary folder only costs the next run its cache.
  }
}

/**
 * A code cache is code: it is read only from a folder this user owns and nobody else can write
 * (the temporary folder is shared, and another user could have made the folder first).
 */
function isOurFolder(folder) {
  try {
    const stats = statSync(folder);
    if (!stats.isDirectory()) return false;
    // Windows has no owners or mode bits here; its temporary folder is the user's own.
    if (process.platform === 'win32') return true;
    return stats.uid === process.getuid() && (stats.mode & 0o022) === 0;
  } catch {
    return false;
  }
}

module.exports = { loadBundle };
