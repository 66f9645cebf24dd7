/// <reference types="office-js" />
// Excel → Snapshot, in blocks that keep every response under the payload target (budget.ts).
//
// The first sync loads the sheet list, the workbook's protection and, for each likely sheet (考核表, the one remembered
// from an earlier run, 双公示台账): its protection, its used range's address, and its first block, the used cells among
// its first FIRST_COLS columns and firstRows(n) rows, with values, types, number formats and fills; and the tool's
// memory. A workbook of a few hundred rows is then read whole: one read sync. A bigger sheet's rest is read after that
// in row blocks sized from the bytes per cell its first block measured, several blocks to a sync up to SYNC_BUDGET,
// without fills (getCellProperties is two thirds of the bytes); the fills the plan needs (cells to be highlighted that
// the memory does not know) are read afterwards, cell runs only. Relies on ExcelApi 1.4 (*OrNullObject), 1.9
// (getCellProperties), 1.13 (getMergedAreasOrNullObject, only where the host has it).
import {
  type CellValue,
  type HostFill,
  type SheetSnapshot,
  type Snapshot,
  type ToolMemory,
  MEMORY_SHEET,
  address,
  decodeMemory,
  parseRange,
} from "../../core";
import {
  DEFAULT_CELL_BYTES,
  ESTIMATE_MARGIN,
  FILL_CELL_BYTES,
  FIRST_CELLS,
  FIRST_COLS,
  COMMAND_BYTES,
  MIN_FIRST_ROWS,
  type Rect,
  STATE_FIRST_ROWS,
  beyond,
  firstRows,
  jsonBytes,
  pack,
  rowBlocks,
} from "./budget";
import { type OfficeFill, ownFill, cellValueOf } from "./cells";
import { OutOfTime } from "./errors";
import { queueMerges, readMergesInBands, takeMerges } from "./merges";
import { queueDateSystem, takeDateSystem } from "./dates";

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

const FILL_PROPS: Excel.CellPropertiesLoadOptions = {
  // color and pattern are enough to give a cell its fill back; every other property would ride in the response too.
  format: { fill: { color: true, pattern: true } },
};

/** "考核表!B3:AF40" → 0-based rectangle (A1 when it is no address). */
export function rectOf(a1: string): Rect {
  const r = parseRange(a1) ?? { top: 1, left: 1, bottom: 1, right: 1 };
  return { row: r.top - 1, col: r.left - 1, rows: r.bottom - r.top + 1, cols: r.right - r.left + 1 };
}

function inside(r: Rect, row: number, col: number): boolean {
  return row >= r.row && row < r.row + r.rows && col >= r.col && col < r.col + r.cols;
}

/** One sheet as far as it has been read. */
export class SheetRead {
  readonly rows: CellValue[][] = [];
  readonly fills = new Map<string, HostFill>();
  /** Where fills were read along with the values (elsewhere they are read on demand). */
  readonly fillAreas: Rect[] = [];
  readonly merges: [number, number, number, number][] = [];
  /** Number formats as read, by 0-based row: [first column, formats]; to leave a format that is already in place. */
  private readonly formats = new Map<number, { col: number; line: readonly unknown[] }[]>();
  /** The used range (values only); undefined until the first block was read, null for a sheet with no values. */
  used: Rect | null | undefined = undefined;
  /** Parts of the used range not read yet. */
  pending: Rect[] = [];
  /** Bytes per cell of values, types and formats, measured on the first block. */
  cellBytes = DEFAULT_CELL_BYTES;
  protected = false;
  constructor(
    readonly name: string,
    readonly visible: boolean,
    /** The workbook counts dates from 1904 (readFirst's probe). */
    readonly date1904 = false,
  ) {}

  get probed(): boolean {
    return this.used !== undefined;
  }
  get complete(): boolean {
    return this.probed && this.pending.length === 0;
  }

  /** Cells from Range.values / valueTypes / numberFormat (and fills from getCellProperties) placed at `at`. */
  absorb(at: Rect, values: unknown[][], types: string[][], formats: unknown[][], props?: Excel.CellProperties[][]) {
    values.forEach((line, r) => {
      const row = at.row + r;
      const cells = (this.rows[row] ??= []);
      for (let c = cells.length; c < at.col; c++) cells.push(null);
      line.forEach((v, c) => {
        const fmt = formats[r]?.[c];
        const format = typeof fmt === "string" ? fmt : "General";
        cells[at.col + c] = cellValueOf(v, types[r]?.[c] ?? "Unknown", format, this.date1904);
      });
      for (let c = 0; c < cells.length; c++) if (cells[c] === undefined) cells[c] = null;
      while (cells.length > 0 && cells[cells.length - 1] === null) cells.pop();
      const list = this.formats.get(row) ?? [];
      list.push({ col: at.col, line: formats[r] ?? [] });
      this.formats.set(row, list);
    });
    props?.forEach((line, r) =>
      line.forEach((cell, c) => {
        const fill = ownFill(cell.format?.fill as OfficeFill | undefined);
        if (fill) this.fills.set(address(at.row + r + 1, at.col + c + 1), fill);
      }),
    );
  }

  /** The number format read for a cell (1-based), if it was read. */
  formatAt(row: number, col: number): string | undefined {
    for (const part of this.formats.get(row - 1) ?? []) {
      const f = part.line[col - 1 - part.col];
      if (col - 1 >= part.col && typeof f === "string") return f;
    }
    return undefined;
  }

  /** Whether the fill of a cell (1-based) is known: read with the values, or read on demand. */
  fillKnown(row: number, col: number): boolean {
    return this.fillAreas.some((r) => inside(r, row - 1, col - 1));
  }

  addMerges(a1: string): void {
    for (const part of a1.split(",")) {
      if (part.trim() === "") continue;
      const r = rectOf(part.trim());
      const m: [number, number, number, number] = [r.row + 1, r.col + 1, r.row + r.rows, r.col + r.cols];
      if (!this.merges.some((x) => x.every((v, i) => v === m[i]))) this.merges.push(m);
    }
  }

  snapshot(): SheetSnapshot {
    const rows = Array.from({ length: this.rows.length }, (_, i) => this.rows[i] ?? []);
    return {
      name: this.name,
      visible: this.visible,
      rows,
      fills: this.fills,
      notesKnown: false,
      ...(this.merges.length > 0 ? { merges: this.merges } : {}),
    };
  }
}

// Notes: the Excel notes API (ExcelApi 1.18) gives no cell address without a further round trip, so this host does
// not read notes and says so (notesKnown: false): the plan then never attaches or removes one, and a highlight's
// reason goes to 核查意见 and the pane instead.

export interface SheetTab {
  readonly name: string;
  readonly visible: boolean;
  readonly id: string;
}

/** The workbook as far as it has been read. */
export class WorkbookRead {
  /** Every sheet in tab order, the tool's hidden sheet included. */
  sheets: SheetTab[] = [];
  readonly read = new Map<string, SheetRead>();
  workbookProtected = false;
  memoryExists = false;
  memoryProtected = false;
  /** Column A of the tool's sheet, as far as read. */
  memoryChunks: unknown[] = [];
  /** Rows of column A still to read. */
  memoryPending: Rect | null = null;
  memoryChunkBytes = 0;
  /** The workbook's date system is 1904's (readFirst's probe, dates.ts). */
  date1904 = false;

  get names(): string[] {
    return this.sheets.map((s) => s.name);
  }
  /** The tool's memory, once every chunk is read. */
  memory(): ToolMemory | null {
    return this.memoryExists ? decodeMemory(this.memoryChunks) : null;
  }
  sheet(name: string): SheetRead | undefined {
    return this.read.get(name);
  }
  /** A snapshot of what was read: sheets not read yet are there with no rows. */
  snapshot(state: ToolMemory | null): Snapshot {
    return {
      sheets: this.sheets
        .filter((s) => s.name !== MEMORY_SHEET)
        .map(
          (s) =>
            this.read.get(s.name)?.snapshot() ?? {
              name: s.name,
              visible: s.visible,
              rows: [],
              fills: new Map(),
              notesKnown: false,
            },
        ),
      memory: state,
    };
  }
}

export interface ReadOptions {
  /** ExcelApi 1.13: merged areas are read (Range.getMergedAreasOrNullObject), so no score column lands in one. */
  readonly mergedAreas?: boolean;
  /** Sheets the tool writes no values to (the ledger: fills only), whose merged areas are not read. */
  readonly noMerges?: readonly string[];
}

interface FirstPending {
  readonly ws: Excel.Worksheet;
  readonly protection: Excel.WorksheetProtection;
  readonly used: Excel.Range;
  readonly first: Excel.Range;
  readonly props: OfficeExtension.ClientResult<Excel.CellProperties[][]>;
  readonly merged: Excel.RangeAreas | null;
  readonly rows: number;
}

/** Queues a sheet's first block: protection, used range's address, the used cells of its first rows and columns with
 * their fills, and its merged areas. */
function queueFirst(ws: Excel.Worksheet, name: string, rows: number, options: ReadOptions): FirstPending {
  ws.load("name,visibility");
  const protection = ws.protection;
  protection.load("protected");
  const used = ws.getUsedRangeOrNullObject(true);
  used.load("address");
  const first = ws.getRangeByIndexes(0, 0, rows, FIRST_COLS).getUsedRangeOrNullObject(true);
  first.load("address,values,valueTypes,numberFormat");
  const props = first.getCellProperties(FILL_PROPS);
  const merged = wantsMerges(name, options) ? queueMerges(ws) : null;
  return { ws, protection, used, first, props, merged, rows };
}

/** After the sync: the first block into a SheetRead; null for a sheet that does not exist. */
function takeFirst(p: FirstPending, date1904: boolean): SheetRead | null {
  if (p.ws.isNullObject) return null;
  const read = new SheetRead(p.ws.name, p.ws.visibility === "Visible", date1904);
  read.protected = p.protection.protected === true;
  read.used = p.used.isNullObject ? null : rectOf(p.used.address);
  read.fillAreas.push({ row: 0, col: 0, rows: p.rows, cols: FIRST_COLS });
  if (!p.first.isNullObject) {
    const at = rectOf(p.first.address);
    const values = p.first.values;
    const types = p.first.valueTypes as string[][];
    const formats = p.first.numberFormat;
    read.absorb(at, values, types, formats, p.props.value);
    const cells = at.rows * at.cols;
    read.cellBytes = Math.max(
      DEFAULT_CELL_BYTES / 2,
      ((jsonBytes(values) + jsonBytes(types) + jsonBytes(formats)) / cells) * ESTIMATE_MARGIN,
    );
  }
  read.pending = read.used ? beyond(read.used, p.rows, FIRST_COLS) : [];
  if (p.merged) takeMerges(read, p.merged);
  return read;
}

function wantsMerges(name: string, options: ReadOptions): boolean {
  return options.mergedAreas === true && !(options.noMerges ?? []).includes(name);
}

/** Runs a first read with merged areas; when its sync fails and merged areas were asked for (more than 512 of them
 * make Excel fail: merges.ts), runs it again without them and reads them in row bands. An error that was not the
 * merged areas' comes back from the second try. */
async function withMerges<T>(
  io: Io,
  names: readonly string[],
  options: ReadOptions,
  read: (options: ReadOptions) => Promise<T>,
  sheetsOf: (result: T) => SheetRead[],
): Promise<T> {
  if (!names.some((n) => wantsMerges(n, options))) return read(options);
  try {
    return await read(options);
  } catch {
    const result = await read({ ...options, mergedAreas: false });
    await readMergesInBands(
      io,
      sheetsOf(result).filter((r) => wantsMerges(r.name, options)),
    );
    return result;
  }
}

/** The first sync: sheet list, workbook protection, the likely sheets' first blocks, the tool's memory. */
export async function readFirst(io: Io, likely: readonly string[], options: ReadOptions = {}): Promise<WorkbookRead> {
  const names = [...new Set(likely)].filter((n) => n !== "" && n !== MEMORY_SHEET);
  return withMerges(
    io,
    names,
    options,
    (o) => firstRead(io, names, o),
    (wb) => names.flatMap((n) => wb.read.get(n) ?? []),
  );
}

async function firstRead(io: Io, names: readonly string[], options: ReadOptions): Promise<WorkbookRead> {
  const workbook = io.context.workbook;
  const sheets = workbook.worksheets;
  sheets.load("items/name,items/visibility,items/id");
  const wbProtection = workbook.protection;
  wbProtection.load("protected");
  const rows = firstRows(names.length);
  const pending = names.map((name) => queueFirst(sheets.getItemOrNullObject(name), name, rows, options));
  const memory = queueMemory(sheets.getItemOrNullObject(MEMORY_SHEET));
  const dates = queueDateSystem(workbook);
  await io.sync();

  const wb = new WorkbookRead();
  wb.date1904 = takeDateSystem(dates);
  wb.sheets = sheets.items.map((s) => ({ name: s.name, visible: s.visibility === "Visible", id: s.id }));
  wb.workbookProtected = wbProtection.protected === true;
  for (const p of pending) {
    const read = takeFirst(p, wb.date1904);
    if (read) wb.read.set(read.name, read);
  }
  takeMemory(wb, memory);
  return wb;
}

interface MemoryPending {
  readonly ws: Excel.Worksheet;
  readonly protection: Excel.WorksheetProtection;
  readonly used: Excel.Range;
  readonly first: Excel.Range;
}

/** The tool's sheet: its protection, how far column A goes, and its first STATE_FIRST_ROWS chunks. */
function queueMemory(ws: Excel.Worksheet): MemoryPending {
  const protection = ws.protection;
  protection.load("protected");
  const used = ws.getUsedRangeOrNullObject(true);
  used.load("address");
  const first = ws.getRangeByIndexes(0, 0, STATE_FIRST_ROWS, 1);
  first.load("values");
  return { ws, protection, used, first };
}

function takeMemory(wb: WorkbookRead, p: MemoryPending): void {
  if (p.ws.isNullObject) return;
  wb.memoryExists = true;
  wb.memoryProtected = p.protection.protected === true;
  wb.memoryChunks = p.first.values.map((line) => line[0]);
  wb.memoryChunkBytes = Math.max(0, ...wb.memoryChunks.map((c) => jsonBytes(c)));
  // The chunks are in column A from A1; a used range that starts elsewhere holds no chunks.
  const used = p.used.isNullObject ? null : rectOf(p.used.address);
  const last = used && used.col === 0 ? used.row + used.rows : 0;
  if (last > STATE_FIRST_ROWS) {
    wb.memoryPending = { row: STATE_FIRST_ROWS, col: 0, rows: last - STATE_FIRST_ROWS, cols: 1 };
  }
}

/** First blocks of more sheets (the likely ones did not decide): as many to a sync as FIRST_CELLS allows. */
export async function probe(io: Io, wb: WorkbookRead, names: readonly string[], options: ReadOptions = {}) {
  const todo = names.filter((n) => n !== MEMORY_SHEET && !wb.read.get(n)?.probed);
  // At MIN_FIRST_ROWS rows each, this many sheets fill one sync's FIRST_CELLS.
  const perSync = Math.max(1, Math.floor(FIRST_CELLS / (FIRST_COLS * MIN_FIRST_ROWS)));
  const groups: string[][] = [];
  for (let i = 0; i < todo.length; i += perSync) groups.push(todo.slice(i, i + perSync));
  await inTurn(groups, async (group) => {
    const rows = firstRows(group.length);
    const sheets = io.context.workbook.worksheets;
    const found = await withMerges(
      io,
      group,
      options,
      async (o) => {
        const pending = group.map((name) => queueFirst(sheets.getItemOrNullObject(name), name, rows, o));
        await io.sync();
        return pending.flatMap((p) => takeFirst(p, wb.date1904) ?? []);
      },
      (reads) => reads,
    );
    for (const read of found) wb.read.set(read.name, read);
  });
}

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

/** Fills of the given cells (1-based [row, col] per sheet) that were not read with the values: runs of adjacent rows
 * in a column, one getCellProperties each, packed into syncs by request and response size. */
export async function readFills(io: Io, wb: WorkbookRead, cells: ReadonlyMap<string, readonly [number, number][]>) {
  const runs: { sheet: string; row: number; col: number; rows: number }[] = [];
  for (const [sheet, list] of cells) {
    const read = wb.read.get(sheet);
    if (!read) continue;
    const keys = new Set(list.filter(([r, c]) => !read.fillKnown(r, c)).map(([r, c]) => `${c},${r}`));
    const wanted = [...keys].map((k) => k.split(",").map(Number)).sort((a, b) => a[0] - b[0] || a[1] - b[1]);
    for (const [c, r] of wanted) {
      const last = runs[runs.length - 1];
      if (last && last.sheet === sheet && last.col === c && last.row + last.rows === r) last.rows++;
      else runs.push({ sheet, row: r, col: c, rows: 1 });
    }
  }
  if (runs.length === 0) return;
  const groups = pack(runs, (run) => Math.max(2 * COMMAND_BYTES, run.rows * FILL_CELL_BYTES));
  await inTurn(groups, async (group) => {
    const sheets = new Map<string, Excel.Worksheet>();
    const sheetOf = (name: string) => {
      let ws = sheets.get(name);
      if (!ws) sheets.set(name, (ws = io.context.workbook.worksheets.getItem(name)));
      return ws;
    };
    const queued = group.map((run) => ({
      run,
      props: sheetOf(run.sheet)
        .getRangeByIndexes(run.row - 1, run.col - 1, run.rows, 1)
        .getCellProperties(FILL_PROPS),
    }));
    await io.sync();
    for (const { run, props } of queued) {
      const read = wb.read.get(run.sheet)!;
      read.fillAreas.push({ row: run.row - 1, col: run.col - 1, rows: run.rows, cols: 1 });
      props.value.forEach((line, r) => {
        const fill = ownFill(line[0]?.format?.fill as OfficeFill | undefined);
        if (fill) read.fills.set(address(run.row + r, run.col), fill);
      });
    }
  });
}
