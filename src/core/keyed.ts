// Read-only maps over a fixed key list shared by every unit (the rulebook's fields, leaves or indicators): each unit
// holds a few numbers or one small array instead of a hash table of its own. They behave as the Maps they replace:
// keys in first-insertion order, a key given twice keeps its first place and its last value.

/** A key list and each key's slot: built once per rulebook, shared by every unit. */
export class KeyIndex {
  readonly keys: readonly string[];
  private readonly slots: ReadonlyMap<string, number>;
  constructor(ids: Iterable<string>) {
    const slots = new Map<string, number>();
    for (const id of ids) if (!slots.has(id)) slots.set(id, slots.size);
    this.slots = slots;
    this.keys = [...slots.keys()];
  }
  get size(): number {
    return this.keys.length;
  }
  /** The key's slot, or -1. */
  slot(key: string): number {
    return this.slots.get(key) ?? -1;
  }
}

export abstract class KeyedMap<V> implements ReadonlyMap<string, V> {
  constructor(protected readonly index: KeyIndex) {}
  protected abstract at(slot: number): V;
  /** The key list it reads through. */
  get keyIndex(): KeyIndex {
    return this.index;
  }
  /** The value at a slot of that key list (one looked up once with keyIndex.slot, for many units). */
  valueAt(slot: number): V {
    return this.at(slot);
  }
  get size(): number {
    return this.index.size;
  }
  get(key: string): V | undefined {
    const slot = this.index.slot(key);
    return slot < 0 ? undefined : this.at(slot);
  }
  has(key: string): boolean {
    return this.index.slot(key) >= 0;
  }
  forEach(callback: (value: V, key: string, map: ReadonlyMap<string, V>) => void, thisArg?: unknown): void {
    const keys = this.index.keys;
    for (let i = 0; i < keys.length; i++) callback.call(thisArg, this.at(i), keys[i], this);
  }
  entries(): MapIterator<[string, V]> {
    return this.index.keys.map((k, i): [string, V] => [k, this.at(i)]).values();
  }
  keys(): MapIterator<string> {
    return this.index.keys.values();
  }
  values(): MapIterator<V> {
    return this.index.keys.map((_, i) => this.at(i)).values();
  }
  [Symbol.iterator](): MapIterator<[string, V]> {
    return this.entries();
  }
}

/** One value per key, in slot order, in an array shared by many units: this unit's run starts at `offset`. */
export class ArrayMap<V> extends KeyedMap<V> {
  constructor(
    index: KeyIndex,
    private readonly values_: readonly V[],
    private readonly offset = 0,
  ) {
    super(index);
  }
  protected at(slot: number): V {
    return this.values_[this.offset + slot];
  }
}

/** Values drawn from a shared list of distinct values: this unit's run of index.size positions in `ids` (one number
 * per key, kept outside the garbage-collected heap) starts at `offset`, and each names a value of `values_`. */
export class IdMap<V> extends KeyedMap<V> {
  constructor(
    index: KeyIndex,
    private readonly values_: readonly V[],
    private readonly ids: Uint32Array,
    private readonly offset: number,
  ) {
    super(index);
  }
  protected at(slot: number): V {
    return this.values_[this.ids[this.offset + slot]];
  }
}

/** Numbers kept in a table shared by many units: this unit's run of index.size numbers starts at `offset`. */
export class TableMap extends KeyedMap<number> {
  constructor(
    index: KeyIndex,
    private readonly table: Float64Array,
    private readonly offset: number,
  ) {
    super(index);
  }
  protected at(slot: number): number {
    return this.table[this.offset + slot];
  }
}
