/// <reference types="office-js" />
// The first read (one sync): the sheet list, the workbook's protection, the tool's memory, the date system and, for
// each likely sheet (考核表, the remembered one, 双公示台账), its protection, used range and first block with fills and
// merged areas; and the same first block for more sheets when those did not decide (probe).
import { MEMORY_SHEET } from "../../core";
import {
  DEFAULT_CELL_BYTES,
  FIRST_CELLS,
  FIRST_COLS,
  MIN_FIRST_ROWS,
  STATE_FIRST_ROWS,
  beyond,
  firstRows,
  jsonBytes,
} from "./budget";
import { queueMerges, readMergesInBands, takeMerges } from "./merges";
import { queueDateSystem, takeDateSystem } from "./dates";

import { type Io, inTurn } from "./io";
import { FILL_PROPS, SheetRead, WorkbookRead, rectOf } from "./sheet-read";

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
      (jsonBytes(values) + jsonBytes(types) + jsonBytes(formats)) / cells,
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
