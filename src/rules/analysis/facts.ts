/**
 * Facts the build-analysis rules and `dockside analyze` share, derived from the model once:
 * COPY/ADD sources after variable expansion, the stage graph, which instructions make layers.
 */
import { expandVariables } from '../../parser/expand.js';
import { perDockerfile } from '../../parser/derived.js';
import { InheritedMap, StageInheritance } from '../../parser/inherited-map.js';
import { mapList, newList } from '../../parser/lists.js';
import type { CopyInstruction, Dockerfile, Instruction, Stage, Word } from '../../parser/types.js';

export type SourceKind = 'local' | 'url' | 'git';

export interface ExpandedSource {
  readonly word: Word;
  /** After ARG/ENV expansion (quotes removed), not cleaned. */
  readonly value: string;
  /** Variables with no known value (they expand to the empty string, as in BuildKit). */
  readonly unresolved: readonly string[];
  readonly kind: SourceKind;
}

const URL_SOURCE = /^https?:\/\//iu;
// BuildKit's gitutil: git@host:, git://, ssh://, or an http(s) URL ending in .git (fragment allowed).
const GIT_SOURCE = /^(?:git@[^:]+:|git:\/\/|ssh:\/\/|https?:\/\/\S+?\.git(?:#.*)?$)/iu;

export function sourceKind(value: string): SourceKind {
  if (GIT_SOURCE.test(value)) return 'git';
  if (URL_SOURCE.test(value)) return 'url';
  return 'local';
}

/**
 * Every COPY/ADD in a stage (not ONBUILD triggers) with its sources expanded the way BuildKit
 * expands them: global ARGs are visible in a stage only once redeclared there, `--build-arg`
 * values override ARG defaults, ENV is inherited from a parent stage and wins over an ARG of the
 * same name.
 */
export const expandedCopySources: (dockerfile: Dockerfile) => ReadonlyMap<CopyInstruction, readonly ExpandedSource[]> =
  perDockerfile(computeExpandedCopySources);

function computeExpandedCopySources(dockerfile: Dockerfile): Map<CopyInstruction, ExpandedSource[]> {
  const result = new Map<CopyInstruction, ExpandedSource[]>();
  const escape = dockerfile.escapeChar;
  const globals = new Map<string, string>();
  for (const instruction of dockerfile.globalArgs) {
    for (const definition of instruction.definitions) {
      const fromBuild = dockerfile.buildArgs.get(definition.name);
      const fallback = definition.defaultValue === null ? undefined : expandVariables(definition.defaultValue, (name) => globals.get(name), escape).value;
      const value = fromBuild ?? fallback;
      if (value !== undefined) globals.set(definition.name, value);
    }
  }
  // ENV is inherited from the parent stage, handed over or layered, never copied whole
  // (parser/inherited-map.ts); ARGs are not inherited.
  const inheritance = new StageInheritance<InheritedMap<string>>(dockerfile.stages, (parent) => parent.inherit());
  for (const stage of dockerfile.stages) {
    const env = inheritance.inheritedBy(stage.baseStageIndex) ?? InheritedMap.empty<string>();
    const args = new Map<string, string>();
    const lookup = (name: string): string | undefined => env.get(name) ?? args.get(name);
    for (const instruction of stage.instructions) {
      if (instruction.kind === 'ARG') {
        for (const definition of instruction.definitions) {
          const fromBuild = dockerfile.buildArgs.get(definition.name);
          const fallback =
            definition.defaultValue === null ? globals.get(definition.name) : expandVariables(definition.defaultValue, lookup, escape).value;
          const value = fromBuild ?? fallback;
          if (value !== undefined) args.set(definition.name, value);
        }
      } else if (instruction.kind === 'ENV') {
        for (const pair of instruction.pairs) env.set(pair.key, expandVariables(pair.value, lookup, escape, { removeQuotes: false }).value);
      } else if (instruction.kind === 'COPY' || instruction.kind === 'ADD') {
        result.set(
          instruction,
          instruction.sources.map((word) => {
            const expansion = expandVariables(word.raw, lookup, escape);
            return { word, value: expansion.value, unresolved: expansion.unresolved, kind: sourceKind(expansion.value) };
          }),
        );
      }
    }
    inheritance.finish(stage.index, env);
  }
  return result;
}

/** Instructions that add a filesystem layer (ENV, LABEL, EXPOSE, … only change metadata). */
export function createsLayer(instruction: Instruction): boolean {
  return instruction.kind === 'RUN' || instruction.kind === 'COPY' || instruction.kind === 'ADD';
}

export type DependencyKind = 'from' | 'copy' | 'mount';

export interface StageDependency {
  readonly stageIndex: number;
  readonly kind: DependencyKind;
  readonly line: number;
  /** The value with variables (`dev-${VARIANT}`) that may name the stage; null for a literal name or index. */
  readonly via: string | null;
}

/** A stage's dependencies as `analyze` lists them: each reference's stages, up to a limit. */
export interface DependencyListing {
  readonly listed: readonly StageDependency[];
  /** Stages a value with variables may name beyond the limit: counted, not listed. */
  readonly unlisted: number;
}

export interface StageNode {
  readonly stage: Stage;
  /** Display name: the stage name, or its index. */
  readonly label: string;
  /** The target (`--target`'s stage, else the last) needs this stage. */
  readonly reachable: boolean;
  /**
   * The earlier stages this one uses, in the order it refers to them, at most `limitPerValue` of
   * those each value with variables may name (in file order).
   */
  listDependencies(limitPerValue: number): DependencyListing;
  /** Whether a reference of this kind on this line names (or may name) a stage `test` accepts. */
  someDependency(kind: DependencyKind, line: number, test: (stageIndex: number) => boolean): boolean;
}

/**
 * Resolves `--from=` / `from=` / `FROM` values to earlier stages: a stage name or index. A value
 * with variables (`runc-${TARGETOS}`) may name any stage its literal parts fit, so all of those
 * count as used: a linter cannot know the platform (and must not call a used stage unused). A name
 * is the first stage of that name (BuildKit refuses a second one), and each value's fits are found
 * once per file.
 */
class StageResolver {
  private readonly firstByName = new Map<string, number>();
  /** The first stage of each name, in file order. */
  private readonly named: Stage[] = [];
  private readonly fitsByValue = new Map<string, readonly number[]>();

  constructor(stages: readonly Stage[]) {
    for (const stage of stages) {
      if (stage.name === null || this.firstByName.has(stage.name)) continue;
      this.firstByName.set(stage.name, stage.index);
      this.named.push(stage);
    }
  }

  /** The stage a value without variables names, if it is one before `beforeIndex`; else null. */
  literal(value: string, beforeIndex: number): number | null {
    const index = /^\d+$/u.test(value) ? Number(value) : this.firstByName.get(value.toLowerCase());
    return index !== undefined && index < beforeIndex ? index : null;
  }

  /** Every stage a value with variables may name, in file order (the caller bounds it). */
  fits(value: string): readonly number[] {
    let fits = this.fitsByValue.get(value);
    if (fits === undefined) {
      const literalParts = value.toLowerCase().split(/\$\{[^}]*\}|\$[A-Za-z_][A-Za-z0-9_]*/u);
      // No regular expression built from user text: it could be huge (a 1 MB FROM) or pathological.
      fits = this.named.filter((stage) => fitsLiteralParts(stage.name!, literalParts)).map((stage) => stage.index);
      this.fitsByValue.set(value, fits);
    }
    return fits;
  }
}

/** How many of `ascending` are below `limit`: a binary search. */
function countBelow(ascending: readonly number[], limit: number): number {
  let low = 0;
  let high = ascending.length;
  while (low < high) {
    const middle = (low + high) >> 1;
    if (ascending[middle]! < limit) low = middle + 1;
    else high = middle;
  }
  return low;
}

/**
 * One reference a stage makes to earlier stages, in the order the stage makes them: its base
 * stage, a literal name or index (`index`), or a value with variables (`variable`), which may name
 * every earlier stage it fits.
 */
interface StageReference {
  readonly kind: DependencyKind;
  readonly line: number;
  readonly index: number | null;
  readonly variable: string | null;
}

/**
 * A stage of the graph. Its dependencies are never all listed: a value with variables can name
 * every earlier stage, so `FROM $BASE AS sN` 5,000 times is 12.5 million of them. The rules need
 * none (a fuzzer-made file of 5,000 took 4 s, and 5,000 distinct names 10 s and 1.6 GB, while they
 * were built for every file); `analyze` listed them all for a 168 KB file in 16 s, 1.4 GB and a
 * 305 MB report, so it lists a few per value and asks its questions without a list.
 */
class GraphNode implements StageNode {
  constructor(
    readonly stage: Stage,
    readonly label: string,
    readonly reachable: boolean,
    private readonly references: readonly StageReference[],
    private readonly resolver: StageResolver,
  ) {}

  listDependencies(limitPerValue: number): DependencyListing {
    // One list kind whatever the answer (parser/lists.ts): the loops over it stay monomorphic.
    const listed = newList<StageDependency>();
    let unlisted = 0;
    for (const { kind, line, index, variable } of this.references) {
      if (index !== null) listed.push({ stageIndex: index, kind, line, via: null });
      if (variable === null) continue;
      const fits = this.resolver.fits(variable);
      const earlier = countBelow(fits, this.stage.index);
      for (let position = 0; position < Math.min(earlier, limitPerValue); position++) {
        listed.push({ stageIndex: fits[position]!, kind, line, via: variable });
      }
      unlisted += Math.max(0, earlier - limitPerValue);
    }
    return { listed, unlisted };
  }

  someDependency(kind: DependencyKind, line: number, test: (stageIndex: number) => boolean): boolean {
    for (const reference of this.references) {
      if (reference.kind !== kind || reference.line !== line) continue;
      if (reference.index !== null && test(reference.index)) return true;
      if (reference.variable === null) continue;
      const fits = this.resolver.fits(reference.variable);
      const earlier = countBelow(fits, this.stage.index);
      for (let position = 0; position < earlier; position++) if (test(fits[position]!)) return true;
    }
    return false;
  }
}

function referencesOf(stage: Stage, resolver: StageResolver): StageReference[] {
  const references = newList<StageReference>();
  const add = (kind: DependencyKind, line: number, value: string): void => {
    if (value.includes('$')) references.push({ kind, line, index: null, variable: value });
    else {
      const index = resolver.literal(value, stage.index);
      if (index !== null) references.push({ kind, line, index, variable: null });
    }
  };
  if (stage.baseStageIndex !== null) references.push({ kind: 'from', line: stage.from.startLine, index: stage.baseStageIndex, variable: null });
  // `FROM dev-${VARIANT}`: a build arg can pick any stage that fits, whatever the default.
  if (stage.from.image.raw.includes('$')) add('from', stage.from.startLine, stage.from.image.raw);
  for (const stageInstruction of stage.instructions) {
    const instruction = stageInstruction.kind === 'ONBUILD' ? stageInstruction.trigger : stageInstruction;
    if (!instruction) continue;
    if ((instruction.kind === 'COPY' || instruction.kind === 'ADD') && instruction.from !== null) {
      add('copy', instruction.startLine, instruction.from);
    } else if (instruction.kind === 'RUN') {
      for (const mount of instruction.mounts) {
        const from = mount.options.get('from');
        if (from !== undefined) add('mount', instruction.startLine, from);
      }
    }
  }
  return references;
}

/**
 * The stage a build of the file ends with: `--target`'s, else the last one. Null for a file without
 * stages, and when no stage has `--target`'s name: that build stops before any stage (a parse error
 * says so), so no stage is needed.
 */
export function targetStageIndex(dockerfile: Dockerfile): number | null {
  if (dockerfile.target !== null) return dockerfile.target.stageIndex;
  const last = dockerfile.stages.length - 1;
  return last >= 0 ? last : null;
}

/** The stage graph (two rules and `analyze` read it). */
export const stageGraph: (dockerfile: Dockerfile) => readonly StageNode[] = perDockerfile(computeStageGraph);

function computeStageGraph(dockerfile: Dockerfile): StageNode[] {
  const resolver = new StageResolver(dockerfile.stages);
  const references = mapList(dockerfile.stages, (stage) => referencesOf(stage, resolver));
  // From the target through every reference. A value with variables reaches the stages it fits
  // below the referring stage; each value's fits are walked once in all (`walked` counts those
  // already reached through it), so the walk is linear in the fits, not in stages × fits.
  const reachable = new Uint8Array(dockerfile.stages.length);
  const walked = new Map<string, number>();
  const target = targetStageIndex(dockerfile);
  const pending = target !== null ? [target] : [];
  while (pending.length > 0) {
    const index = pending.pop()!;
    if (reachable[index] === 1) continue;
    reachable[index] = 1;
    for (const reference of references[index]!) {
      if (reference.index !== null) pending.push(reference.index);
      if (reference.variable === null) continue;
      const fits = resolver.fits(reference.variable);
      let done = walked.get(reference.variable) ?? 0;
      while (done < fits.length && fits[done]! < index) pending.push(fits[done++]!);
      walked.set(reference.variable, done);
    }
  }
  return mapList(
    dockerfile.stages,
    (stage) => new GraphNode(stage, stage.from.stageName ?? String(stage.index), reachable[stage.index] === 1, references[stage.index]!, resolver),
  );
}

/**
 * The stages BuildKit dispatches (buildkit-checks.md §1 step 8): `--check` without `--target`
 * dispatches every stage, reachable or not; with `--target`, only the stages the target needs, and
 * none when no stage has its name (the build stops with that error before dispatching). The checks
 * of that step report only in these. "Needs" is the stage graph's, which counts every stage a
 * variable `FROM`/`--from` could name, so a stage BuildKit would skip under some build args is still
 * checked, never the reverse.
 */
export function dispatchedStages(dockerfile: Dockerfile): readonly Stage[] {
  if (dockerfile.target === null) return dockerfile.stages;
  if (dockerfile.target.stageIndex === null) return [];
  return stageGraph(dockerfile)
    .filter((node) => node.reachable)
    .map((node) => node.stage);
}

/** A human size: `512 B`, `1.5 KiB`, `106.0 MiB`. */
export function formatBytes(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  const units = ['KiB', 'MiB', 'GiB', 'TiB'];
  let value = bytes / 1024;
  let unit = 0;
  while (value >= 1024 && unit < units.length - 1) {
    value /= 1024;
    unit++;
  }
  return `${value.toFixed(1)} ${units[unit]!}`;
}

/** The ignore file's own name (`.dockerignore`, `app.Dockerfile.dockerignore`) for messages. */
export function ignoreFileName(file: string | null): string {
  if (file === null) return '.dockerignore';
  return file.slice(Math.max(file.lastIndexOf('/'), file.lastIndexOf('\\')) + 1);
}

/** Does `name` read as the literal parts in order, any text standing between them (a `${VAR}`)? */
function fitsLiteralParts(name: string, parts: readonly string[]): boolean {
  if (parts.length === 0) return true;
  const first = parts[0]!;
  const last = parts[parts.length - 1]!;
  if (!name.startsWith(first)) return false;
  if (parts.length === 1) return name === first;
  if (!name.endsWith(last) || name.length < first.length + last.length) return false;
  let cursor = first.length;
  const end = name.length - last.length;
  for (let index = 1; index < parts.length - 1; index++) {
    const found = name.indexOf(parts[index]!, cursor);
    if (found === -1 || found + parts[index]!.length > end) return false;
    cursor = found + parts[index]!.length;
  }
  return true;
}
