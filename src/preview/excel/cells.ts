// Cells as a range reads and writes them: the value Excel reports, its type, a rectangle's cells as a grid, and how a
// typed value is stored.
import type { CellModel, RangeTarget } from "./document";
import { FakeOfficeError } from "./errors";

export function excelValue(c: CellModel | undefined): string | number | boolean {
  if (!c) return "";
  if (c.error !== undefined) return c.error;
  return c.value ?? "";
}

export function valueType(c: CellModel | undefined): string {
  if (!c || (c.value === null && c.error === undefined)) return "Empty";
  if (c.error !== undefined) return "Error";
  if (typeof c.value === "boolean") return "Boolean";
  if (typeof c.value === "number") return "Double";
  return "String";
}

export function grid<V>(t: RangeTarget, f: (c: CellModel | undefined, r: number, col: number) => V): V[][] {
  const { rect, sheet } = t;
  if (rect.rows * rect.cols > 5_000_000) throw new FakeOfficeError("InvalidOperation", "range too large to read");
  const out: V[][] = [];
  for (let r = 0; r < rect.rows; r++) {
    const line: V[] = [];
    for (let c = 0; c < rect.cols; c++) line.push(f(sheet.get(rect.row + r, rect.col + c), rect.row + r, rect.col + c));
    out.push(line);
  }
  return out;
}

export function each(t: RangeTarget, f: (c: CellModel) => void): void {
  const { rect, sheet } = t;
  const rows = Math.min(rect.rows, 100_000);
  const cols = Math.min(rect.cols, 1000);
  for (let r = 0; r < rows; r++) for (let c = 0; c < cols; c++) f(sheet.cell(rect.row + r, rect.col + c));
}

export function checkShape(t: RangeTarget, v: unknown[][], what: string): void {
  if (v.length !== t.rect.rows || v.some((line) => !Array.isArray(line) || line.length !== t.rect.cols)) {
    throw new FakeOfficeError(
      "InvalidArgument",
      `The number of rows or columns in the input array doesn't match the size or dimensions of the range (${what}).`,
    );
  }
}

export const NUMERIC = /^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/;

/** How Excel stores a value typed into a cell: numeric text becomes a number unless the cell is formatted as text;
 * a leading = makes a formula (not evaluated by the fake). */
export function store(c: CellModel, v: unknown): void {
  delete c.error;
  delete c.formula;
  if (v === "" || v === null) {
    c.value = null;
    return;
  }
  if (typeof v === "string" && c.numberFormat !== "@") {
    if (v.startsWith("=")) {
      c.formula = v;
      c.value = null;
      return;
    }
    if (NUMERIC.test(v.trim())) {
      c.value = Number(v);
      return;
    }
    if (/^(TRUE|FALSE)$/i.test(v)) {
      c.value = v.toUpperCase() === "TRUE";
      return;
    }
  }
  if (typeof v === "string" || typeof v === "number" || typeof v === "boolean") c.value = v;
  else throw new FakeOfficeError("InvalidArgument", "The argument is invalid or missing or has an incorrect format.");
}
