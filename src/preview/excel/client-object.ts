// A proxy of the Excel API: it stands for an object found only when its commands run at sync. Reading a property
// that was not loaded, or was loaded but not yet synced, throws PropertyNotLoaded; *OrNullObject gives null objects
// whose isNullObject is known only after a sync.
import type { FakeContext } from "./context";
import { notLoaded } from "./errors";
import { size } from "./payload";

/** A proxy: its target is found when its commands run, at sync, in order. */
export abstract class ClientObject<T> {
  private loadedProps = new Map<string, unknown>();
  private nullKnown: boolean | undefined;
  constructor(readonly context: FakeContext) {}
  /** The object the proxy stands for, or null for a null object; only valid while commands run. */
  abstract target(): T | null;

  protected read<V>(prop: string): V {
    if (!this.loadedProps.has(prop)) notLoaded(prop);
    return this.loadedProps.get(prop) as V;
  }
  protected loadable(): Record<string, (t: T) => unknown> {
    return {};
  }
  get isNullObject(): boolean {
    if (this.nullKnown === undefined) notLoaded("isNullObject");
    return this.nullKnown;
  }
  /** Marks isNullObject as known after the next sync (any command on the proxy does). */
  protected touch(): void {
    this.context.enqueue(() => {
      const isNull = this.target() === null;
      this.context.commit(() => {
        this.nullKnown = isNull;
      }, 0);
    });
  }
  load(props?: string | string[] | Record<string, unknown>): this {
    const names =
      props === undefined
        ? Object.keys(this.loadable())
        : typeof props === "string"
          ? props.split(",").map((p) => p.trim())
          : Array.isArray(props)
            ? props
            : Object.keys(props);
    const getters = this.loadable();
    for (const n of names) if (!getters[n]) throw new Error(`fake Excel: load of '${n}' is not modelled`);
    this.context.enqueue(() => {
      const t = this.target();
      const got = new Map<string, unknown>();
      for (const n of names) got.set(n, t === null ? null : getters[n](t));
      const isNull = t === null;
      this.context.commit(
        () => {
          this.nullKnown = isNull;
          for (const [k, v] of got) this.loadedProps.set(k, v);
        },
        size([...got.values()]),
      );
    });
    return this;
  }
  protected setLoaded(k: string, v: unknown): void {
    this.loadedProps.set(k, v);
  }
  toJSON(): Record<string, unknown> {
    return Object.fromEntries(this.loadedProps);
  }
}
