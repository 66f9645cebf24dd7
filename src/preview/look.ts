// How a sheet looks, beyond what the simulated Excel keeps: merged cells, column widths, frozen panes, bold and
// alignment, and notes, as the opened .xlsx file had them. Sheets the add-in makes (考核排名, the template) carry
// their own in the simulated Excel (SheetModel merges, columnWidths, frozenRows, cell bold/alignment).
import type ExcelJS from "exceljs";
import { type Rect, type SheetModel, parseRect } from "../../test/fakes/excel";

export interface CellLook {
  bold?: boolean;
  align?: string;
  wrap?: boolean;
  note?: string;
}

export interface SheetLook {
  merges: Rect[];
  /** 0-based column → width in pixels. */
  widths: Map<number, number>;
  frozenRows: number;
  frozenCols: number;
  cells: Map<string, CellLook>;
}

/** Looks of the sheets read from the file, by the simulated sheet they became. */
export type Looks = WeakMap<SheetModel, SheetLook>;

export function noteText(note: ExcelJS.Comment | string | undefined): string | undefined {
  if (note === undefined) return undefined;
  if (typeof note === "string") return note;
  const texts = (note as { texts?: { text?: string }[] }).texts;
  return texts ? texts.map((t) => t.text ?? "").join("") : undefined;
}

export function lookOf(ws: ExcelJS.Worksheet): SheetLook {
  const look: SheetLook = { merges: [], widths: new Map(), frozenRows: 0, frozenCols: 0, cells: new Map() };
  const merges = (ws.model as { merges?: string[] }).merges ?? [];
  for (const m of merges) look.merges.push(parseRect(m));
  for (let c = 1; c <= ws.columnCount; c++) {
    const w = ws.getColumn(c).width;
    // Excel's width is in characters of the default font: about 7 px each plus padding.
    if (w !== undefined) look.widths.set(c - 1, Math.round(w * 7 + 5));
  }
  const view = ws.views?.[0] as { state?: string; xSplit?: number; ySplit?: number } | undefined;
  if (view?.state === "frozen") {
    look.frozenRows = view.ySplit ?? 0;
    look.frozenCols = view.xSplit ?? 0;
  }
  // Empty cells too: a flagged blank carries a note and no value.
  ws.eachRow({ includeEmpty: true }, (row, r) =>
    row.eachCell({ includeEmpty: true }, (cell, c) => {
      const l: CellLook = {};
      if (cell.font?.bold) l.bold = true;
      if (cell.alignment?.horizontal) l.align = cell.alignment.horizontal;
      if (cell.alignment?.wrapText) l.wrap = true;
      const note = noteText(cell.note);
      if (note) l.note = note;
      if (Object.keys(l).length > 0) look.cells.set(`${r - 1},${c - 1}`, l);
    }),
  );
  return look;
}
