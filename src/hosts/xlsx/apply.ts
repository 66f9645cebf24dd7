// Applies a WritePlan to an .xlsx package: score columns, highlights (fill + note), restores, 考核排名, memory.
// Only the parts with something to change are rewritten, and in them only the cells the plan names: every other
// cell, and every input cell's value, formula, note and number format, stays byte for byte as it was.
import { HIGHLIGHT_COLORS, type ScoreWrites, type Snapshot, type WritePlan, address, eachCell } from "../../core";
import { CONTENT_TYPE, NS_REL, REL, relsName } from "./package/package";
import type { Book } from "./read";
import { type CellChange, type SheetChanges, type StyleChange, patchSheetXml } from "./parts/worksheet";
import { quotedSheet, rankingSheetXml, stateSheetXml } from "./parts/owned-sheets";
import { solidFill } from "./parts/styles/fill";
import { type NoteChanges, writeNotes } from "./parts/comments";
import { insertChild } from "./parts/order";
import { attribute, children, elementEnd, escapeAttr, escapeText, findTag, withAttribute } from "./parts/xml";

type Sparse = Map<number, Map<number, CellChange>>;

function changesOf(plan: WritePlan): Map<string, SheetChanges> {
  const bySheet = new Map<string, Sparse>();
  // one object per distinct style change, so the writer derives each new style once
  const interned = new Map<string, StyleChange>();
  const intern = (c: StyleChange): StyleChange => {
    const key = `${c.numFmt ?? ""}|${c.bold ? 1 : 0}|${"fill" in c ? JSON.stringify(c.fill) : "-"}`;
    const known = interned.get(key);
    if (known) return known;
    interned.set(key, c);
    return c;
  };
  const rowsOf = (sheet: string): Sparse => {
    let rows = bySheet.get(sheet);
    if (!rows) bySheet.set(sheet, (rows = new Map()));
    return rows;
  };
  const at = (sheet: string, row: number, col: number) => {
    const rows = rowsOf(sheet);
    let cols = rows.get(row);
    if (!cols) rows.set(row, (cols = new Map()));
    let ch = cols.get(col);
    if (!ch) cols.set(col, (ch = {}));
    return ch;
  };
  const scores = new ScoreRows(plan.scores, intern);
  // the assessment sheet first when it has cells to write (the order sheets are patched in numbers new styles)
  if (plan.writes.length > 0 || scores.size > 0) rowsOf(plan.sheet);
  for (const w of plan.writes) {
    const ch = at(plan.sheet, w.row, w.col);
    ch.value = { v: w.value };
    if (w.numberFormat !== undefined || w.bold) {
      ch.style = intern({
        ...ch.style,
        ...(w.numberFormat !== undefined ? { numFmt: w.numberFormat } : {}),
        ...(w.bold ? { bold: true } : {}),
      });
    }
  }
  for (const f of plan.formats) {
    const ch = at(f.sheet, f.row, f.col);
    const fill = f.fill.kind === "highlight" ? solidFill(HIGHLIGHT_COLORS[f.fill.highlight]) : f.fill.fill;
    ch.style = intern({ ...ch.style, fill });
  }
  const out = new Map<string, SheetChanges>(bySheet);
  if (scores.size > 0) out.set(plan.sheet, scores.over(bySheet.get(plan.sheet) ?? new Map()));
  return out;
}

/** The score block's rows as SheetChanges, over the sheet's other changes: a row's change objects are made when the
 * sheet writer asks for that row and dropped after it, so none is held per cell of the block. */
class ScoreRows {
  /** Units with a cell written. */
  readonly size: number;
  /** row → unit index (-1: not a unit row). */
  private readonly unitAt: Int32Array;
  /** Per column, which units it writes (null: all). */
  private readonly writes: (Uint8Array | null)[];
  private readonly written: Uint8Array;
  private readonly styles: (StyleChange | undefined)[];

  constructor(
    private readonly scores: ScoreWrites,
    private readonly intern: (c: StyleChange) => StyleChange,
  ) {
    const { rows, columns } = scores;
    let last = 0;
    for (let k = 0; k < rows.length; k++) last = Math.max(last, rows[k]);
    this.unitAt = new Int32Array(last + 1).fill(-1);
    for (let k = 0; k < rows.length; k++) this.unitAt[rows[k]] = k;
    this.written = new Uint8Array(rows.length);
    this.writes = columns.map((c) => {
      if (c.only === null) {
        this.written.fill(1);
        return null;
      }
      const mask = new Uint8Array(rows.length);
      for (const k of c.only) mask[k] = this.written[k] = 1;
      return mask;
    });
    this.size = this.written.reduce((n, w) => n + w, 0);
    this.styles = columns.map((c) => (c.numberFormat !== undefined ? intern({ numFmt: c.numberFormat }) : undefined));
  }

  /** The sheet's changes: `other`'s rows, and the score cells (a fill on one joins its number format). */
  over(other: Sparse): SheetChanges {
    const { rows, columns } = this.scores;
    const keys = [...other.keys()];
    for (let k = 0; k < rows.length; k++) if (this.written[k] && !other.has(rows[k])) keys.push(rows[k]);
    const unitOf = (row: number): number => {
      const k = row < this.unitAt.length ? this.unitAt[row] : -1;
      return k >= 0 && this.written[k] ? k : -1;
    };
    return {
      size: keys.length,
      keys: () => keys,
      has: (row) => other.has(row) || unitOf(row) >= 0,
      get: (row) => {
        const k = unitOf(row);
        const base = other.get(row);
        if (k < 0) return base;
        const cols = new Map(base);
        columns.forEach((c, i) => {
          if (this.writes[i] !== null && !this.writes[i][k]) return;
          const style = this.styles[i];
          const also = cols.get(c.col)?.style;
          const merged = also && style ? this.intern({ ...style, ...also }) : (also ?? style);
          cols.set(c.col, { value: { v: c.values[k] }, ...(merged ? { style: merged } : {}) });
        });
        return cols;
      },
    };
  }
}

/** Puts a worksheet the tool owns in place: over the part of a sheet of that name, or as a new sheet at the end. */
function putSheet(
  book: Book,
  workbook: { xml: string },
  name: string,
  pieces: readonly string[],
  state?: "veryHidden",
): number {
  const { pkg } = book;
  const existing = book.sheets.find((s) => s.name === name);
  let part = existing?.part;
  if (part) {
    // whatever hung off the old sheet (its notes, drawings) went with its content
    pkg.delete(relsName(part));
  } else {
    part = pkg.freeName("xl/worksheets/sheet", ".xml");
    const rid = pkg.addRelationship(book.workbookPart, REL.worksheet, part);
    pkg.setContentType(part, CONTENT_TYPE.worksheet);
    const ids: number[] = [];
    for (let t = findTag(workbook.xml, "sheet"); t; t = findTag(workbook.xml, "sheet", t.end)) {
      ids.push(Number(attribute(workbook.xml.slice(t.start, t.end), "sheetId")) || 0);
    }
    const sheets = findTag(workbook.xml, "sheets");
    if (!sheets) throw new Error("workbook.xml 中没有工作表列表");
    const rootTag = workbook.xml.slice(0, (findTag(workbook.xml, "workbook") ?? sheets).end);
    const relPrefix = new RegExp(`xmlns:([\\w.-]+)="${NS_REL.replace(/[./]/g, "\\$&")}"`).exec(rootTag)?.[1];
    const ridAttr = relPrefix ? `${relPrefix}:id="${rid}"` : `xmlns:r="${NS_REL}" r:id="${rid}"`;
    const el = `<${sheets.prefix}sheet name="${escapeAttr(name)}" sheetId="${Math.max(0, ...ids) + 1}"${state ? ` state="${state}"` : ""} ${ridAttr}/>`;
    const close = workbook.xml.indexOf(`</${sheets.prefix}sheets>`, sheets.end);
    workbook.xml =
      sheets.kind === "empty"
        ? `${workbook.xml.slice(0, sheets.end - 2)}>${el}</${sheets.prefix}sheets>${workbook.xml.slice(sheets.end)}`
        : workbook.xml.slice(0, close) + el + workbook.xml.slice(close);
  }
  if (existing && state) {
    // the memory stays very hidden even if someone unhid it
    const t = findSheetTag(workbook.xml, name)?.tag;
    if (t)
      workbook.xml =
        workbook.xml.slice(0, t.start) +
        withAttribute(workbook.xml.slice(t.start, t.end), "state", state) +
        workbook.xml.slice(t.end);
  }
  pkg.setPieces(part, pieces);
  return findSheetTag(workbook.xml, name)?.index ?? -1;
}

/** A sheet's <sheet> tag in workbook.xml, and its position among the sheets (the localSheetId of its names). */
function findSheetTag(xml: string, name: string) {
  let index = 0;
  for (let t = findTag(xml, "sheet"); t; t = findTag(xml, "sheet", t.end), index++) {
    if (attribute(xml.slice(t.start, t.end), "name") === name) return { tag: t, index };
  }
  return null;
}

/** 考核排名 prints its title and header rows on every page: the sheet's _xlnm.Print_Titles. */
function setPrintTitles(workbook: { xml: string }, index: number, sheet: string): void {
  const xml = workbook.xml;
  const p = findTag(xml, "workbook")?.prefix ?? "";
  const el = `<${p}definedName name="_xlnm.Print_Titles" localSheetId="${index}">${escapeText(`${quotedSheet(sheet)}!$1:$2`)}</${p}definedName>`;
  const names = findTag(xml, "definedNames");
  if (names) {
    // the new one first, the sheet's old one gone, the others as they were
    const others = children(xml, names)
      .filter(({ tag }) => {
        const t = xml.slice(tag.start, tag.end);
        return !(attribute(t, "name") === "_xlnm.Print_Titles" && attribute(t, "localSheetId") === String(index));
      })
      .map((c) => xml.slice(c.tag.start, c.end));
    const open = xml.slice(names.start, names.end).replace(/\s*\/>$/, ">");
    workbook.xml = `${xml.slice(0, names.start)}${open}${el}${others.join("")}</${names.prefix}definedNames>${xml.slice(elementEnd(xml, names))}`;
    return;
  }
  // no names yet: <definedNames> at its place in CT_Workbook (after <externalReferences>, before <calcPr>)
  workbook.xml = insertChild(xml, "workbook", "definedNames", `<${p}definedNames>${el}</${p}definedNames>`);
}

/** The calculation chain lists cells with formulas; the tool's own sheets are rewritten, so it goes and Excel
 * rebuilds it on opening (a stale chain makes Excel offer to repair the file). */
function dropCalcChain(book: Book): void {
  const rel = book.pkg.relationships(book.workbookPart).find((r) => r.type === REL.calcChain);
  if (!rel) return;
  book.pkg.delete(rel.target);
  book.pkg.removeContentType(rel.target);
  book.pkg.removeRelationships(book.workbookPart, (r) => r.type === REL.calcChain);
}

/** Notes to set or take away, per sheet; a note is only taken away where there is one. */
function notesChanges(plan: WritePlan, snapshot: Snapshot): Map<string, NoteChanges> {
  const out = new Map<string, NoteChanges>();
  const existing = new Map(snapshot.sheets.map((s) => [s.name, s.notes]));
  const put = (sheet: string, a1: string, note: string | null) => {
    if (note === null && !existing.get(sheet)?.has(a1)) return;
    let m = out.get(sheet);
    if (!m) out.set(sheet, (m = new Map()));
    m.set(a1, note);
  };
  const main = existing.get(plan.sheet);
  eachCell(plan, (row, col, _value, note) => {
    // a cell without a note changes nothing where there is none: its address is made only on a sheet with notes
    if (note !== null || (main !== undefined && main.size > 0)) put(plan.sheet, address(row, col), note);
  });
  for (const f of plan.formats) {
    if ("set" in f.note) put(f.sheet, address(f.row, f.col), f.note.set);
    else if ("remove" in f.note) put(f.sheet, address(f.row, f.col), null);
  }
  return out;
}

export function applyPlan(book: Book, plan: WritePlan, snapshot: Snapshot): void {
  const { pkg, styles } = book;
  const bySheet = changesOf(plan);
  const notes = notesChanges(plan, snapshot);
  for (const sheet of new Set([...bySheet.keys(), ...notes.keys()])) {
    const entry = book.sheets.find((s) => s.name === sheet);
    if (!entry) {
      if (sheet === plan.sheet) throw new Error(`工作表“${sheet}”不存在`);
      continue;
    }
    const xml = pkg.text(entry.part) ?? "";
    const pieces = patchSheetXml(xml, bySheet.get(sheet) ?? new Map(), styles);
    const root = findTag(xml, "worksheet");
    const last = pieces.length - 1;
    pieces[last] = writeNotes(
      pkg,
      entry.part,
      root ? xml.slice(root.start, root.end) : "",
      pieces[last],
      notes.get(sheet) ?? new Map(),
    );
    pkg.setPieces(entry.part, pieces);
  }
  const workbook = { xml: pkg.text(book.workbookPart) ?? "" };
  const rankingIndex = putSheet(book, workbook, plan.ranking.name, rankingSheetXml(plan.ranking, styles));
  setPrintTitles(workbook, rankingIndex, plan.ranking.name);
  putSheet(book, workbook, plan.memorySheet, [stateSheetXml(plan.memoryChunks)], "veryHidden");
  dropCalcChain(book);
  pkg.set(book.workbookPart, workbook.xml);
  if (styles.changed) {
    if (!pkg.has(book.stylesPart)) {
      pkg.addRelationship(book.workbookPart, REL.styles, book.stylesPart);
      pkg.setContentType(book.stylesPart, "application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml");
    }
    pkg.set(book.stylesPart, styles.toXml());
  }
}
