/**
 * Splits an image reference the way the distribution reference grammar does:
 * `[registry[:port]/]path[:tag][@digest]`. The first path component is a registry when it holds a
 * `.` or a `:`, or is `localhost`.
 */
export interface ImageParts {
  readonly registry: string | null;
  readonly name: string;
  readonly tag: string | null;
  readonly digest: string | null;
}

export function splitImageReference(reference: string): ImageParts {
  let rest = reference;
  let digest: string | null = null;
  const at = rest.indexOf('@');
  if (at !== -1) {
    digest = rest.slice(at + 1);
    rest = rest.slice(0, at);
  }
  let registry: string | null = null;
  const firstSlash = rest.indexOf('/');
  if (firstSlash !== -1) {
    const first = rest.slice(0, firstSlash);
    if (first.includes('.') || first.includes(':') || first === 'localhost') {
      registry = first;
      rest = rest.slice(firstSlash + 1);
    }
  }
  let tag: string | null = null;
  const lastSlash = rest.lastIndexOf('/');
  const colon = rest.indexOf(':', lastSlash + 1);
  if (colon !== -1) {
    tag = rest.slice(colon + 1);
    rest = rest.slice(0, colon);
  }
  return { registry, name: rest, tag, digest };
}
