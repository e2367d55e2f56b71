/**
 * A copy of `text` that does not keep alive the string it was cut from.
 *
 * V8 represents `text.slice(a, b)` (13 characters or more) as a view into the whole original, so a
 * word, a path or a script cut from a Dockerfile holds the entire file in memory for as long as it
 * lives. Inside one file's lint that is what we want: no copying. A cache that outlives the file
 * (keyed by a COPY source, an image reference or a script) must store detached copies instead:
 * keyed by slices, such caches kept thousands of whole Dockerfiles alive over a large run (a heap
 * snapshot 30,000 files into a run held ~15 MB of them, ~8,000 retained through slices), which
 * pushed worker threads against their heap cap into back-to-back full collections.
 *
 * Concatenating makes a new string whose characters are flattened into fresh storage when it is
 * sliced: the result shares nothing with `text`'s original. Short strings are copied by V8 anyway.
 */
export function detachedCopy(text: string): string {
  return text.length < 13 ? text : ` ${text}`.slice(1);
}
