/// <reference types="office-js" />
// What has been read of the workbook so far: each sheet's cells, fills, number formats, merges and what is still to
// read (SheetRead), the sheet list, protection and the tool's memory (WorkbookRead), and the Snapshot they make.
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
import { DEFAULT_CELL_BYTES, type Rect } from "./budget";
import { type OfficeFill, ownFill, cellValueOf } from "./cells";

export const FILL_PROPS: Excel.CellPropertiesLoadOptions = {
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
  /** Bytes per cell of values, types and formats (as jsonBytes counts them): measured on the first block, and raised
   * to what a block of the rest measured when it was denser (rest-read.ts). */
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
