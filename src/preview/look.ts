// How a sheet looks, beyond what the simulated Excel keeps: merged cells, column widths, frozen panes, bold and
// alignment, and notes, as the opened .xlsx file had them. Sheets the add-in makes (考核排名, the template) carry
// their own in the simulated Excel (SheetModel merges, columnWidths, frozenRows, cell bold/alignment).
import { parseAddress } from "../core";
import type { SheetDetail } from "../hosts/xlsx/detail";
import type { Rect, SheetModel } from "./excel";

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

export function lookOf(sheet: SheetDetail): SheetLook {
  const look: SheetLook = {
    merges: (sheet.snapshot.merges ?? []).map(([top, left, bottom, right]) => ({
      row: top - 1,
      col: left - 1,
      rows: bottom - top + 1,
      cols: right - left + 1,
    })),
    widths: new Map(),
    frozenRows: sheet.frozenRows,
    frozenCols: sheet.frozenCols,
    cells: new Map(),
  };
  // Excel's width is in characters of the default font: about 7 px each plus padding.
  for (const [c, w] of sheet.widths) look.widths.set(c, Math.round(w * 7 + 5));
  // Empty cells too: a flagged blank carries a note and no value.
  for (const [key, cell] of sheet.cells) {
    const l: CellLook = {};
    if (cell.bold) l.bold = true;
    if (cell.horizontal) l.align = cell.horizontal;
    if (cell.wrap) l.wrap = true;
    if (Object.keys(l).length > 0) look.cells.set(key, l);
  }
  for (const [a1, note] of sheet.snapshot.notes ?? []) {
    const at = parseAddress(a1);
    if (!at || !note) continue;
    const key = `${at[0] - 1},${at[1] - 1}`;
    look.cells.set(key, { ...look.cells.get(key), note });
  }
  return look;
}
