/**
 * The model's lists (flags, mounts, words, sources, definitions…, and the lists the build context
 * and the stage graph answer with), all made with one V8 elements kind: packed, of objects.
 *
 * An array's elements kind is part of its hidden class. An empty `[]` literal is a list of small
 * integers until an object goes in, and `Array.prototype.map` returns a packed or a holey list
 * depending on whether its caller has been optimised. The model's lists came in up to four kinds
 * (a RUN's `mounts` in all four), so a rule's `.some`, `.filter` or `for…of` over one met a new
 * hidden class well into a run and its optimised code was thrown away ("wrong map") and compiled
 * again, once per rule and per thread. One worker over the shared corpus: 147 deoptimisations, 97
 * of them "wrong map", before; 86 and 33 with the lists made here (and 660 → 625 compiles).
 * Lists of objects and strings (and the stage graph's lists of stage indexes, which a list of
 * objects holds as well) are made here; `.filter` and `.slice` keep their source's kind, so lists
 * made from these need nothing more.
 */

/** An empty list of the model's one kind. */
export function newList<T>(): T[] {
  // A literal that holds an object is a list of objects, and emptying it keeps that kind.
  const list: T[] = [null as T];
  list.pop();
  return list;
}

/** `items.map(mapper)`, as a list of the model's one kind. */
export function mapList<T, U>(items: readonly T[], mapper: (item: T) => U): U[] {
  const list = newList<U>();
  for (let index = 0; index < items.length; index++) list.push(mapper(items[index]!));
  return list;
}
