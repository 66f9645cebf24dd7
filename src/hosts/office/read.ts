/// <reference types="office-js" />
// Excel → Snapshot, in one context.sync() when the assessment sheet is 考核表 or the one remembered from an earlier
// run, two otherwise. Relies on ExcelApi 1.4 (getItemOrNullObject), 1.9 (getCellProperties).
import {
  type CellValue,
  type HostFill,
  type SheetSnapshot,
  type Snapshot,
  STATE_SHEET,
  decodeState,
  address,
} from "../../core";
import { type OfficeFill, ownFill, rangeOrigin, toRows } from "./cells";

/** A sheet whose cells were queued for loading. */
interface Pending {
  readonly sheet: Excel.Worksheet;
  readonly used: Excel.Range;
  readonly props: OfficeExtension.ClientResult<Excel.CellProperties[][]>;
}

const FILL_PROPS: Excel.CellPropertiesLoadOptions = {
  // color and pattern are enough to give a cell its fill back; every other property would ride in the response too.
  format: { fill: { color: true, pattern: true } },
};

/** Queues everything needed of one sheet: name, visibility, the used range's values, types, formats and fills. */
function queueSheet(sheet: Excel.Worksheet): Pending {
  sheet.load("name,visibility");
  // valuesOnly: cells that hold nothing but formatting do not widen the grid. A blank sheet gives A1.
  const used = sheet.getUsedRange(true);
  used.load("address,values,valueTypes,numberFormat");
  const props = used.getCellProperties(FILL_PROPS);
  return { sheet, used, props };
}

/** A sheet whose cells were not needed: its name and visibility only. */
function placeholder(name: string, visible: boolean): SheetSnapshot {
  return { name, visible, rows: [], fills: new Map(), notesKnown: false };
}

// Notes: the Excel notes API (ExcelApi 1.18) gives no cell address without a further round trip, so this host does
// not read notes and says so (notesKnown: false): the plan then never attaches or removes one, and a highlight's
// reason goes to 核查意见 and the pane instead.

function sheetFrom(p: Pending): SheetSnapshot {
  const origin = rangeOrigin(p.used.address);
  const rows: CellValue[][] = toRows(
    p.used.values,
    p.used.valueTypes as string[][],
    p.used.numberFormat,
    origin.row,
    origin.col,
  );
  const fills = new Map<string, HostFill>();
  p.props.value.forEach((line, r) =>
    line.forEach((cell, c) => {
      const fill = ownFill(cell.format?.fill as OfficeFill | undefined);
      if (fill) fills.set(address(origin.row + r + 1, origin.col + c + 1), fill);
    }),
  );
  return {
    name: p.sheet.name,
    visible: p.sheet.visibility === "Visible",
    rows,
    fills,
    notesKnown: false,
  };
}

export interface WorkbookRead {
  readonly snapshot: Snapshot;
  /** Every sheet in tab order, the tool's hidden sheet included. */
  readonly names: readonly string[];
  /** Sheets whose cells are in the snapshot (the others are placeholders with no rows). */
  readonly loaded: ReadonlySet<string>;
}

export interface ReadTargets {
  /** Sheets to load at once (by exact name, when they exist): 考核表, the remembered sheet, the ledger. */
  readonly likely: readonly string[];
}

/** One sync: the sheet list, the likely sheets' cells and the tool's memory. */
export async function readLikely(context: Excel.RequestContext, targets: ReadTargets): Promise<WorkbookRead> {
  const sheets = context.workbook.worksheets;
  sheets.load("items/name,items/visibility");
  const pending = new Map<string, { sheet: Excel.Worksheet; p: Pending }>();
  for (const name of new Set(targets.likely)) {
    if (name === "" || name === STATE_SHEET) continue;
    const sheet = sheets.getItemOrNullObject(name);
    pending.set(name, { sheet, p: queueSheet(sheet) });
  }
  const stateSheet = sheets.getItemOrNullObject(STATE_SHEET);
  const stateCells = stateSheet.getUsedRange(true);
  stateCells.load("address,values");
  await context.sync();

  const loaded = new Map<string, SheetSnapshot>();
  for (const { sheet, p } of pending.values()) {
    if (!sheet.isNullObject) loaded.set(p.sheet.name, sheetFrom(p));
  }
  const names = sheets.items.map((s) => s.name);
  const snapshotSheets = sheets.items
    .filter((s) => s.name !== STATE_SHEET)
    .map((s) => loaded.get(s.name) ?? placeholder(s.name, s.visibility === "Visible"));
  return {
    snapshot: { sheets: snapshotSheets, state: stateSheet.isNullObject ? null : decodeState(columnA(stateCells)) },
    names,
    loaded: new Set(loaded.keys()),
  };
}

function columnA(range: Excel.Range): unknown[] {
  // The chunks are in column A from A1; a used range that starts elsewhere holds no chunks.
  const origin = rangeOrigin(range.address);
  if (origin.col !== 0) return [];
  return range.values.map((line) => line[0]);
}

/** The second sync, when the likely sheets did not decide: every other sheet's cells. */
export async function readRest(context: Excel.RequestContext, first: WorkbookRead, skip: ReadonlySet<string>) {
  const sheets = context.workbook.worksheets;
  const pending: Pending[] = [];
  for (const name of first.names) {
    if (name === STATE_SHEET || first.loaded.has(name) || skip.has(name.trim())) continue;
    pending.push(queueSheet(sheets.getItem(name)));
  }
  await context.sync();
  const more = new Map(pending.map((p) => [p.sheet.name, sheetFrom(p)]));
  const loaded = new Set([...first.loaded, ...more.keys()]);
  return {
    snapshot: {
      sheets: first.snapshot.sheets.map((s) => more.get(s.name) ?? s),
      state: first.snapshot.state,
    },
    names: first.names,
    loaded,
  } satisfies WorkbookRead;
}
