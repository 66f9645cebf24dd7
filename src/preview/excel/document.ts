// The document the simulated Excel holds: its sheets with their cells (values, formats, notes), merges, protection,
// filters and event handlers, and the workbook's own settings, selection and date system. Host code never sees it:
// it reaches it through the proxies (worksheet.ts, range.ts), whose commands run at sync.
export interface FillModel {
  color: string;
  pattern: string;
  patternColor?: string;
}

export interface CellModel {
  value: string | number | boolean | null;
  error?: string;
  formula?: string;
  numberFormat: string;
  fill: FillModel | null;
  bold?: boolean;
  fontSize?: number;
  horizontalAlignment?: string;
  verticalAlignment?: string;
  wrapText?: boolean;
  note?: string;
}

export interface Rect {
  row: number; // 0-based
  col: number;
  rows: number;
  cols: number;
}

export interface ChartModel {
  type: string;
  source: string;
  seriesBy: string;
  title?: string;
  legendVisible?: boolean;
  reversePlotOrder?: boolean;
  position?: [string, string];
}

/** An event handler a runtime registered on a sheet (events.ts). */
export type Handler = (args: Record<string, unknown>) => Promise<unknown> | void;

let nextSheetId = 1;

export class SheetModel {
  /** Worksheet.id: stable within a session only (OfficeDev/office-js-docs#297, office-js#1390); reopen() gives new ones. */
  id = `{fake-sheet-${nextSheetId++}}`;
  readonly cells = new Map<string, CellModel>();
  visibility: "Visible" | "Hidden" | "VeryHidden" = "Visible";
  merges: Rect[] = [];
  frozenRows = 0;
  columnWidths = new Map<number, number>();
  rowHeights = new Map<number, number>();
  borders: { range: string; edge: string; style: string }[] = [];
  page: Record<string, unknown> = {};
  charts: ChartModel[] = [];
  changed: Handler[] = [];
  selectionChanged: Handler[] = [];
  /** Review → Protect Sheet. allowFormatCells lets fills through, as Excel's option of that name does. */
  protection: { protected: boolean; allowFormatCells?: boolean } = { protected: false };
  /** Rows (0-based) hidden by an AutoFilter or by hand: Range.values reads and writes them all the same. */
  hiddenRows = new Set<number>();
  /** The AutoFilter's range, when the sheet has one. */
  autoFilter: Rect | null = null;
  constructor(public name: string) {}

  static key(row: number, col: number): string {
    return `${row},${col}`;
  }
  get(row: number, col: number): CellModel | undefined {
    return this.cells.get(SheetModel.key(row, col));
  }
  cell(row: number, col: number): CellModel {
    const k = SheetModel.key(row, col);
    let c = this.cells.get(k);
    if (!c) {
      c = { value: null, numberFormat: "General", fill: null };
      this.cells.set(k, c);
    }
    return c;
  }
  /** The used range: cells with a value (valuesOnly) or also with formatting. */
  used(valuesOnly: boolean): Rect | null {
    let r0 = Infinity,
      c0 = Infinity,
      r1 = -1,
      c1 = -1;
    for (const [k, c] of this.cells) {
      const hasValue = c.value !== null || c.error !== undefined || c.formula !== undefined;
      const hasFormat = c.fill !== null || c.numberFormat !== "General" || c.bold === true;
      if (!hasValue && (valuesOnly || !hasFormat)) continue;
      const [r, col] = k.split(",").map(Number);
      r0 = Math.min(r0, r);
      c0 = Math.min(c0, col);
      r1 = Math.max(r1, r);
      c1 = Math.max(c1, col);
    }
    return r1 < 0 ? null : { row: r0, col: c0, rows: r1 - r0 + 1, cols: c1 - c0 + 1 };
  }
}

export class FakeDocument {
  sheets: SheetModel[] = [];
  /** Office.context.document.settings as saved with the file (each runtime works on its own copy: FakeExcel.settings). */
  settings = new Map<string, unknown>();
  active: string | null = null;
  selection: { sheet: string; address: string } | null = null;
  /** Review → Protect Workbook (structure): no sheet may be added, deleted, renamed, moved, hidden or shown. */
  protection = { protected: false };
  /** The workbook's date system (File → Options → Advanced → 使用 1904 日期系统): serial 0 is 1904-01-01. The
   * cells of a 1904 document hold 1904 serials; the API reports no such property (excel-behaviour.md). */
  date1904 = false;

  sheet(name: string): SheetModel | undefined {
    return this.sheets.find((s) => s.name.toLowerCase() === name.toLowerCase());
  }
  add(name: string): SheetModel {
    const s = new SheetModel(name);
    this.sheets.push(s);
    return s;
  }
  /** The workbook closed and opened again: every sheet gets a new Worksheet.id, as Excel may give it (ids are
   * stable within a session only, OfficeDev/office-js-docs#297, office-js#1390). */
  reopen(): void {
    for (const s of this.sheets) s.id = `{fake-sheet-${nextSheetId++}}`;
  }
}

/** What a range proxy stands for once its commands run: a rectangle of one sheet. */
export interface RangeTarget {
  sheet: SheetModel;
  rect: Rect;
}
