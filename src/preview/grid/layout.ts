// Where a sheet's cells go: which sheet is shown, how many rows and columns are drawn and how wide, merged cells as
// spans, frozen rows and columns, a cell's alignment, and scrolling the selected cell into view.
import { type CellModel, type FakeExcel, type Rect, type SheetModel, colLetters } from "../excel";
import type { CellLook, SheetLook } from "../look";

const DEFAULT_WIDTH = 72;
export const ROW_HEADER_WIDTH = 44;
export const PT_TO_PX = 96 / 72;
/** Rows drawn at most: a browser stays quick with a few thousand rows of ~50 cells, not with a hundred thousand. */
export const MAX_ROWS = 3000;

export function visibleSheets(excel: FakeExcel): SheetModel[] {
  return excel.doc.sheets.filter((s) => s.visibility === "Visible");
}

/** The sheet Excel shows: the active one, else the first visible. */
export function shownSheet(excel: FakeExcel): SheetModel | undefined {
  const active = excel.doc.active ? excel.doc.sheet(excel.doc.active) : undefined;
  return active && active.visibility === "Visible" ? active : visibleSheets(excel)[0];
}

export function a1(row: number, col: number): string {
  return `${colLetters(col)}${row + 1}`;
}

export const EMPTY_LOOK: SheetLook = { merges: [], widths: new Map(), frozenRows: 0, frozenCols: 0, cells: new Map() };

export interface Layout {
  rows: number;
  /** Rows with something in them, when more than are drawn. */
  cut: number | null;
  cols: number;
  widths: number[];
  frozenRows: number;
  frozenCols: number;
  /** top-left "r,c" → span; covered cells are left out. */
  spans: Map<string, { rows: number; cols: number }>;
  covered: Set<string>;
}

export function layoutOf(sheet: SheetModel, look: SheetLook, selection: Rect | null): Layout {
  const used = sheet.used(false);
  const merges = [...sheet.merges, ...look.merges];
  let lastRow = used ? used.row + used.rows - 1 : 0;
  let lastCol = used ? used.col + used.cols - 1 : 0;
  for (const m of merges) {
    lastRow = Math.max(lastRow, m.row + m.rows - 1);
    lastCol = Math.max(lastCol, m.col + m.cols - 1);
  }
  if (selection) {
    lastRow = Math.max(lastRow, selection.row);
    lastCol = Math.max(lastCol, selection.col);
  }
  const rows = Math.min(Math.max(lastRow + 4, 24), MAX_ROWS);
  const cols = Math.max(lastCol + 2, 10);
  const widths = Array.from({ length: cols }, (_, c) => {
    const pt = sheet.columnWidths.get(c);
    return pt !== undefined ? Math.round(pt * PT_TO_PX) : (look.widths.get(c) ?? DEFAULT_WIDTH);
  });
  const spans = new Map<string, { rows: number; cols: number }>();
  const covered = new Set<string>();
  for (const m of merges) {
    if (m.rows === 1 && m.cols === 1) continue;
    spans.set(`${m.row},${m.col}`, { rows: m.rows, cols: m.cols });
    for (let r = m.row; r < m.row + m.rows; r++)
      for (let c = m.col; c < m.col + m.cols; c++) if (r !== m.row || c !== m.col) covered.add(`${r},${c}`);
  }
  return {
    rows,
    cut: lastRow + 1 > MAX_ROWS ? lastRow + 1 : null,
    cols,
    widths,
    frozenRows: sheet.frozenRows || look.frozenRows,
    frozenCols: look.frozenCols,
    spans,
    covered,
  };
}

export function alignOf(c: CellModel | undefined, l: CellLook | undefined): "left" | "center" | "right" | undefined {
  const a = (c?.horizontalAlignment ?? l?.align ?? "").toLowerCase();
  if (a.startsWith("center")) return "center";
  if (a === "right") return "right";
  if (a === "left") return "left";
  if (typeof c?.value === "number" && c.error === undefined) return "right";
  if (typeof c?.value === "boolean" || c?.error !== undefined) return "center";
  return undefined;
}

/** Scrolls the selected cell into the part of the sheet that scrolls (not under the frozen rows and columns). */
export function reveal(
  scroller: HTMLElement,
  td: HTMLElement,
  at: { row: number; col: number },
  layout: Layout,
  head: HTMLElement | null,
  rows: (HTMLElement | null)[],
): void {
  const box = scroller.getBoundingClientRect();
  const cell = td.getBoundingClientRect();
  if (at.col >= layout.frozenCols) {
    const left = ROW_HEADER_WIDTH + layout.widths.slice(0, layout.frozenCols).reduce((a, b) => a + b, 0);
    const x = cell.left - box.left;
    const room = scroller.clientWidth - left;
    if (x < left || cell.width > room) scroller.scrollLeft += x - left;
    else if (x + cell.width > scroller.clientWidth) scroller.scrollLeft += x + cell.width - scroller.clientWidth;
  }
  if (at.row >= layout.frozenRows) {
    let top = head?.offsetHeight ?? 0;
    for (let r = 0; r < layout.frozenRows; r++) top += rows[r]?.offsetHeight ?? 0;
    const y = cell.top - box.top;
    const room = scroller.clientHeight - top;
    if (y < top || cell.height > room) scroller.scrollTop += y - top;
    else if (y + cell.height > scroller.clientHeight) scroller.scrollTop += y + cell.height - scroller.clientHeight;
  }
}
