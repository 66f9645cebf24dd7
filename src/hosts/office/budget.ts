// How much one round trip to Excel may carry, and how the host cuts its reads and writes to stay below it. Pure: no
// Office.js here. Excel on the web refuses a request or a response above 5 MB (RequestPayloadSizeLimitExceeded,
// ResponsePayloadSizeLimitExceeded); the host aims at 4 MB and plans each sync at SYNC_BUDGET, leaving room for its
// estimates to be off.

/** The target: no request or response above this (Excel on the web's own limit is 5 MB). */
export const PAYLOAD_TARGET = 4 * 1024 * 1024;
/** What the host plans to put in one sync, each way, by its estimates (themselves an upper bound on the wire: a
 * character outside ASCII counted as a \uXXXX escape). The 0.5 MB up to the target, and the 1.5 MB up to Excel's
 * own limit, are the room for rows denser than the ones measured. */
export const SYNC_BUDGET = 3.5 * 1024 * 1024;
/** One queued command's own bytes in a request (its object path, method name and ids), a generous guess. */
export const COMMAND_BYTES = 300;
/** The first read of a sheet: its first FIRST_COLS columns … */
export const FIRST_COLS = 64;
/** … and as many rows as keep the cells of one sync's first reads at FIRST_CELLS (about 1 to 2 MB with fills). */
export const FIRST_CELLS = 12_288;
/** The header row is looked for within the first 10 rows (core: HEADER_SCAN_ROWS); a first read never has fewer. */
export const MIN_FIRST_ROWS = 10;
/** Chunks of the tool's memory read in the first sync (30,000 characters each); the rest, if any, later. */
export const STATE_FIRST_ROWS = 32;
/** Longest address handed to getRanges: Office documents 8,192 characters, and long lists have failed below that. */
export const ADDRESS_CHARS = 2000;
/** Safety factor on the bytes of the memory's chunks measured in the first read, for the chunks after them. */
export const ESTIMATE_MARGIN = 1.25;
/** Bytes per cell assumed when nothing was measured (values, valueTypes and numberFormat of a short value). */
export const DEFAULT_CELL_BYTES = 40;
/** A cell's fill as getCellProperties returns it ({"format":{"fill":{"color":"#FFFFFF","pattern":"None"}}}). */
export const FILL_CELL_BYTES = 60;

/** UTF-8 bytes of a string. */
export function utf8Bytes(text: string): number {
  let n = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c < 0x80) n += 1;
    else if (c < 0x800) n += 2;
    else if (c >= 0xd800 && c <= 0xdbff) {
      n += 4;
      i++;
    } else n += 3;
  }
  return n;
}

/** Bytes of a value as JSON on the wire, as an upper bound: a character outside ASCII is counted as the six bytes of a
 * \uXXXX escape (Office's wire format is not documented; as UTF-8 a Chinese character is three). */
export function jsonBytes(v: unknown): number {
  const text = JSON.stringify(v ?? null);
  let n = text.length;
  for (let i = 0; i < text.length; i++) if (text.charCodeAt(i) >= 0x80) n += 5;
  return n;
}

/** Rows of a values grid (and, where any is set, its number formats) in slices of at most `budget` bytes each:
 * [first, end) and the slice's bytes. The formats of a slice are sent whole if any of its rows has one. */
export function slices(
  values: readonly unknown[][],
  formats: readonly (readonly unknown[])[],
  overhead: number,
  budget = SYNC_BUDGET,
): { start: number; end: number; bytes: number }[] {
  const out: { start: number; end: number; bytes: number }[] = [];
  let start = 0;
  while (start < values.length) {
    let end = start;
    let v = 0;
    let f = 0;
    let anyFormat = false;
    while (end < values.length) {
      const rv = jsonBytes(values[end]) + 1;
      const rf = jsonBytes(formats[end]) + 1;
      const has = formats[end].some((x) => x !== null && x !== undefined);
      const next = overhead + v + rv + (anyFormat || has ? f + rf : 0);
      if (end > start && next > budget) break;
      v += rv;
      f += rf;
      anyFormat ||= has;
      end++;
    }
    out.push({ start, end, bytes: overhead + v + (anyFormat ? f : 0) });
    start = end;
  }
  return out;
}

/** Rows of the first read of each of n sheets in one sync. */
export function firstRows(sheets: number): number {
  return Math.max(MIN_FIRST_ROWS, Math.floor(FIRST_CELLS / FIRST_COLS / Math.max(1, sheets)));
}

/** Consecutive items into groups whose bytes stay within the budget (an item above it gets a group of its own). */
export function pack<T>(items: readonly T[], bytes: (item: T) => number, budget = SYNC_BUDGET): T[][] {
  const groups: T[][] = [];
  let current: T[] = [];
  let used = 0;
  for (const item of items) {
    const b = bytes(item);
    if (current.length > 0 && used + b > budget) {
      groups.push(current);
      current = [];
      used = 0;
    }
    current.push(item);
    used += b;
  }
  if (current.length > 0) groups.push(current);
  return groups;
}

/** A 0-based rectangle of cells. */
export interface Rect {
  readonly row: number;
  readonly col: number;
  readonly rows: number;
  readonly cols: number;
}

/** Rows still to read: a rectangle, and the bytes one of its rows is estimated to bring. */
export interface RowRun<K> {
  readonly key: K;
  readonly rect: Rect;
  readonly rowBytes: number;
}

/** What the next sync reads of the runs when they are read in as few syncs as the budget allows: k = ⌈Σ bytes ÷
 * budget⌉ syncs, each about Σ ÷ k bytes, taken from the front in whole rows (never above the budget, but for one row
 * that is). Spreading the bytes evenly is what keeps the count at k: filling each sync to the budget leaves a last
 * one for what is left over (5,000 rows: 2.6, 2.6 and 0.7 MB where 2.9 and 2.9 do). */
export function nextSync<K>(runs: readonly RowRun<K>[], budget = SYNC_BUDGET): RowRun<K>[] {
  const total = runs.reduce((sum, r) => sum + r.rect.rows * r.rowBytes, 0);
  if (total <= 0) return [];
  const target = total / Math.ceil(total / budget);
  const out: RowRun<K>[] = [];
  let used = 0;
  for (const run of runs) {
    if (run.rect.rows <= 0) continue;
    if (used >= target) break;
    const toTarget = Math.ceil((target - used) / run.rowBytes);
    const underBudget = Math.max(out.length === 0 ? 1 : 0, Math.floor((budget - used) / run.rowBytes));
    const rows = Math.min(run.rect.rows, toTarget, underBudget);
    if (rows <= 0) break;
    out.push({ ...run, rect: { ...run.rect, rows } });
    used += rows * run.rowBytes;
    if (rows < run.rect.rows) break;
  }
  return out;
}

/** What is left of `used` outside the first read (rows 0…rows-1, columns 0…cols-1 of the sheet). */
export function beyond(used: Rect, rows: number, cols: number): Rect[] {
  const out: Rect[] = [];
  const lastRow = used.row + used.rows - 1;
  const lastCol = used.col + used.cols - 1;
  if (lastRow >= rows) {
    const row = Math.max(used.row, rows);
    out.push({ row, col: used.col, rows: lastRow - row + 1, cols: used.cols });
  }
  if (lastCol >= cols && used.row < rows) {
    const col = Math.max(used.col, cols);
    out.push({ row: used.row, col, rows: Math.min(lastRow, rows - 1) - used.row + 1, cols: lastCol - col + 1 });
  }
  return out;
}
