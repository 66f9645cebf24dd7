/// <reference types="office-js" />
// The rest of a big sheet: row blocks sized from the bytes per cell the first block measured, several to a sync up to
// SYNC_BUDGET, without fills; a block Excel refuses as too large (ResponsePayloadSizeLimitExceeded, or GeneralException
// on the web) is asked for again in halves, down to one row.
import { MEMORY_SHEET } from "../../core";
import { ESTIMATE_MARGIN, type Rect, pack, rowBlocks } from "./budget";

import { type Io, inTurn } from "./io";
import { type WorkbookRead } from "./sheet-read";

interface ReadBlock {
  readonly sheet: string; // "" for the tool's memory
  readonly rect: Rect;
  readonly bytes: number;
}

function blocksOf(wb: WorkbookRead, names: readonly string[]): ReadBlock[] {
  const blocks: ReadBlock[] = [];
  for (const name of names) {
    const read = wb.read.get(name);
    if (!read) continue;
    for (const rect of read.pending) {
      for (const b of rowBlocks(rect, read.cellBytes)) {
        blocks.push({ sheet: name, rect: b, bytes: b.rows * b.cols * read.cellBytes });
      }
    }
  }
  if (wb.memoryPending) {
    const per = Math.max(wb.memoryChunkBytes * ESTIMATE_MARGIN, 1000);
    for (const b of rowBlocks(wb.memoryPending, per)) blocks.push({ sheet: "", rect: b, bytes: b.rows * per });
  }
  return blocks;
}

/** Halves a block by rows (a response Excel refused is read again in halves). */
function halves(b: ReadBlock): ReadBlock[] {
  if (b.rect.rows < 2) return [b];
  const top = Math.ceil(b.rect.rows / 2);
  return [
    { sheet: b.sheet, rect: { ...b.rect, rows: top }, bytes: b.bytes / 2 },
    { sheet: b.sheet, rect: { ...b.rect, row: b.rect.row + top, rows: b.rect.rows - top }, bytes: b.bytes / 2 },
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
    const ws = b.sheet === "" ? sheets.getItem(MEMORY_SHEET) : sheets.getItem(b.sheet);
    const range = ws.getRangeByIndexes(b.rect.row, b.rect.col, b.rect.rows, b.rect.cols);
    if (b.sheet === "") range.load("values");
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
    if (b.sheet === "") {
      range.values.forEach((line, r) => (wb.memoryChunks[b.rect.row + r] = line[0]));
    } else {
      wb.read.get(b.sheet)!.absorb(b.rect, range.values, range.valueTypes as string[][], range.numberFormat);
    }
  }
}

/** Reads the rest of the named sheets (and of the memory): k syncs, k = the blocks packed at SYNC_BUDGET a sync. */
export async function complete(io: Io, wb: WorkbookRead, names: readonly string[]): Promise<void> {
  const blocks = blocksOf(wb, names);
  if (blocks.length === 0) return;
  await inTurn(
    pack(blocks, (b) => b.bytes),
    (g) => readGroup(io, wb, g),
  );
  for (const name of names) {
    const read = wb.read.get(name);
    if (read) read.pending = [];
  }
  wb.memoryPending = null;
}
