/// <reference types="office-js" />
// The score cells as write ops: the plan's cell writes as rectangular blocks over runs of adjacent columns (around
// merged ranges that reach into the score columns), each block in row slices of at most SYNC_BUDGET bytes, and the
// bold score headers. Relies on ExcelApi 1.7 (getRangeByIndexes).
import { LOOKS, type WritePlan, eachCell } from "../../core";
import { COMMAND_BYTES, slices } from "./budget";
import { applyLook } from "./look";
import type { FormatAt, Op } from "./op";

interface WriteBlock {
  readonly row: number; // 1-based
  readonly col: number;
  readonly values: (string | number | null)[][];
  readonly formats: (string | null)[][];
}

/** Where a group of cells' rectangles reach: per column written, its first and last row. */
interface Extent {
  readonly top: number[];
  readonly bottom: number[];
  /** The blocks, once made: per column, the block holding it. */
  readonly blockOf: WriteBlock[];
}

/** The plan's cell writes as rectangular blocks over runs of adjacent columns: one values and one numberFormat
 * assignment per block, null where a cell is left as it is ("" clears a cell). No block covers a cell of a merged
 * range reaching into the score columns (plan.merged): rows meeting one are written as runs of the cells around it.
 * Two passes over the plan's cells (core eachCell), making nothing per cell but the blocks' own arrays. */
export function cellBlocks(plan: WritePlan): WriteBlock[] {
  const broken = new Set<number>();
  for (const [top, , bottom] of plan.merged) for (let r = top; r <= bottom; r++) broken.add(r);
  // The cells fall into groups, each written as its own rectangles: the stretches of rows between broken rows (by
  // the number of broken rows above: 0, 1, …), then each broken row on its own (by -row), in the order first met.
  const cuts = [...broken].sort((a, b) => a - b);
  const groupOf = (row: number): number => {
    if (cuts.length === 0) return 0;
    if (broken.has(row)) return -row;
    let lo = 0;
    let hi = cuts.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (cuts[mid] < row) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  };
  const groups = new Map<number, Extent>();
  eachCell(plan, (row, col) => {
    const g = groupOf(row);
    let e = groups.get(g);
    if (!e) groups.set(g, (e = { top: [], bottom: [], blockOf: [] }));
    if (!(e.top[col] <= row)) e.top[col] = row;
    if (!(e.bottom[col] >= row)) e.bottom[col] = row;
  });
  const stretches = [...groups.keys()].filter((g) => g >= 0).sort((a, b) => a - b);
  const order = [...stretches, ...[...groups.keys()].filter((g) => g < 0)];
  const blocks: WriteBlock[] = [];
  for (const g of order) blocks.push(...rectangles(groups.get(g)!));
  eachCell(plan, (row, col, value, _note, numberFormat) => {
    const b = groups.get(groupOf(row))!.blockOf[col];
    b.values[row - b.row][col - b.col] = value ?? "";
    if (numberFormat !== undefined) b.formats[row - b.row][col - b.col] = numberFormat;
  });
  return blocks;
}

/** A group's blocks, one per run of adjacent columns, from its first to its last row; null-filled. */
function rectangles(e: Extent): WriteBlock[] {
  const cols: number[] = [];
  e.top.forEach((_, col) => cols.push(col)); // ascending: an array's indexes
  const blocks: WriteBlock[] = [];
  for (let i = 0; i < cols.length;) {
    let j = i + 1;
    while (j < cols.length && cols[j] === cols[j - 1] + 1) j++;
    const run = cols.slice(i, j);
    let top = Infinity;
    let bottom = -Infinity;
    for (const c of run) {
      top = Math.min(top, e.top[c]);
      bottom = Math.max(bottom, e.bottom[c]);
    }
    const block: WriteBlock = {
      row: top,
      col: run[0],
      values: Array.from({ length: bottom - top + 1 }, () => run.map((): string | number | null => null)),
      formats: Array.from({ length: bottom - top + 1 }, () => run.map((): string | null => null)),
    };
    for (const c of run) e.blockOf[c] = block;
    blocks.push(block);
    i = j;
  }
  return blocks;
}

/** The score cells in row slices of at most SYNC_BUDGET bytes; a number format already in place is not sent again
 * (formatAt says what was read). */
export function scoreOps(plan: WritePlan, formatAt: FormatAt): Op[] {
  const ops: Op[] = [];
  for (const b of cellBlocks(plan)) {
    const formats = b.formats.map((line, r) =>
      line.map((f, c) => (f !== null && formatAt(plan.sheet, b.row + r, b.col + c) === f ? null : f)),
    );
    for (const { start, end, bytes } of slices(b.values, formats, 3 * COMMAND_BYTES)) {
      const values = b.values.slice(start, end);
      const fmts = formats.slice(start, end);
      const row = b.row + start;
      ops.push({
        bytes,
        queue: (workbook) => {
          const range = workbook.worksheets
            .getItem(plan.sheet)
            .getRangeByIndexes(row - 1, b.col - 1, values.length, values[0].length);
          if (fmts.some((line) => line.some((f) => f !== null))) range.numberFormat = fmts as string[][];
          range.values = values as (string | number)[][];
        },
      });
    }
  }
  const bold = plan.writes.filter((w) => w.bold);
  if (bold.length > 0) {
    ops.push({
      bytes: bold.length * 5 * COMMAND_BYTES,
      queue: (workbook) => {
        const sheet = workbook.worksheets.getItem(plan.sheet);
        for (const w of bold) applyLook(sheet.getCell(w.row - 1, w.col - 1), LOOKS.scoreHeader);
      },
    });
  }
  return ops;
}
