import type { Dockerfile } from './types.js';

/**
 * A fact derived from a Dockerfile's model (the stage graph, expanded COPY sources, the RUN list),
 * computed the first time some rule asks and kept as long as the model lives: several rules read
 * the same facts of the same file.
 */
export function perDockerfile<T>(compute: (dockerfile: Dockerfile) => T): (dockerfile: Dockerfile) => T {
  const cache = new WeakMap<Dockerfile, T>();
  return (dockerfile) => {
    let value = cache.get(dockerfile);
    if (value === undefined) {
      value = compute(dockerfile);
      cache.set(dockerfile, value);
    }
    return value;
  };
}
