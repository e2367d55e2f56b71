/**
 * A stage's variables (ENV, declared ARGs): what it inherits from its base stage, then what it
 * sets itself, without copying what it inherits.
 *
 * Each stage used to start from a copy of its base stage's map. A chain of stages, each built on
 * the one before and each adding variables, then copied them over and over: 2,490 stages adding
 * ten variables each (295 KB) took 21 s and 2.5 GB, fifty each (1.3 MB) ran out of memory.
 *
 * Two ways out, used together by `StageInheritance`:
 * - a base stage that only one later stage builds on hands that stage its map itself (nothing else
 *   reads it afterwards), so a chain of stages shares one map;
 * - a base stage that several build on gives each a layer over its map: lookups go down the
 *   layers, and past `MAX_LAYERS` a new stage starts from one flat copy instead, so a lookup costs
 *   at most that many map reads.
 */
const MAX_LAYERS = 16;

export class InheritedMap<V> {
  private readonly own = new Map<string, V>();

  private constructor(
    private readonly base: InheritedMap<V> | null,
    private readonly layers: number,
  ) {}

  static empty<V>(entries: Iterable<readonly [string, V]> = []): InheritedMap<V> {
    const map = new InheritedMap<V>(null, 1);
    for (const [key, value] of entries) map.own.set(key, value);
    return map;
  }

  /** A map that sees this one's entries; this one must not change afterwards. */
  inherit(): InheritedMap<V> {
    if (this.layers < MAX_LAYERS) return new InheritedMap(this, this.layers + 1);
    const flat = new InheritedMap<V>(null, 1);
    this.copyInto(flat.own);
    return flat;
  }

  /**
   * Sets every layer's entries into `target`, base first: `Map.set` keeps a key where it was first
   * set and takes the latest value, which is the order and content of a map copied stage by stage.
   */
  private copyInto(target: Map<string, V>): void {
    const chain: InheritedMap<V>[] = [];
    for (let map: InheritedMap<V> | null = this; map !== null; map = map.base) chain.push(map);
    for (let index = chain.length - 1; index >= 0; index--) {
      for (const [key, value] of chain[index]!.own) target.set(key, value);
    }
  }

  get(key: string): V | undefined {
    for (let map: InheritedMap<V> | null = this; map !== null; map = map.base) {
      const value = map.own.get(key);
      if (value !== undefined) return value;
    }
    return undefined;
  }

  has(key: string): boolean {
    for (let map: InheritedMap<V> | null = this; map !== null; map = map.base) {
      if (map.own.has(key)) return true;
    }
    return false;
  }

  set(key: string, value: V): void {
    this.own.set(key, value);
  }

  /** At least the number of keys (a key set in several layers counts once per layer), without listing them. */
  get sizeBound(): number {
    let size = 0;
    for (let map: InheritedMap<V> | null = this; map !== null; map = map.base) size += map.own.size;
    return size;
  }

  /** The entries in the order a copied `Map` would hold them (inherited keys first), latest values. */
  entries(): [string, V][] {
    if (this.base === null) return [...this.own];
    const flat = new Map<string, V>();
    this.copyInto(flat);
    return [...flat];
  }

  keys(): string[] {
    if (this.base === null) return [...this.own.keys()];
    const flat = new Map<string, V>();
    this.copyInto(flat);
    return [...flat.keys()];
  }
}

/**
 * Hands each stage what it inherits from its base stage: the base's own map when no other stage
 * builds on it (nothing reads it afterwards), else a layer over it for each stage that does (the
 * base's map never changes again, whichever of them is visited last). `finish` records a stage's
 * final map for the stages built on it.
 */
export class StageInheritance<T> {
  /** How many of the stages build on each stage. */
  private readonly children = new Map<number, number>();
  private readonly finals = new Map<number, T>();

  constructor(
    stages: Iterable<{ readonly baseStageIndex: number | null }>,
    private readonly layer: (base: T) => T,
  ) {
    for (const stage of stages) {
      if (stage.baseStageIndex !== null) this.children.set(stage.baseStageIndex, (this.children.get(stage.baseStageIndex) ?? 0) + 1);
    }
  }

  /** What a stage built on `baseStageIndex` starts from; undefined for a stage on an image. */
  inheritedBy(baseStageIndex: number | null): T | undefined {
    if (baseStageIndex === null) return undefined;
    const base = this.finals.get(baseStageIndex);
    if (base === undefined) return undefined;
    if (this.children.get(baseStageIndex) !== 1) return this.layer(base);
    this.finals.delete(baseStageIndex);
    return base;
  }

  finish(stageIndex: number, final: T): void {
    // Kept only when a stage builds on it.
    if (this.children.has(stageIndex)) this.finals.set(stageIndex, final);
  }
}
