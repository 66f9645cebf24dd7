// The range proxy: a rectangle's values, number formats, formulas and text, the ranges around it, its used cells and
// merged areas, and the writes Excel refuses (a wrong shape, a protected sheet, part of a merged cell).
/* eslint-disable @typescript-eslint/no-explicit-any -- the fake stands in for Office.js's loosely typed surface */
import { quoteSheet, rectAddress } from "./addresses";
import { checkShape, excelValue, grid, store, valueType } from "./cells";
import { ClientObject } from "./client-object";
import type { FakeContext } from "./context";
import type { Rect, RangeTarget } from "./document";
import { FakeOfficeError } from "./errors";
import { formatChanged } from "./events";
import { MERGED_AREAS_MAX, contains, inside, intersects, mergedCovered } from "./merges";
import { size } from "./payload";
import { guardWrite } from "./protection";
import { FakeRangeAreas } from "./range-areas";
import { rangeFormat, readCellProperties, writeCellProperties } from "./range-format";

export class FakeRange extends ClientObject<RangeTarget> {
  private tracked = false;
  constructor(
    context: FakeContext,
    private readonly resolveTarget: () => RangeTarget | null,
  ) {
    super(context);
  }
  target(): RangeTarget | null {
    return this.resolveTarget();
  }
  trackNull(): void {
    if (!this.tracked) this.touch();
    this.tracked = true;
  }
  protected override loadable(): Record<string, (t: RangeTarget) => unknown> {
    return {
      address: (t) => `${quoteSheet(t.sheet.name)}!${rectAddress(t.rect)}`,
      values: (t) => grid(t, excelValue),
      valueTypes: (t) => grid(t, valueType),
      numberFormat: (t) => grid(t, (c) => c?.numberFormat ?? "General"),
      formulas: (t) => grid(t, (c) => c?.formula ?? excelValue(c)),
      text: (t) => grid(t, (c) => String(excelValue(c))),
      rowIndex: (t) => t.rect.row,
      columnIndex: (t) => t.rect.col,
      rowCount: (t) => t.rect.rows,
      columnCount: (t) => t.rect.cols,
    };
  }
  get address(): string {
    return this.read("address");
  }
  get values(): any[][] {
    return this.read("values");
  }
  set values(v: any[][]) {
    this.context.enqueue(() => {
      const t = this.target();
      if (!t) return;
      checkShape(t, v, "values");
      guardWrite(t.sheet);
      const covered = mergedCovered(t);
      this.context.changes.push(t);
      v.forEach((line, r) =>
        line.forEach((x, c) => {
          const row = t.rect.row + r;
          const col = t.rect.col + c;
          // Inside a merged area only its top-left cell holds a value.
          if (covered.some((m) => contains(m, { row, col, rows: 1, cols: 1 }) && (m.row !== row || m.col !== col))) {
            return;
          }
          if (x !== null && x !== undefined) store(t.sheet.cell(row, col), x);
        }),
      );
    }, size(v));
  }
  get valueTypes(): string[][] {
    return this.read("valueTypes");
  }
  get numberFormat(): any[][] {
    return this.read("numberFormat");
  }
  set numberFormat(v: any[][]) {
    this.context.enqueue(() => {
      const t = this.target();
      if (!t) return;
      checkShape(t, v, "numberFormat");
      guardWrite(t.sheet, true);
      formatChanged(this.context, t);
      v.forEach((line, r) =>
        line.forEach((x, c) => {
          if (x !== null && x !== undefined) t.sheet.cell(t.rect.row + r, t.rect.col + c).numberFormat = String(x);
        }),
      );
    }, size(v));
  }
  get formulas(): any[][] {
    return this.read("formulas");
  }
  get text(): string[][] {
    return this.read("text");
  }
  get rowCount(): number {
    return this.read("rowCount");
  }
  get columnCount(): number {
    return this.read("columnCount");
  }
  get rowIndex(): number {
    return this.read("rowIndex");
  }
  get columnIndex(): number {
    return this.read("columnIndex");
  }
  getCell(row: number, col: number): FakeRange {
    return new FakeRange(this.context, () => {
      const t = this.target();
      return t ? { sheet: t.sheet, rect: { row: t.rect.row + row, col: t.rect.col + col, rows: 1, cols: 1 } } : null;
    });
  }
  getResizedRange(dRows: number, dCols: number): FakeRange {
    return new FakeRange(this.context, () => {
      const t = this.target();
      return t ? { sheet: t.sheet, rect: { ...t.rect, rows: t.rect.rows + dRows, cols: t.rect.cols + dCols } } : null;
    });
  }
  getOffsetRange(dRows: number, dCols: number): FakeRange {
    return new FakeRange(this.context, () => {
      const t = this.target();
      return t ? { sheet: t.sheet, rect: { ...t.rect, row: t.rect.row + dRows, col: t.rect.col + dCols } } : null;
    });
  }
  /** Range.getUsedRangeOrNullObject (ExcelApi 1.4): the used cells within this range, or a null object. */
  getUsedRangeOrNullObject(valuesOnly = false): FakeRange {
    let rect: Rect | null = null;
    this.context.enqueue(() => {
      const t = this.target();
      const used = t ? t.sheet.used(valuesOnly) : null;
      if (!t || !used || !intersects(used, t.rect)) {
        rect = null;
        return;
      }
      const row = Math.max(used.row, t.rect.row);
      const col = Math.max(used.col, t.rect.col);
      const r1 = Math.min(used.row + used.rows, t.rect.row + t.rect.rows);
      const c1 = Math.min(used.col + used.cols, t.rect.col + t.rect.cols);
      // The bounding box of the used cells inside this range.
      let box: Rect | null = null;
      for (const [k, c] of t.sheet.cells) {
        const hasValue = c.value !== null || c.error !== undefined || c.formula !== undefined;
        const hasFormat = c.fill !== null || c.numberFormat !== "General" || c.bold === true;
        if (!hasValue && (valuesOnly || !hasFormat)) continue;
        const [r, cc] = k.split(",").map(Number);
        if (r < row || r >= r1 || cc < col || cc >= c1) continue;
        box = box
          ? {
              row: Math.min(box.row, r),
              col: Math.min(box.col, cc),
              rows: Math.max(box.row + box.rows, r + 1) - Math.min(box.row, r),
              cols: Math.max(box.col + box.cols, cc + 1) - Math.min(box.col, cc),
            }
          : { row: r, col: cc, rows: 1, cols: 1 };
      }
      rect = box;
    });
    const r = new FakeRange(this.context, () => {
      const t = this.target();
      return t && rect ? { sheet: t.sheet, rect } : null;
    });
    r.trackNull();
    return r;
  }
  /** Range.getMergedAreasOrNullObject (ExcelApi 1.13): the merged areas whose top-left cell lies in this range (an
   * area that starts left of or above it is not reported: OfficeDev/office-js#3611, closed as by design), or a null
   * object. Above 512 areas it "will fail to return the result" (@types/office-js, Excel.Range.
   * getMergedAreasOrNullObject): the sync fails. Which error code Excel gives is not documented; GeneralException
   * here. */
  getMergedAreasOrNullObject(): FakeRangeAreas {
    let found: RangeTarget[] | null = null;
    this.context.enqueue(() => {
      const t = this.target();
      const hits = t ? t.sheet.merges.filter((m) => inside(t.rect, m.row, m.col)) : [];
      if (hits.length > MERGED_AREAS_MAX) {
        throw new FakeOfficeError("GeneralException", "There was an internal error while processing the request.");
      }
      found = t && hits.length > 0 ? hits.map((rect) => ({ sheet: t.sheet, rect })) : null;
    });
    const areas = new FakeRangeAreas(this.context, () => found);
    areas.trackNull();
    return areas;
  }
  clear(what: "All" | "Contents" | "Formats" = "All"): void {
    this.context.enqueue(() => {
      const t = this.target();
      if (!t) return;
      guardWrite(t.sheet, what === "Formats");
      for (const [k, c] of [...t.sheet.cells]) {
        const [r, col] = k.split(",").map(Number);
        const inside =
          r >= t.rect.row && r < t.rect.row + t.rect.rows && col >= t.rect.col && col < t.rect.col + t.rect.cols;
        if (!inside) continue;
        if (what !== "Formats") {
          c.value = null;
          delete c.error;
          delete c.formula;
        }
        if (what !== "Contents") {
          c.fill = null;
          c.numberFormat = "General";
          delete c.bold;
        }
      }
    });
  }
  merge(_across = false): void {
    this.context.enqueue(() => {
      const t = this.target();
      if (!t) return;
      guardWrite(t.sheet, true);
      t.sheet.merges.push({ ...t.rect });
    });
  }
  select(): void {
    this.context.enqueue(() => {
      const t = this.target();
      if (!t) throw new FakeOfficeError("ItemNotFound", "The requested resource doesn't exist.");
      if (t.sheet.visibility !== "Visible") throw new FakeOfficeError("InvalidOperation", "The sheet is hidden.");
      const doc = this.context.excel.doc;
      doc.active = t.sheet.name;
      doc.selection = { sheet: t.sheet.name, address: rectAddress(t.rect) };
    });
  }
  getCellProperties(props: Record<string, unknown>): { value: any[][] } {
    return readCellProperties(this.context, () => this.target(), props);
  }
  setCellProperties(v: any[][]): void {
    writeCellProperties(this.context, () => this.target(), v);
  }
  get format() {
    return rangeFormat(this.context, () => this.target());
  }
}
