/**
 * Facts shared by the hadolint rules about images, stages and instructions (registry-general.ts).
 * Semantics from hadolint-rules.md §1 and §2.
 */
import { perDockerfile } from '../../parser/derived.js';
import type { Dockerfile, Instruction } from '../../parser/types.js';

/** hadolint's archive extensions (hadolint-rules.md §10), suffix match, case-sensitive. */
export const ARCHIVE_EXTENSIONS: readonly string[] = [
  '.tar',
  '.Z',
  '.bz2',
  '.gz',
  '.lz',
  '.lzma',
  '.tZ',
  '.tb2',
  '.tbz',
  '.tbz2',
  '.tgz',
  '.tlz',
  '.tpz',
  '.txz',
  '.xz',
];

export function isArchivePath(path: string): boolean {
  return ARCHIVE_EXTENSIONS.some((extension) => path.endsWith(extension));
}

/**
 * Top-level instructions (ONBUILD wrappers included, their triggers not), each with the exact stage
 * aliases declared by the FROMs seen so far (the current stage's alias included) and the number of
 * FROMs seen so far: the state hadolint's stage-aware rules fold over (§1 "Stages").
 */
export interface InstructionWithStageState {
  readonly instruction: Instruction;
  /** `AS` names as written, of every FROM up to and including the current stage's. */
  readonly aliasesSoFar: StageAliases;
  readonly fromCount: number;
}

/**
 * The `AS` names of a file's first `count` FROMs: a view of one table the whole file shares. A set
 * per stage copied every earlier name, and a file of 5,000 named stages spent seconds and a
 * gigabyte building 12.5 million entries.
 */
export class StageAliases {
  constructor(
    private readonly table: AliasTable,
    private readonly count: number,
  ) {}

  has(name: string): boolean {
    const from = this.table.firstFromOf.get(name);
    return from !== undefined && from < this.count;
  }

  /** Whether one of these names starts with `prefix` (what a FROM with unresolved variables may name). */
  someStartsWith(prefix: string): boolean {
    return this.table.earliestFromStartingWith(prefix) < this.count;
  }
}

/** Every `AS` name of a file, with the ordinal of the first FROM that declared it. */
class AliasTable {
  readonly firstFromOf = new Map<string, number>();
  private sortedNames: string[] | null = null;
  private readonly earliestByPrefix = new Map<string, number>();

  declare(name: string, fromOrdinal: number): void {
    if (!this.firstFromOf.has(name)) this.firstFromOf.set(name, fromOrdinal);
  }

  /** The first FROM declaring a name that starts with `prefix` (Infinity if none); once per prefix. */
  earliestFromStartingWith(prefix: string): number {
    const known = this.earliestByPrefix.get(prefix);
    if (known !== undefined) return known;
    const names = (this.sortedNames ??= [...this.firstFromOf.keys()].sort());
    // The names starting with `prefix` are one run of the sorted list, found by binary search.
    let low = 0;
    let high = names.length;
    while (low < high) {
      const middle = (low + high) >>> 1;
      if (names[middle]! < prefix) low = middle + 1;
      else high = middle;
    }
    let earliest = Number.POSITIVE_INFINITY;
    for (let index = low; index < names.length && names[index]!.startsWith(prefix); index++) {
      earliest = Math.min(earliest, this.firstFromOf.get(names[index]!)!);
    }
    this.earliestByPrefix.set(prefix, earliest);
    return earliest;
  }
}

/**
 * Computed once per file and shared by the rules that fold over it (DL3006, DL3022, DL3026). Each
 * instruction gets the aliases of the FROMs before it (its own stage's included): a FROM is judged
 * with the aliases before it, its own counting from the next instruction on.
 */
export const instructionsWithStageState: (dockerfile: Dockerfile) => readonly InstructionWithStageState[] = perDockerfile(
  (dockerfile) => {
    const states: InstructionWithStageState[] = [];
    const table = new AliasTable();
    let aliases = new StageAliases(table, 0);
    let fromCount = 0;
    for (const instruction of dockerfile.instructions) {
      if (instruction.kind === 'FROM') {
        states.push({ instruction, aliasesSoFar: aliases, fromCount });
        if (instruction.stageName !== null) table.declare(instruction.stageName, fromCount);
        fromCount++;
        aliases = new StageAliases(table, fromCount);
        continue;
      }
      states.push({ instruction, aliasesSoFar: aliases, fromCount });
    }
    return states;
  },
);

/** True when `text` holds `$NAME` (not followed by a name character) or `${NAME…}` for `name`. */
export function referencesVariable(text: string, name: string): boolean {
  if (text.includes(`\${${name}}`)) return true;
  // `${NAME:-x}`, `${NAME-x}` and friends: a brace form whose name ends right before an operator.
  let from = 0;
  for (;;) {
    const braced = text.indexOf(`\${${name}`, from);
    if (braced === -1) break;
    const next = text[braced + 2 + name.length];
    if (next !== undefined && !isNameChar(next)) return true;
    from = braced + 1;
  }
  from = 0;
  for (;;) {
    const bare = text.indexOf(`$${name}`, from);
    if (bare === -1) return false;
    const next = text[bare + 1 + name.length];
    if (next === undefined || !isNameChar(next)) return true;
    from = bare + 1;
  }
}

/**
 * Every name `text` refers to, in `referencesVariable`'s sense: after each `$`, the longest run of
 * name characters, when it is `${NAME` followed by any character, or `$NAME` (which ends at a
 * non-name character or at the end).
 */
export function referencedNames(text: string): string[] {
  const names: string[] = [];
  for (let dollar = text.indexOf('$'); dollar !== -1; dollar = text.indexOf('$', dollar + 1)) {
    const braced = text[dollar + 1] === '{';
    const start = dollar + (braced ? 2 : 1);
    let end = start;
    while (end < text.length && isNameChar(text[end]!)) end++;
    if (end === start || (braced && end === text.length)) continue;
    names.push(text.slice(start, end));
  }
  return names;
}

export function isNameChar(character: string): boolean {
  return /^[A-Za-z0-9_]$/.test(character);
}

/**
 * The registry of an image reference as hadolint (language-docker) reads it: the first path
 * segment when it contains a `.` (`my.reg:5000/x` → `my.reg:5000`; `localhost:5000/x` has none).
 * Null means Docker Hub.
 */
export function hadolintRegistryOf(image: string): string | null {
  const slash = image.indexOf('/');
  if (slash === -1) return null;
  const first = image.slice(0, slash);
  return first.includes('.') ? first : null;
}

/** The repository name without registry, tag or digest (hadolint's `imageName`). */
export function hadolintImageNameOf(image: string): string {
  let rest = image;
  const at = rest.indexOf('@');
  if (at !== -1) rest = rest.slice(0, at);
  const registry = hadolintRegistryOf(rest);
  if (registry !== null) rest = rest.slice(registry.length + 1);
  const lastSlash = rest.lastIndexOf('/');
  const colon = rest.indexOf(':', lastSlash + 1);
  return colon === -1 ? rest : rest.slice(0, colon);
}

/**
 * DL3026's registry patterns (hadolint-rules.md §2): `*` trusts everything, `*.example.com` is a
 * suffix match on `.example.com` (not `example.com` itself), `prefix*` a prefix match, anything
 * else an exact match.
 */
export function registryMatches(registry: string, pattern: string): boolean {
  if (pattern === '*') return true;
  if (pattern.startsWith('*')) return registry.endsWith(pattern.slice(1));
  if (pattern.endsWith('*')) return registry.startsWith(pattern.slice(0, -1));
  return registry === pattern;
}

/** Images without a registry come from Docker Hub, trusted only when a pattern matches its names. */
export function isTrustedRegistry(registry: string | null, patterns: readonly string[]): boolean {
  const candidates = registry === null ? ['docker.io', 'hub.docker.com'] : [registry];
  return candidates.some((candidate) => patterns.some((pattern) => registryMatches(candidate, pattern)));
}
