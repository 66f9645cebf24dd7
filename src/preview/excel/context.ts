/// <reference types="office-js" />
// The request context: commands queue up and run only at context.sync(), in order; a failing command rejects the sync
// and leaves the commands before it applied; loaded values become readable when the sync that carried them succeeds.
// Each sync is counted with the bytes it carries each way, and refused above the payload limit.
import type { FakeExcel } from "./application";
import type { RangeTarget } from "./document";
import { FakeOfficeError } from "./errors";
import { FakeWorkbook } from "./workbook";

type Action = () => void;

export interface SyncRecord {
  readonly actions: number;
  readonly bytesOut: number;
  readonly bytesIn: number;
}

export class FakeContext {
  readonly workbook: FakeWorkbook;
  readonly runtime = { enableEvents: true };
  private queue: Action[] = [];
  private onCommit: (() => void)[] = [];
  /** Ranges whose values the batch wrote: Excel fires onChanged for an add-in's own writes too. */
  changes: RangeTarget[] = [];
  bytesOut = 0;
  bytesIn = 0;
  constructor(readonly excel: FakeExcel) {
    this.workbook = new FakeWorkbook(this);
  }
  enqueue(action: Action, bytes = 0): void {
    this.queue.push(action);
    this.bytesOut += bytes;
  }
  /** Runs after the sync that carried it succeeds: loaded values become readable. */
  commit(fn: () => void, bytes: number): void {
    this.onCommit.push(fn);
    this.bytesIn += bytes;
  }
  get pending(): boolean {
    return this.queue.length > 0;
  }
  async sync(): Promise<void> {
    const queue = this.queue;
    this.queue = [];
    this.onCommit = [];
    this.bytesIn = 0;
    const out = this.bytesOut + 64 * queue.length;
    this.bytesOut = 0;
    this.excel.syncCount++;
    await Promise.resolve();
    if (this.excel.onSync) await this.excel.onSync(this.excel.syncCount);
    if (out > this.excel.payloadLimit) {
      throw new FakeOfficeError("RequestPayloadSizeLimitExceeded", "The request payload size has exceeded the limit.");
    }
    for (const action of queue) action(); // a failing command rejects the sync; the ones before it stay applied
    if (this.bytesIn > this.excel.payloadLimit) {
      this.onCommit = [];
      throw this.excel.oversizeAnswer === "GeneralException"
        ? new FakeOfficeError("GeneralException", "An internal error has occurred.")
        : new FakeOfficeError("ResponsePayloadSizeLimitExceeded", "The response payload size has exceeded the limit.");
    }
    for (const fn of this.onCommit) fn();
    this.excel.syncs.push({ actions: queue.length, bytesOut: out, bytesIn: this.bytesIn });
    this.onCommit = [];
    const changes = this.changes;
    this.changes = [];
    if (changes.length > 0) this.excel.fireLater(changes);
  }
  /** The fake's own way to hand an Excel.RequestContext to host code. */
  get asExcel(): Excel.RequestContext {
    return this as unknown as Excel.RequestContext;
  }
}
