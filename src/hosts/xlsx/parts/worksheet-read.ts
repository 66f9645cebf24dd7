// A worksheet part → SheetSnapshot: the sheet as a grid of plain values (formulas by their cached value, rich text
// joined, date-formatted numbers and ISO cells as dates, merged cells only in their top-left cell as in Excel), with
// the fills, merges and blank formulas the core needs. Parsed with saxes, a streaming XML parser, so a sheet of 50,000
// rows becomes values without a tree of cell objects in between.
import { columnOf, parseRange } from "../../../core/address";
import { type CellValue, type HostFill, type SheetSnapshot, address, parseAddress } from "../../../core";
import { DAYS_1900_TO_1904, serialToDate } from "../../../core/serial";
import { localName, parse, textCollector } from "./sax";
import type { Styles } from "./styles/styles";

/** A cell's fill by A1 address, looked up in the style index each cell carries: no map of every styled cell. */
class FillLookup implements ReadonlyMap<string, HostFill> {
  constructor(
    private readonly xfs: readonly (readonly number[] | undefined)[],
    private readonly styles: Styles,
  ) {}

  get(a1: string): HostFill | undefined {
    const at = parseAddress(a1);
    if (!at) return undefined;
    const xf = this.xfs[at[0] - 1]?.[at[1] - 1];
    return xf === undefined ? undefined : (this.styles.fillOf(xf) ?? undefined);
  }

  has(a1: string): boolean {
    return this.get(a1) !== undefined;
  }

  *entries(): MapIterator<[string, HostFill]> {
    for (let r = 0; r < this.xfs.length; r++) {
      const row = this.xfs[r];
      if (!row) continue;
      for (let c = 0; c < row.length; c++) {
        const f = row[c] === undefined ? null : this.styles.fillOf(row[c]);
        if (f) yield [address(r + 1, c + 1), f];
      }
    }
  }

  *keys(): MapIterator<string> {
    for (const [k] of this.entries()) yield k;
  }

  *values(): MapIterator<HostFill> {
    for (const [, v] of this.entries()) yield v;
  }

  [Symbol.iterator](): MapIterator<[string, HostFill]> {
    return this.entries();
  }

  get size(): number {
    let n = 0;
    for (const _ of this.entries()) n++;
    return n;
  }

  forEach(fn: (value: HostFill, key: string, map: ReadonlyMap<string, HostFill>) => void): void {
    for (const [k, v] of this.entries()) fn(v, k, this);
  }
}

/** What a view of the sheet wants besides its snapshot (detail.ts): told of every cell element, with its style index
 * and formula (a shared formula's followers get the text of its first cell), and of the sheet's other elements. */
export interface SheetVisitor {
  cell(row: number, col: number, xf: number, formula: string | null): void;
  element(name: string, attributes: Readonly<Record<string, string>>): void;
}

export function readSheet(
  xml: string,
  name: string,
  visible: boolean,
  book: { strings: readonly string[]; styles: Styles; date1904: boolean },
  sheetNotes: Map<string, string>,
  visit?: SheetVisitor,
): SheetSnapshot {
  const rows: CellValue[][] = [];
  const xfs: (number[] | undefined)[] = [];
  const merges: [number, number, number, number][] = [];
  const blankFormulas: string[] = [];
  let row = 0;
  let col = 0;
  let cells: CellValue[] = [];
  // the cell being read
  let type = "n";
  let xf = 0;
  let formula = false;
  let inValue = false;
  let value: string[] = [];
  const inline = textCollector("is");
  let inlineText: string | null = null;
  // the formula's text, read only for a visitor
  let inFormula = false;
  let formulaText: string[] = [];
  let sharedIndex: string | undefined;
  const sharedFormulas = new Map<string, string>();

  const finishCell = () => {
    const v = value.join("");
    let out: CellValue = null;
    switch (type) {
      case "s":
        out = v === "" ? null : (book.strings[Number(v)] ?? null);
        break;
      case "str":
        out = formula || v !== "" ? v : null;
        break;
      case "inlineStr":
        out = inlineText ?? (v === "" ? null : v);
        break;
      case "b":
        out = v === "" ? null : v === "1" || v.toLowerCase() === "true";
        break;
      case "e":
        out = v === "" ? null : { error: v };
        break;
      case "d":
        out = v === "" ? null : /^\d{4}-\d{2}-\d{2}/.test(v) ? { date: v.slice(0, 10) } : { error: "#VALUE!" };
        break;
      default: {
        if (v.trim() === "") break;
        const n = Number(v);
        // a number cell holding no number (NaN, Infinity as some writers put it) is an error, as the other hosts see it
        if (!Number.isFinite(n)) out = { error: "#NUM!" };
        else if (n >= 1 && book.styles.isDate(xf))
          out = { date: serialToDate(book.date1904 ? n + DAYS_1900_TO_1904 : n) };
        else out = n;
      }
    }
    if (out !== null) {
      while (cells.length < col - 1) cells.push(null);
      cells[col - 1] = out;
    }
    if (formula && (out === null || out === "")) blankFormulas.push(address(row, col));
    if (xf !== 0 && book.styles.fillOf(xf) !== null) (xfs[row - 1] ??= [])[col - 1] = xf;
    if (visit) {
      let f: string | null = null;
      if (formula) {
        f = formulaText.join("");
        if (sharedIndex !== undefined) {
          if (f === "") f = sharedFormulas.get(sharedIndex) ?? "";
          else if (!sharedFormulas.has(sharedIndex)) sharedFormulas.set(sharedIndex, f);
        }
      }
      visit.cell(row, col, xf, f);
    }
  };

  parse(xml, {
    open(t) {
      switch (localName(t.name)) {
        case "row": {
          const r = Number(t.attributes.r);
          row = Number.isInteger(r) && r > 0 ? r : row + 1;
          col = 0;
          cells = [];
          while (rows.length < row - 1) rows.push([]);
          rows[row - 1] = cells;
          break;
        }
        case "c": {
          const ref = t.attributes.r;
          const c = ref ? columnOf(ref) : 0;
          col = c > 0 ? c : col + 1;
          type = t.attributes.t ?? "n";
          xf = Number(t.attributes.s ?? 0) || 0;
          formula = false;
          formulaText = [];
          sharedIndex = undefined;
          value = [];
          inlineText = null;
          if (t.isSelfClosing) finishCell();
          break;
        }
        case "v":
          inValue = !t.isSelfClosing;
          break;
        case "f":
          formula = true;
          inFormula = visit !== undefined && !t.isSelfClosing;
          if (t.attributes.t === "shared") sharedIndex = t.attributes.si;
          break;
        case "mergeCell": {
          const m = parseRange(t.attributes.ref ?? "");
          if (m) merges.push([m.top, m.left, m.bottom, m.right]);
          break;
        }
        default:
          visit?.element(localName(t.name), t.attributes);
          break;
      }
      inline.open(t);
    },
    close(n) {
      if (n === "v") inValue = false;
      else if (n === "f") inFormula = false;
      else if (n === "c") finishCell();
      const s = inline.close(n);
      if (s !== null) inlineText = s;
    },
    text(s) {
      if (inValue) value.push(s);
      else if (inFormula) formulaText.push(s);
      else inline.text(s);
    },
  });
  // Excel shows only the top-left cell of a merged range; whatever else a writer left in the range is not there.
  for (const [top, left, bottom, right] of merges) {
    for (let r = top; r <= Math.min(bottom, rows.length); r++) {
      const cellsOf = rows[r - 1];
      for (let c = left; c <= Math.min(right, cellsOf.length); c++) if (r !== top || c !== left) cellsOf[c - 1] = null;
    }
  }
  for (const r of rows) while (r.length && r[r.length - 1] === null) r.pop();
  return {
    name,
    visible,
    rows,
    fills: new FillLookup(xfs, book.styles),
    notes: sheetNotes,
    merges,
    blankFormulas,
  };
}
