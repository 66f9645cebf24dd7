// A package read for a view of it, beyond what scoring needs: each sheet's values (the same snapshot the command line
// scores) with every cell's formula, number format, fill, bold and alignment, the column widths and the frozen panes.
// The browser preview draws a workbook from this, and the simulated Excel (src/preview/excel/) the tests use is filled from it, so
// both start from the cells the command line reads. No Node modules: the preview bundles it.
import type { HostFill, SheetSnapshot } from "../../core";
import type { XlsxPackage } from "./package/package";
import { readSheets } from "./read";
import type { SheetPart } from "./parts/workbook";

export interface CellDetail {
  /** The formula's text, without "=". */
  readonly formula?: string;
  readonly numFmt: string;
  readonly fill: HostFill | null;
  readonly bold: boolean;
  readonly horizontal?: string;
  readonly wrap: boolean;
}

export interface SheetDetail {
  readonly name: string;
  readonly state: SheetPart["state"];
  /** Values, notes and merges as the command line reads them (the tool's own sheet included here). */
  readonly snapshot: SheetSnapshot;
  /** Every cell element the sheet has, by 0-based "row,col": empty cells with a style too. */
  readonly cells: ReadonlyMap<string, CellDetail>;
  /** 0-based column → width in characters of the default font. */
  readonly widths: ReadonlyMap<number, number>;
  readonly frozenRows: number;
  readonly frozenCols: number;
}

/** Every worksheet in tab order. */
export function readDetail(pkg: XlsxPackage): SheetDetail[] {
  const found = new Map<SheetPart, Omit<SheetDetail, "snapshot" | "name" | "state">>();
  const { sheets } = readSheets(pkg, (entry, styles) => {
    const cells = new Map<string, CellDetail>();
    const widths = new Map<number, number>();
    const d = { cells, widths, frozenRows: 0, frozenCols: 0 };
    found.set(entry, d);
    const looks = new Map<number, Omit<CellDetail, "formula">>();
    const look = (xf: number) => {
      let l = looks.get(xf);
      if (!l) {
        const { bold, horizontal, wrap } = styles.lookOf(xf);
        l = { numFmt: styles.numFmtOf(xf), fill: styles.fillOf(xf), bold, horizontal, wrap };
        looks.set(xf, l);
      }
      return l;
    };
    return {
      cell(row, col, xf, formula) {
        const l = look(xf);
        cells.set(`${row - 1},${col - 1}`, formula === null ? l : { ...l, formula });
      },
      element(name, a) {
        if (name === "col") {
          const width = Number(a.width);
          const min = Number(a.min);
          const max = Math.min(Number(a.max), min + 16_384);
          if (Number.isFinite(width) && min >= 1) for (let c = min; c <= max; c++) widths.set(c - 1, width);
        } else if (name === "pane" && (a.state === "frozen" || a.state === "frozenSplit")) {
          d.frozenRows = Number(a.ySplit) || 0;
          d.frozenCols = Number(a.xSplit) || 0;
        }
      },
    };
  });
  return sheets.map(({ entry, sheet }) => ({
    name: entry.name,
    state: entry.state,
    snapshot: sheet,
    ...(found.get(entry) as Omit<SheetDetail, "snapshot" | "name" | "state">),
  }));
}
