import type { Dockerfile } from './types.js';

/**
 * A fact derived from a Dockerfile's model (the stage graph, expanded COPY sources, the RUN list),
 * computed the first time some rule asks and kept for the file being linted: several rules read
 * the same facts of the same file.
 *
 * The memo holds one file, the last one asked about: the engine runs every rule on one file before
 * the next, so that is the only one asked about again. A WeakMap per fact cost a hash insertion per
 * file and fact, and V8 keeps an ephemeron per entry alive until a full GC; asking about another
 * file only recomputes the fact.
 */
export function perDockerfile<T>(compute: (dockerfile: Dockerfile) => T): (dockerfile: Dockerfile) => T {
  let lastDockerfile: Dockerfile | null = null;
  let lastValue: T | undefined;
  return (dockerfile) => {
    if (dockerfile !== lastDockerfile) {
      // Assigned after `compute`: if it throws, the memo still holds the previous pair.
      lastValue = compute(dockerfile);
      lastDockerfile = dockerfile;
    }
    return lastValue as T;
  };
}
