/**
 * A static re-enactment of BuildKit's conversion (`dockerfile2llb/convert.go`) as `--check` runs
 * it, computed once per file and shared by the dispatch-time checks: the global (FROM) scope, then
 * every stage dispatched in file order with its env, declared ARGs, SHELL and WORKDIR state
 * inherited from its parent stage (buildkit-checks.md §1 steps 6 and 8, §3).
 *
 * Static limitation (§9): a base image's config is unknown, so an external base image is assumed to
 * define only `PATH`, set no `Shell` and no `WorkingDir` (true of alpine/busybox/scratch).
 */
import type {
  ArgInstruction,
  CopyInstruction,
  Dockerfile,
  Instruction,
  KeyValueInstruction,
  Stage,
} from '../../parser/types.js';
import { perDockerfile } from '../../parser/derived.js';
import { InheritedMap, StageInheritance } from '../../parser/inherited-map.js';
import { mapList, newList } from '../../parser/lists.js';
// Which stages a `--target` build dispatches follows from the stage graph the analysis rules share.
import { dispatchedStages } from '../analysis/facts.js';
import { processWord, type EnvLookup, type ProcessedWord } from './lexer.js';
import { PREDEFINED_PLATFORM_ARGS, suggestClosest, suggestionBudgetOf } from './support.js';

/**
 * Lists here are made with lists.ts's one elements kind (`mapList`, `newList`): the checks reading
 * the records iterate them, and a list of another kind reaching them late threw their optimised
 * code away.
 */
const NO_STRINGS: readonly string[] = newList();

/** Never reported as undefined (`nonEnvArgs` in convert.go). */
const NON_ENV_ARGS: ReadonlySet<string> = new Set(['BUILDKIT_SBOM_SCAN_CONTEXT', 'BUILDKIT_SBOM_SCAN_STAGE']);
const DEFAULT_PATH = '/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin';

export interface UndefinedVariable {
  readonly name: string;
  readonly suggestion: string | null;
}

/** What dispatching one instruction showed the checks. */
export interface DispatchRecord {
  readonly instruction: Instruction;
  /** One entry per unmatched name per expanded word (BuildKit does not de-duplicate across words). */
  readonly undefinedVariables: UndefinedVariable[];
  /** WORKDIR: the expanded path, and whether it was the first WORKDIR of the stage's lineage. */
  workdir?: { readonly path: string; readonly first: boolean };
  /** ENV: keys after expansion. */
  envKeys?: string[];
  /** EXPOSE: ports after expansion and re-splitting. */
  exposedPorts?: string[];
  /** CMD/ENTRYPOINT: no SHELL had been set in the stage's lineage when it was dispatched. */
  noShellConfigured?: boolean;
  /** CMD/ENTRYPOINT/HEALTHCHECK: the earlier instruction of the same kind it overrides in its stage. */
  overrides?: Instruction;
}

export interface GlobalScope {
  /** Lookup for FROM: predefined platform ARGs and global ARGs that have a value. */
  readonly lookup: EnvLookup;
  /** Names of global ARGs (declared before the first FROM, with or without a value). */
  readonly declared: ReadonlySet<string>;
  /** Global ARG values (after build args), for stage ARGs that re-declare them without a value. */
  readonly values: ReadonlyMap<string, string>;
  /** Candidates for `(did you mean X?)`: global ARGs in file order, then predefined ARGs. */
  readonly suggestionOptions: readonly string[];
  /** A global ARG default failed to expand (`${X:?}`): BuildKit skips InvalidDefaultArgInFrom. */
  readonly expansionError: boolean;
}

/**
 * `buildMetaArgs`: global ARGs in order, each default expanded with the scope so far. With
 * `defaultsOnly` build args are ignored (InvalidDefaultArgInFrom, §2).
 */
export function globalScope(dockerfile: Dockerfile, options: { defaultsOnly: boolean }): GlobalScope {
  return options.defaultsOnly ? scopeOfDefaults(dockerfile) : scopeWithBuildArgs(dockerfile);
}

/** Several checks read the global scope of a file: computed once per file and kind. */
const scopeOfDefaults = perDockerfile((dockerfile) => computeGlobalScope(dockerfile, { defaultsOnly: true }));
const scopeWithBuildArgs = perDockerfile((dockerfile) => computeGlobalScope(dockerfile, { defaultsOnly: false }));

function computeGlobalScope(dockerfile: Dockerfile, options: { defaultsOnly: boolean }): GlobalScope {
  const values = new Map<string, string>();
  const declared = new Set<string>();
  const order: string[] = [];
  let expansionError = false;
  const lookup: EnvLookup = (name) => values.get(name) ?? PREDEFINED_PLATFORM_ARGS.get(name);
  for (const argInstruction of dockerfile.globalArgs) {
    argInstruction.definitions.forEach((definition, index) => {
      const name = definition.name;
      if (!declared.has(name)) order.push(name);
      declared.add(name);
      const buildArg = options.defaultsOnly ? undefined : dockerfile.buildArgs.get(name);
      if (buildArg !== undefined) {
        values.set(name, buildArg);
        return;
      }
      const rawDefault = argDefaultRaw(argInstruction, index);
      if (rawDefault === null) return;
      const expanded = processWord(rawDefault, lookup, { escapeChar: dockerfile.escapeChar });
      if (expanded.error) expansionError = true;
      values.set(name, expanded.result);
    });
  }
  return {
    lookup,
    declared,
    values,
    suggestionOptions: [...order, ...PREDEFINED_PLATFORM_ARGS.keys()],
    expansionError,
  };
}

/** The raw (still quoted) default of an ARG's `index`-th definition, or null without `=`. */
export function argDefaultRaw(instruction: ArgInstruction, index: number): string | null {
  const word = instruction.words[index];
  if (!word) return instruction.definitions[index]?.defaultValue ?? null;
  const equals = word.raw.indexOf('=');
  return equals === -1 ? null : word.raw.slice(equals + 1);
}

interface StageState {
  readonly env: InheritedMap<string>;
  readonly declaredArgs: InheritedMap<true>;
  shellSet: boolean;
  workdirSet: boolean;
}

export interface Simulation {
  readonly global: GlobalScope;
  /** Records of every stage instruction, in file order. */
  readonly records: readonly DispatchRecord[];
}

/** The dispatch of the stages BuildKit dispatches (`dispatchedStages`), in file order. */
export const simulateDispatch: (dockerfile: Dockerfile) => Simulation = perDockerfile(computeDispatch);

function computeDispatch(dockerfile: Dockerfile): Simulation {
  const global = globalScope(dockerfile, { defaultsOnly: false });
  const records: DispatchRecord[] = [];
  const stages = dispatchedStages(dockerfile);
  // A stage starts from its parent stage's final state (parser/inherited-map.ts: handed over or
  // layered, never copied whole).
  const inheritance = new StageInheritance<StageState>(stages, (parent) => ({
    env: parent.env.inherit(),
    declaredArgs: parent.declaredArgs.inherit(),
    shellSet: parent.shellSet,
    workdirSet: parent.workdirSet,
  }));
  for (const stage of stages) {
    const state: StageState = inheritance.inheritedBy(stage.baseStageIndex) ?? {
      env: InheritedMap.empty([['PATH', DEFAULT_PATH]]),
      declaredArgs: InheritedMap.empty(),
      shellSet: false,
      workdirSet: false,
    };
    new StageDispatcher(dockerfile, global, state, records).dispatch(stage);
    inheritance.finish(stage.index, state);
  }
  return { global, records };
}

class StageDispatcher {
  private readonly lastOfKind = new Map<string, Instruction>();

  constructor(
    private readonly dockerfile: Dockerfile,
    private readonly global: GlobalScope,
    private readonly state: StageState,
    private readonly records: DispatchRecord[],
  ) {}

  dispatch(stage: Stage): void {
    for (const instruction of stage.instructions) {
      if (instruction.kind === 'UNKNOWN') continue;
      // Every field set from the start, the optional ones undefined: records of every kind share one
      // hidden class. Added as each kind set its own, they had six, and the checks reading them
      // were thrown away by V8 ("wrong map") each time a new kind of record reached them.
      const record: DispatchRecord = {
        instruction,
        undefinedVariables: [],
        workdir: undefined,
        envKeys: undefined,
        exposedPorts: undefined,
        noShellConfigured: undefined,
        overrides: undefined,
      };
      this.records.push(record);
      this.dispatchOne(instruction, record);
    }
  }

  private lookup: EnvLookup = (name) => this.state.env.get(name);

  /** Expands one word the way `dispatch()` does, recording BuildKit's `reportUnmatchedVariables`. */
  private expand(record: DispatchRecord, word: string, options: { heredoc?: boolean } = {}): ProcessedWord {
    const processed = processWord(word, this.lookup, {
      // ExpandRaw (heredoc bodies) uses a fresh `\` lexer that leaves quotes alone.
      escapeChar: options.heredoc ? '\\' : this.dockerfile.escapeChar,
      skipProcessQuotes: options.heredoc ?? false,
    });
    for (const name of processed.unmatched) {
      if (this.state.declaredArgs.has(name) || NON_ENV_ARGS.has(name)) continue;
      record.undefinedVariables.push({ name, suggestion: suggestClosest(name, this.state.env, suggestionBudgetOf(this.dockerfile)) });
    }
    return processed;
  }

  private dispatchOne(instruction: Instruction, record: DispatchRecord): void {
    switch (instruction.kind) {
      case 'ENV':
        this.dispatchEnv(instruction, record);
        return;
      case 'LABEL':
        for (const { keyRaw, valueRaw } of keyValueWords(instruction)) {
          this.expand(record, keyRaw);
          this.expand(record, valueRaw);
        }
        return;
      case 'ARG':
        this.dispatchArg(instruction, record);
        return;
      case 'COPY':
      case 'ADD':
        this.dispatchCopy(instruction, record);
        return;
      case 'WORKDIR': {
        const path = this.expand(record, instruction.argsText).result;
        record.workdir = { path, first: !this.state.workdirSet };
        this.state.workdirSet = true;
        return;
      }
      case 'USER':
      case 'STOPSIGNAL':
        this.expand(record, instruction.argsText);
        return;
      case 'VOLUME': {
        const volumes = instruction.form === 'exec' ? (instruction.execArgs ?? NO_STRINGS) : mapList(instruction.words, (word) => word.raw);
        for (const volume of volumes) this.expand(record, volume);
        return;
      }
      case 'RUN':
        for (const mount of instruction.flags.filter((flag) => flag.name === 'mount')) {
          for (const field of (mount.value ?? '').split(',')) {
            const equals = field.indexOf('=');
            if (equals !== -1) this.expand(record, field.slice(equals + 1));
          }
        }
        return;
      case 'EXPOSE': {
        // Expanded with ProcessWords, but unmatched names are not reported (§3).
        const ports: string[] = [];
        for (const word of instruction.words) {
          ports.push(...processWord(word.raw, this.lookup, { escapeChar: this.dockerfile.escapeChar }).words);
        }
        record.exposedPorts = ports;
        return;
      }
      case 'CMD':
      case 'ENTRYPOINT':
        this.track(instruction.kind, instruction, record);
        record.noShellConfigured = !this.state.shellSet;
        return;
      case 'HEALTHCHECK':
        this.track('HEALTHCHECK', instruction, record);
        return;
      case 'SHELL':
        this.state.shellSet = true;
        return;
      default:
        return;
    }
  }

  private track(kind: string, instruction: Instruction, record: DispatchRecord): void {
    const previous = this.lastOfKind.get(kind);
    if (previous) record.overrides = previous;
    this.lastOfKind.set(kind, instruction);
  }

  private dispatchEnv(instruction: KeyValueInstruction, record: DispatchRecord): void {
    // Every key and value is expanded against the env from before this ENV (`ENV a=1 b=$a` does
    // not see the new `a`), then the pairs are applied in order.
    const expanded = mapList(keyValueWords(instruction), ({ keyRaw, valueRaw }) => ({
      key: this.expand(record, keyRaw).result,
      value: this.expand(record, valueRaw).result,
    }));
    record.envKeys = mapList(expanded, (pair) => pair.key);
    for (const { key, value } of expanded) this.state.env.set(key, value);
  }

  private dispatchArg(instruction: ArgInstruction, record: DispatchRecord): void {
    instruction.definitions.forEach((definition, index) => {
      const name = definition.name;
      const buildArg = this.dockerfile.buildArgs.get(name);
      const rawDefault = argDefaultRaw(instruction, index);
      let value: string | undefined;
      if (buildArg !== undefined) value = buildArg;
      else if (rawDefault !== null) value = this.expand(record, rawDefault).result;
      else value = this.global.values.get(name) ?? PREDEFINED_PLATFORM_ARGS.get(name);
      if (value !== undefined && !NON_ENV_ARGS.has(name)) this.state.env.set(name, value);
      this.state.declaredArgs.set(name, true);
    });
  }

  private dispatchCopy(instruction: CopyInstruction, record: DispatchRecord): void {
    const expandedFlags = instruction.kind === 'ADD' ? ['chown', 'chmod', 'checksum'] : ['chown', 'chmod'];
    for (const flagName of expandedFlags) {
      const flag = instruction.flags.find((candidate) => candidate.name === flagName);
      if (flag?.value) this.expand(record, flag.value);
    }
    const useValue = instruction.form === 'exec';
    for (const source of instruction.sources) this.expand(record, useValue ? source.value : source.raw);
    if (instruction.destination) {
      this.expand(record, useValue ? instruction.destination.value : instruction.destination.raw);
    }
    for (const heredoc of instruction.heredocSources) {
      if (!heredoc.quoted) this.expand(record, heredoc.body, { heredoc: true });
    }
  }
}

/** ENV/LABEL words as BuildKit keeps them (quotes included) before expansion. */
export function keyValueWords(instruction: KeyValueInstruction): { keyRaw: string; valueRaw: string }[] {
  const words = instruction.words;
  if (words.length === 0) return newList();
  const first = words[0]!;
  if (!first.raw.includes('=')) {
    // Legacy `KEY rest of line`: the value is the rest of the line, as written (§6 ENV/LABEL).
    const legacy = newList<{ keyRaw: string; valueRaw: string }>();
    legacy.push({ keyRaw: first.raw, valueRaw: instruction.argsText.slice(first.raw.length).trimStart() });
    return legacy;
  }
  return mapList(words, (word) => {
    const equals = word.raw.indexOf('=');
    return equals === -1
      ? { keyRaw: word.raw, valueRaw: '' }
      : { keyRaw: word.raw.slice(0, equals), valueRaw: word.raw.slice(equals + 1) };
  });
}
