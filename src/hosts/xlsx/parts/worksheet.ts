// Edits one worksheet part in place: the cells a write plan names get their new value and/or style; every other
// byte of the part (rows, cells, formulas, the user's formatting) is copied as it was. Rows without a change are
// copied whole without looking at their cells, so a sheet of 50,000 rows is one pass of indexOf.
import { columnOf, parseRange } from "../../../core/address";
import { type HostFill, LOOKS, address } from "../../../core";
import { lookDelta } from "./styles/delta";
import { type Styles } from "./styles/styles";
import { attribute, children, elementEnd, findTag, nextTag, textElement, withAttribute } from "./xml";

export interface StyleChange {
  readonly fill?: HostFill | null;
  readonly numFmt?: string;
  readonly bold?: boolean;
}

export interface CellChange {
  /** Present: the cell's content becomes this value (null: empty). Absent: the content stays. */
  value?: { readonly v: number | string | null };
  style?: StyleChange;
}

/** Changes by row, then column (1-based): a Map of Maps, or anything answering the same questions. Each changed row
 * is asked for (get) once, in order, so a row's changes may be made when asked (apply.ts: the score block). */
export interface SheetChanges {
  readonly size: number;
  keys(): Iterable<number>;
  has(row: number): boolean;
  get(row: number): ReadonlyMap<number, CellChange> | undefined;
}

/** One attribute of a cell or row tag, read without parsing the others (the hot path: every cell of a changed row). */
function quickAttr(tag: string, name: "r" | "s"): string | undefined {
  const at = tag.indexOf(` ${name}="`);
  if (at < 0) return tag.includes(`${name}=`) ? attribute(tag, name) : undefined;
  const start = at + name.length + 3;
  return tag.slice(start, tag.indexOf('"', start));
}

const derivedOf = new WeakMap<Styles, WeakMap<StyleChange, Map<number, number>>>();

/** The style a changed cell gets; remembered per change object, as most cells share a handful of changes. */
function styleOf(styles: Styles, base: number, change: StyleChange | undefined): number {
  if (!change) return base;
  let byChange = derivedOf.get(styles);
  if (!byChange) derivedOf.set(styles, (byChange = new WeakMap()));
  let byBase = byChange.get(change);
  if (!byBase) byChange.set(change, (byBase = new Map()));
  const known = byBase.get(base);
  if (known !== undefined) return known;
  const id = styles.derive(base, {
    ...("fill" in change ? { fill: change.fill ?? null } : {}),
    ...(change.numFmt !== undefined ? { numFmt: change.numFmt } : {}),
    ...(change.bold ? lookDelta(LOOKS.scoreHeader) : {}),
  });
  byBase.set(base, id);
  return id;
}

function cellXml(prefix: string, row: number, col: number, s: number, v: number | string | null): string {
  const r = `<${prefix}c r="${address(row, col)}"${s ? ` s="${s}"` : ""}`;
  // an empty text is an empty cell, as in Excel: no zero-length string that a formula would see as text
  if (v === null || v === "") return `${r}/>`;
  if (typeof v === "number") return `${r}><${prefix}v>${v}</${prefix}v></${prefix}c>`;
  return `${r} t="inlineStr"><${prefix}is>${textElement(prefix, v)}</${prefix}is></${prefix}c>`;
}

/** Column styles from <cols>: a new cell in a styled column takes the column's style, as Excel would show it. */
function columnStyles(xml: string, sheetData: number): (col: number) => number {
  const cols = findTag(xml, "cols", 0, sheetData);
  if (!cols) return () => 0;
  const ranges: [number, number, number][] = [];
  for (const c of children(xml, cols)) {
    const tag = xml.slice(c.tag.start, c.tag.end);
    const s = Number(attribute(tag, "style") ?? 0);
    if (s) ranges.push([Number(attribute(tag, "min")), Number(attribute(tag, "max")), s]);
  }
  return (col) => ranges.find(([a, b]) => col >= a && col <= b)?.[2] ?? 0;
}

/** The worksheet with the changes, in pieces (joined, they are the part): the first piece holds everything up to
 * <sheetData>, the last everything from </sheetData> on, so a sheet of any size is never one more string. */
export function patchSheetXml(xml: string, changes: SheetChanges, styles: Styles): string[] {
  if (changes.size === 0) {
    const data = findTag(xml, "sheetData");
    const close = data ? elementEnd(xml, data) : xml.length;
    const tailAt = data && data.kind !== "empty" ? xml.lastIndexOf("</", close - 1) : close;
    return [xml.slice(0, tailAt), xml.slice(tailAt)];
  }
  const data = findTag(xml, "sheetData");
  if (!data) throw new Error("工作表中没有数据部分");
  const p = data.prefix;
  const colStyle = columnStyles(xml, data.start);
  const pending = [...changes.keys()].sort((a, b) => a - b);
  let next = 0;
  const out: string[] = [];
  // The rectangle the changes cover, for <dimension>: gathered as each changed row is asked for, once.
  const extent = { top: Infinity, left: Infinity, bottom: -Infinity, right: -Infinity };
  const changesOn = (row: number): ReadonlyMap<number, CellChange> => {
    const cols = changes.get(row) ?? new Map<number, CellChange>();
    for (const col of cols.keys()) {
      extent.top = Math.min(extent.top, row);
      extent.bottom = Math.max(extent.bottom, row);
      extent.left = Math.min(extent.left, col);
      extent.right = Math.max(extent.right, col);
    }
    return cols;
  };

  const newRow = (row: number): string => {
    const cells = [...changesOn(row)].sort((a, b) => a[0] - b[0]);
    return `<${p}row r="${row}">${cells
      .map(([col, ch]) => cellXml(p, row, col, styleOf(styles, colStyle(col), ch.style), ch.value?.v ?? null))
      .join("")}</${p}row>`;
  };
  const flushRowsBefore = (row: number) => {
    while (next < pending.length && pending[next] < row) out.push(newRow(pending[next++]));
  };

  const patchRow = (rowTag: string, content: string, row: number): string => {
    const rowChanges = changesOn(row);
    const cols = [...rowChanges.keys()].sort((a, b) => a - b);
    let k = 0;
    const customFormat = attribute(rowTag, "customFormat");
    const rowStyle = customFormat === "1" || customFormat === "true" ? Number(attribute(rowTag, "s") ?? 0) : 0;
    const base = (col: number) => rowStyle || colStyle(col);
    const parts: string[] = [];
    const open = withAttribute(rowTag.replace(/\/>$/, ">"), "spans", null);
    // The common case: every change right of the row's last cell (the score columns). The row is kept as it is and
    // the new cells go after it, without walking its cells.
    const lastStart = Math.max(content.lastIndexOf(`<${p}c `), content.lastIndexOf(`<${p}c>`));
    const lastTag = lastStart >= 0 ? nextTag(content, lastStart) : null;
    const lastRef = lastTag ? quickAttr(content.slice(lastTag.start, lastTag.end), "r") : undefined;
    if (lastStart < 0 ? content.trim() === "" : lastRef !== undefined && lastTag) {
      const lastEnd = !lastTag
        ? 0
        : lastTag.kind === "empty"
          ? lastTag.end
          : content.indexOf(`</${p}c>`, lastTag.end) + `</${p}c>`.length;
      if ((lastRef === undefined || columnOf(lastRef) < cols[0]) && content.slice(lastEnd).trim() === "") {
        const added = cols.map((c) => {
          const ch = rowChanges.get(c) as CellChange;
          return cellXml(p, row, c, styleOf(styles, base(c), ch.style), ch.value?.v ?? null);
        });
        return `${open}${content}${added.join("")}`;
      }
    }
    const flushCellsBefore = (col: number) => {
      for (; k < cols.length && cols[k] < col; k++) {
        const ch = rowChanges.get(cols[k]) as CellChange;
        parts.push(cellXml(p, row, cols[k], styleOf(styles, base(cols[k]), ch.style), ch.value?.v ?? null));
      }
    };
    let pos = 0;
    let col = 0;
    for (let t = nextTag(content, 0); t;) {
      if (t.name !== "c" || t.kind === "close") {
        // extLst, or anything else after the cells: the remaining new cells go before it
        flushCellsBefore(Infinity);
        break;
      }
      const end = t.kind === "empty" ? t.end : content.indexOf(`</${t.prefix}c>`, t.end) + `</${t.prefix}c>`.length;
      const tag = content.slice(t.start, t.end);
      const ref = quickAttr(tag, "r");
      col = ref ? columnOf(ref) : col + 1;
      flushCellsBefore(col);
      parts.push(content.slice(pos, t.start));
      const ch = rowChanges.get(col);
      if (ch && cols[k] === col) {
        k++;
        const s = Number(quickAttr(tag, "s") ?? 0) || 0;
        const ns = styleOf(styles, s, ch.style);
        if (ch.value) parts.push(cellXml(t.prefix, row, col, ns, ch.value.v));
        else parts.push(withAttribute(tag, "s", ns ? String(ns) : null) + content.slice(t.end, end));
      } else parts.push(content.slice(t.start, end));
      pos = end;
      t = nextTag(content, end);
    }
    const rest = content.slice(pos);
    flushCellsBefore(Infinity);
    return `${open}${parts.join("")}${rest}`;
  };

  let pos = data.end;
  out.push(data.kind === "empty" ? `${xml.slice(0, data.end - 2).replace(/\s+$/, "")}>` : xml.slice(0, data.end));
  let row = 0;
  let close = data.kind === "empty" ? data.end : -1;
  if (data.kind !== "empty") {
    for (let t = nextTag(xml, pos); t;) {
      if (t.name === "sheetData" && t.kind === "close") {
        close = t.start;
        break;
      }
      if (t.name !== "row") {
        t = nextTag(xml, t.end);
        continue;
      }
      const rowEnd = t.kind === "empty" ? t.end : xml.indexOf(`</${t.prefix}row>`, t.end) + `</${t.prefix}row>`.length;
      const tag = xml.slice(t.start, t.end);
      const r = Number(quickAttr(tag, "r"));
      row = Number.isInteger(r) && r > 0 ? r : row + 1;
      out.push(xml.slice(pos, t.start));
      flushRowsBefore(row);
      if (changes.has(row) && pending[next] === row) {
        next++;
        const content = t.kind === "empty" ? "" : xml.slice(t.end, rowEnd - `</${t.prefix}row>`.length);
        out.push(`${patchRow(tag, content, row)}</${t.prefix}row>`);
      } else out.push(xml.slice(t.start, rowEnd));
      pos = rowEnd;
      t = nextTag(xml, pos);
    }
  }
  out.push(xml.slice(pos, close));
  flushRowsBefore(Infinity);
  out.push(data.kind === "empty" ? `</${p}sheetData>${xml.slice(data.end)}` : xml.slice(close));
  out[0] = withDimension(out[0], extent);
  return out;
}

/** <dimension ref> grown to the cells written, so a reader trusting it sees them. `xml` is the part up to
 * <sheetData>. */
function withDimension(
  xml: string,
  changed: { readonly top: number; readonly left: number; readonly bottom: number; readonly right: number },
): string {
  const t = findTag(xml, "dimension");
  if (!t) return xml;
  const tag = xml.slice(t.start, t.end);
  const r = parseRange(attribute(tag, "ref") ?? "A1") ?? { top: 1, left: 1, bottom: 1, right: 1 };
  const top = Math.min(r.top, changed.top);
  const bottom = Math.max(r.bottom, changed.bottom);
  const left = Math.min(r.left, changed.left);
  const right = Math.max(r.right, changed.right);
  const ref = `${address(top, left)}:${address(bottom, right)}`;
  return xml.slice(0, t.start) + withAttribute(tag, "ref", ref) + xml.slice(t.end);
}
