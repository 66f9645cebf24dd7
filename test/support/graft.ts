// The sample's assessment (or ledger) sheet put into a package Excel itself wrote: that worksheet's <sheetData> replaced
// by the sample's values, everything else of the package as Excel left it (its namespaces, header/footer pictures,
// tables, printer settings, other sheets) byte for byte. So the tool meets a real Excel file holding an assessment.
import { REL, type XlsxPackage } from "../../src/hosts/xlsx/package/package";
import { readBook } from "../../src/hosts/xlsx/read";
import type { CellValue } from "../../src/core";
import { columnLetters, parseAddress } from "../../src/core";
import { type Tag, attribute, children, findTag, textElement, withAttribute } from "../../src/hosts/xlsx/parts/xml";
import {
  ASSESSMENT_SHEET,
  REL_TYPE,
  STYLES_ORDER,
  WORKSHEET_ORDER,
  appendToSection,
  insertChild,
  rootChild,
  rootTag,
  textOf,
} from "./excel-features";

export interface GraftOptions {
  /** The sample's sheet to put in: its assessment sheet unless told. */
  readonly sampleSheet?: string;
  /** A new name for the sheet (the ledger must be called 双公示台账 for the tool to find it). */
  readonly rename?: string;
  /** The column the sample's column A lands in (default 1): right of a table the sheet keeps, whose cells stay. */
  readonly firstColumn?: number;
}

export interface Graft {
  /** The worksheet part the sample went into. */
  readonly part: string;
  /** Its name in the workbook after the graft. */
  readonly name: string;
  readonly sheetId: string;
}

/** Days since 1899-12-30 (the 1900 date system) of an ISO date. */
function serial(iso: string): number {
  return Math.round((Date.parse(`${iso.slice(0, 10)}T00:00:00Z`) - Date.UTC(1899, 11, 30)) / 86_400_000);
}

/** A <c> of a value as Excel would hold it without a style: text inline, a date as its serial number in a date style. */
function cellXml(ref: string, v: CellValue, dateStyle: () => number): string {
  if (v === null) return "";
  if (typeof v === "string") return `<c r="${ref}" t="inlineStr"><is>${textElement("", v)}</is></c>`;
  if (typeof v === "number") return `<c r="${ref}"><v>${v}</v></c>`;
  if (typeof v === "boolean") return `<c r="${ref}" t="b"><v>${v ? 1 : 0}</v></c>`;
  if ("date" in v) return `<c r="${ref}" s="${dateStyle()}"><v>${serial(v.date)}</v></c>`;
  if ("error" in v) return `<c r="${ref}" t="e"><v>${v.error}</v></c>`;
  throw new Error(`${ref}: a value of no known kind`);
}

/** The ranges of the tables on a sheet, [top, left, bottom, right]: their cells are kept as they were (a table's header
 * cells must match its columns). */
function tableRanges(real: XlsxPackage, part: string): [number, number, number, number][] {
  const out: [number, number, number, number][] = [];
  for (const r of real.relationships(part)) {
    if (r.type !== REL_TYPE.table || r.external) continue;
    const table = textOf(real, r.target);
    const root = rootTag(table);
    const ref = attribute(table.slice(root.start, root.end), "ref") ?? "";
    const [a, b] = ref.split(":");
    const p = parseAddress(a);
    const q = parseAddress(b ?? a);
    if (!p || !q) throw new Error(`${r.target}: table ref ${ref}`);
    out.push([p[0], p[1], q[0], q[1]]);
  }
  return out;
}

const inside = (row: number, col: number, [t, l, b, r]: readonly number[]): boolean =>
  row >= t && row <= b && col >= l && col <= r;

/** Puts the sample's sheet into worksheet number `sheetIndex` (1-based, in workbook order) of a real package: the sheet's
 * <sheetData> becomes the sample's values (text as inline strings, dates as serial numbers in a date style added to
 * styles.xml, no other cell styles), its <mergeCells> go, its <dimension> follows; the sheet is made visible (and the
 * active tab, if the active one is hidden) and renamed when asked; calcChain entries of the sheet's old formulas go.
 * Every other part, and the rest of the sheet's XML, stays byte for byte. */
export function graftAssessment(
  real: XlsxPackage,
  sample: XlsxPackage,
  sheetIndex: number,
  opts: GraftOptions = {},
): Graft {
  const sampleName = opts.sampleSheet ?? ASSESSMENT_SHEET;
  const rows = readBook(sample).snapshot.sheets.find((s) => s.name === sampleName)?.rows;
  if (!rows) throw new Error(`the sample has no sheet ${sampleName}`);
  const { book } = readBook(real);
  if (book.date1904) throw new Error("the real package uses the 1904 date system");
  const entry = book.sheets[sheetIndex - 1];
  if (!entry) throw new Error(`the real package has no worksheet ${sheetIndex}`);
  const { part } = entry;
  const shift = (opts.firstColumn ?? 1) - 1;

  // a date style, added to cellXfs once if a date is met
  let dateXf: number | undefined;
  const dateStyle = (): number => {
    if (dateXf !== undefined) return dateXf;
    const styles = textOf(real, book.stylesPart);
    const xfs = rootChild(styles, "cellXfs");
    dateXf = xfs ? children(styles, xfs.tag).length : 0;
    real.set(
      book.stylesPart,
      appendToSection(
        styles,
        STYLES_ORDER,
        "cellXfs",
        '<xf numFmtId="14" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/>',
      ),
    );
    return dateXf;
  };

  let xml = textOf(real, part);
  const data = findTag(xml, "sheetData");
  if (!data) throw new Error(`${part} has no sheetData`);
  const dataEnd = data.kind === "empty" ? data.end : xml.indexOf(`</${data.prefix}sheetData>`, data.end);
  const tables = tableRanges(real, part);
  // the old rows: their attributes (height, hidden, x14ac:dyDescent; not spans) and the cells of tables, kept
  const oldRows = new Map<number, { attrs: string; kept: Map<number, string> }>();
  if (data.kind !== "empty") {
    for (const r of children(xml, data)) {
      const tag = xml.slice(r.tag.start, r.tag.end);
      const n = Number(attribute(tag, "r"));
      const attrs = withAttribute(tag, "spans", null)
        .replace(/^<[^\s/>]+/, "")
        .replace(/\/?>$/, "")
        .replace(/\s*\br="\d+"/, "");
      const kept = new Map<number, string>();
      if (r.tag.kind !== "empty") {
        for (const c of children(xml, r.tag)) {
          const at = parseAddress(attribute(xml.slice(c.tag.start, c.tag.end), "r") ?? "");
          if (at && tables.some((t) => inside(at[0], at[1], t))) kept.set(at[1], xml.slice(c.tag.start, c.end));
        }
      }
      oldRows.set(n, { attrs, kept });
    }
  }
  const rowNumbers = new Set<number>();
  rows.forEach((r, i) => r.some((v) => v !== null) && rowNumbers.add(i + 1));
  for (const [n, o] of oldRows) if (o.kept.size) rowNumbers.add(n);
  let maxRow = 0;
  let maxCol = 0;
  let minCol = Infinity;
  const rowXml = [...rowNumbers]
    .sort((a, b) => a - b)
    .map((n) => {
      const cells = new Map(oldRows.get(n)?.kept ?? []);
      (rows[n - 1] ?? []).forEach((v, i) => {
        if (v === null) return;
        const col = i + 1 + shift;
        if (tables.some((t) => inside(n, col, t))) {
          throw new Error(`${part}: ${columnLetters(col)}${n} is in a table on the sheet (set firstColumn)`);
        }
        cells.set(col, cellXml(`${columnLetters(col)}${n}`, v, dateStyle));
      });
      const cols = [...cells.keys()].sort((a, b) => a - b);
      maxRow = Math.max(maxRow, n);
      maxCol = Math.max(maxCol, cols[cols.length - 1]);
      minCol = Math.min(minCol, cols[0]);
      return `<${data.prefix}row r="${n}"${oldRows.get(n)?.attrs ?? ""}>${cols.map((c) => cells.get(c)).join("")}</${data.prefix}row>`;
    });
  const open =
    data.kind === "empty" ? xml.slice(data.start, data.end).replace(/\s*\/>$/, ">") : xml.slice(data.start, data.end);
  const close = data.kind === "empty" ? `</${data.prefix}sheetData>` : "";
  xml = xml.slice(0, data.start) + open + rowXml.join("") + close + xml.slice(dataEnd);
  const merges = rootChild(xml, "mergeCells");
  if (merges) xml = xml.slice(0, merges.tag.start) + xml.slice(merges.end);
  const ref = maxRow ? `${columnLetters(Math.min(minCol, 1 + shift))}1:${columnLetters(maxCol)}${maxRow}` : "A1";
  const dim = rootChild(xml, "dimension");
  xml = dim
    ? xml.slice(0, dim.tag.start) +
      withAttribute(xml.slice(dim.tag.start, dim.tag.end), "ref", ref) +
      xml.slice(dim.tag.end)
    : insertChild(xml, WORKSHEET_ORDER, "dimension", `<dimension ref="${ref}"/>`);
  real.set(part, xml);

  // the workbook: the sheet visible, renamed if asked; the active tab a visible one
  let wb = textOf(real, book.workbookPart);
  const tags: Tag[] = [];
  for (let t = findTag(wb, "sheet"); t; t = findTag(wb, "sheet", t.end)) tags.push(t);
  const states = tags.map((t) => attribute(wb.slice(t.start, t.end), "state") ?? "visible");
  const own = tags[sheetIndex - 1];
  let tag = withAttribute(wb.slice(own.start, own.end), "state", null);
  states[sheetIndex - 1] = "visible";
  const sheetId = attribute(tag, "sheetId") ?? "";
  if (opts.rename) tag = withAttribute(tag, "name", opts.rename);
  wb = wb.slice(0, own.start) + tag + wb.slice(own.end);
  const view = findTag(wb, "workbookView");
  if (view) {
    const viewTag = wb.slice(view.start, view.end);
    const active = Number(attribute(viewTag, "activeTab") ?? "0");
    if (states[active] !== "visible") {
      wb = wb.slice(0, view.start) + withAttribute(viewTag, "activeTab", String(sheetIndex - 1)) + wb.slice(view.end);
    }
  }
  if (opts.rename && new RegExp(`${entry.name.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}'?!`).test(wb)) {
    throw new Error(`a defined name refers to ${entry.name}, which is renamed`);
  }
  real.set(book.workbookPart, wb);

  // the calculation chain without the sheet's old formula cells (its entries carry the sheetId, inherited when left out)
  const chainRel = real.relationships(book.workbookPart).find((r) => r.type === REL.calcChain);
  const chain = chainRel ? real.text(chainRel.target) : undefined;
  if (chainRel && chain !== undefined) {
    const root = rootTag(chain);
    let current = "";
    let removed = 0;
    const keep: string[] = [];
    for (const c of children(chain, root)) {
      const tag = chain.slice(c.tag.start, c.tag.end);
      current = attribute(tag, "i") ?? current;
      if (current === sheetId) removed++;
      else keep.push(attribute(tag, "i") === undefined ? withAttribute(tag, "i", current) : tag);
    }
    if (removed && keep.length) {
      real.set(
        chainRel.target,
        chain.slice(0, root.end) + keep.join("") + chain.slice(chain.lastIndexOf(`</${root.prefix}${root.name}>`)),
      );
    } else if (removed) {
      real.delete(chainRel.target);
      real.removeContentType(chainRel.target);
      real.removeRelationships(book.workbookPart, (r) => r.type === REL.calcChain);
    }
  }
  return { part, name: opts.rename ?? entry.name, sheetId };
}

/** The sample's ledger (双公示台账) put into worksheet number `sheetIndex`, renamed 双公示台账. */
export function graftLedger(
  real: XlsxPackage,
  sample: XlsxPackage,
  sheetIndex: number,
  opts: Omit<GraftOptions, "sampleSheet" | "rename"> = {},
): Graft {
  return graftAssessment(real, sample, sheetIndex, { ...opts, sampleSheet: "双公示台账", rename: "双公示台账" });
}
