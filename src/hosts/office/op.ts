/// <reference types="office-js" />
// A write op: a part of a plan queued as one unit, with its estimated request bytes, so that ops can be packed into
// syncs by the payload budget (apply.ts). Made by score-ops.ts, fill-ops.ts, ranking-ops.ts and apply.ts.

/** A part of the plan queued as one unit: its estimated request bytes and what it queues. */
export interface Op {
  readonly bytes: number;
  readonly queue: (workbook: Excel.Workbook) => void;
}

/** A cell's number format as read (1-based), when it was read. */
export type FormatAt = (sheet: string, row: number, col: number) => string | undefined;
