/// <reference types="office-js" />
// Round trips: the request context with a count of its syncs and the deadline a run must keep, and the way to make a
// bounded sequence of them without a sync inside a loop.
import { OutOfTime } from "./errors";

/** The request context and a count of the syncs made on it. */
export class Io {
  syncs = 0;
  constructor(
    readonly context: Excel.RequestContext,
    /** When the run must stop (ms, as `now` counts): no round trip starts after it (see OutOfTime). */
    private readonly deadline?: { readonly at: number; readonly now: () => number },
  ) {}
  async sync(): Promise<void> {
    if (this.deadline && this.deadline.now() >= this.deadline.at) throw new OutOfTime();
    await this.context.sync();
    this.syncs++;
  }
}

/** Runs one step per item, each ending in its own sync: a bounded sequence of round trips, written as recursion so
 * that no context.sync() sits inside a loop (each step's commands depend on nothing read by the one before). */
export async function inTurn<T>(items: readonly T[], step: (item: T) => Promise<void>, i = 0): Promise<void> {
  if (i >= items.length) return;
  await step(items[i]);
  await inTurn(items, step, i + 1);
}
