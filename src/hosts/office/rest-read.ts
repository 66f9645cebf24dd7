/// <reference types="office-js" />
// The rest of a big sheet: row blocks without fills, in as few syncs as the bytes need: k = ⌈estimated bytes ÷
// SYNC_BUDGET⌉, the rows spread evenly over them (budget.ts, nextSync). The bytes per cell start as the first block
// measured them; each sync measures what came back, and the syncs after it are planned on the densest rows seen. A
// block Excel refuses as too large (ResponsePayloadSizeLimitExceeded, or GeneralException on the web) is asked for
// again in halves, down to one row.
import { MEMORY_SHEET } from "../../core";
import { ESTIMATE_MARGIN, type Rect, type RowRun, jsonBytes, nextSync } from "./budget";

import { type Io, inTurn } from "./io";
import { type WorkbookRead } from "./sheet-read";

/** A block to read: rows of a sheet, or "" for the tool's memory. */
type ReadBlock = RowRun<string>;

/** What is left to read of the named sheets and of the memory, in order, each row at its estimated bytes. */
function runsOf(wb: WorkbookRead, names: readonly string[]): ReadBlock[] {
  const runs: ReadBlock[] = [];
  for (const name of names) {
    const read = wb.read.get(name);
    if (!read) continue;
    for (const rect of read.pending) runs.push({ key: name, rect, rowBytes: Math.max(1, rect.cols * read.cellBytes) });
  }
  if (wb.memoryPending) {
    const per = Math.max(wb.memoryChunkBytes * ESTIMATE_MARGIN, 1000);
    runs.push({ key: "", rect: wb.memoryPending, rowBytes: per });
  }
  return runs;
}

/** The rows below a block that was read from the top of `rect` (null when none are left). */
function after(rect: Rect, block: Rect): Rect | null {
  const rows = rect.rows - block.rows;
  return rows > 0 ? { ...rect, row: rect.row + block.rows, rows } : null;
}

/** Takes what a sync read off the front of what was pending. */
function advance(wb: WorkbookRead, group: readonly ReadBlock[]): void {
  for (const b of group) {
    if (b.key === "") {
      wb.memoryPending = wb.memoryPending && after(wb.memoryPending, b.rect);
      continue;
    }
    const read = wb.read.get(b.key)!;
    read.pending = read.pending.flatMap((r) =>
      r.row === b.rect.row && r.col === b.rect.col ? (after(r, b.rect) ?? []) : [r],
    );
  }
}

/** Halves a block by rows (a response Excel refused is read again in halves). */
function halves(b: ReadBlock): ReadBlock[] {
  if (b.rect.rows < 2) return [b];
  const top = Math.ceil(b.rect.rows / 2);
  return [
    { ...b, rect: { ...b.rect, rows: top } },
    { ...b, rect: { ...b.rect, row: b.rect.row + top, rows: b.rect.rows - top } },
  ];
}

/** A response Excel refused as too large. Excel on the web answers some oversized requests with GeneralException
 * ("An internal error has occurred") instead of the documented code (OfficeDev/office-js#1314, #1012): a read is
 * safe to repeat, so that is taken as "too large" too, and the block asked for again in halves. */
function isTooLarge(e: unknown): boolean {
  const code = (e as { code?: unknown } | null)?.code;
  return code === "ResponsePayloadSizeLimitExceeded" || code === "GeneralException";
}

/** One sync's worth of blocks; a response Excel refuses as too large is asked for again in halves (reading changes
 * nothing, so it is safe to repeat), down to single rows, and only then is the refusal the user's to see. */
async function readGroup(io: Io, wb: WorkbookRead, group: ReadBlock[]): Promise<void> {
  const sheets = io.context.workbook.worksheets;
  const queued = group.map((b) => {
    const ws = b.key === "" ? sheets.getItem(MEMORY_SHEET) : sheets.getItem(b.key);
    const range = ws.getRangeByIndexes(b.rect.row, b.rect.col, b.rect.rows, b.rect.cols);
    if (b.key === "") range.load("values");
    else range.load("values,valueTypes,numberFormat");
    return { b, range };
  });
  try {
    await io.sync();
  } catch (e) {
    const split = group.flatMap(halves);
    if (!isTooLarge(e) || split.length === group.length) throw e;
    // Each half in a sync of its own: the estimate that packed them together was wrong.
    await inTurn(
      split.map((b) => [b]),
      (g) => readGroup(io, wb, g),
    );
    return;
  }
  for (const { b, range } of queued) {
    if (b.key === "") {
      range.values.forEach((line, r) => (wb.memoryChunks[b.rect.row + r] = line[0]));
      continue;
    }
    const read = wb.read.get(b.key)!;
    const types = range.valueTypes as string[][];
    read.absorb(b.rect, range.values, types, range.numberFormat);
    // The syncs after this one are planned on the densest rows seen so far.
    const bytes = jsonBytes(range.values) + jsonBytes(types) + jsonBytes(range.numberFormat);
    read.cellBytes = Math.max(read.cellBytes, bytes / (b.rect.rows * b.rect.cols));
  }
}

/** Reads the rest of the named sheets (and of the memory): k syncs, k = ⌈estimated bytes ÷ SYNC_BUDGET⌉, each
 * planned after the one before has measured its rows (so written as recursion: one sync a step). */
export async function complete(io: Io, wb: WorkbookRead, names: readonly string[]): Promise<void> {
  const group = nextSync(runsOf(wb, names));
  if (group.length === 0) {
    for (const name of names) {
      const read = wb.read.get(name);
      if (read) read.pending = [];
    }
    wb.memoryPending = null;
    return;
  }
  await readGroup(io, wb, group);
  advance(wb, group);
  await complete(io, wb, names);
}
