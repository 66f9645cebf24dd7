// An .xlsx package → Snapshot: every worksheet read (parts/worksheet-read.ts) with the workbook's shared strings,
// styles and date system, each sheet's notes, and the tool's memory from its own sheet. What the writer needs to know
// of the workbook besides the snapshot comes with it (Book).
import { type SheetSnapshot, type Snapshot, MEMORY_SHEET, decodeMemory } from "../../core";
import { REL, type XlsxPackage } from "./package/package";
import { notes } from "./parts/comments";
import { sharedStrings } from "./parts/shared-strings";
import { Styles } from "./parts/styles/styles";
import { type SheetPart, workbookOf } from "./parts/workbook";
import { type SheetVisitor, readSheet } from "./parts/worksheet-read";

/** What the writer needs to know of the workbook besides the snapshot. */
export interface Book {
  readonly pkg: XlsxPackage;
  readonly workbookPart: string;
  readonly sheets: readonly SheetPart[];
  readonly styles: Styles;
  readonly stylesPart: string;
  readonly date1904: boolean;
}

/** Every worksheet of the package in tab order, the tool's own memory sheet too, each told to `visitor(entry)` if
 * it gives one (with the workbook's styles, to look a cell's style index up in). */
export function readSheets(
  pkg: XlsxPackage,
  visitor?: (entry: SheetPart, styles: Styles) => SheetVisitor | undefined,
): { book: Book; sheets: { entry: SheetPart; sheet: SheetSnapshot }[] } {
  const wb = workbookOf(pkg);
  const rels = pkg.relationships(wb.part);
  const stylesPart = rels.find((r) => r.type === REL.styles)?.target ?? "xl/styles.xml";
  const styles = new Styles(pkg.text(stylesPart));
  const stringsPart = rels.find((r) => r.type === REL.sharedStrings)?.target;
  const ctx = {
    strings: sharedStrings(stringsPart ? pkg.text(stringsPart) : undefined),
    styles,
    date1904: wb.date1904,
  };
  const sheets = wb.sheets.map((entry) => {
    const xml = pkg.text(entry.part) ?? "";
    const own = entry.name === MEMORY_SHEET;
    const sheetNotes = own ? new Map<string, string>() : notes(pkg, entry.part);
    const visible = !own && entry.state === "visible";
    return { entry, sheet: readSheet(xml, entry.name, visible, ctx, sheetNotes, visitor?.(entry, styles)) };
  });
  return {
    book: { pkg, workbookPart: wb.part, sheets: wb.sheets, styles, stylesPart, date1904: wb.date1904 },
    sheets,
  };
}

/** The tool's memory from its sheet's first column. */
export function stateOf(sheet: SheetSnapshot): Snapshot["memory"] {
  return decodeMemory(sheet.rows.map((r) => r[0] ?? null).filter((v) => v !== null));
}

export function readBook(pkg: XlsxPackage): { book: Book; snapshot: Snapshot } {
  const { book, sheets } = readSheets(pkg);
  const own = sheets.filter((s) => s.entry.name === MEMORY_SHEET).pop();
  return {
    book,
    snapshot: {
      sheets: sheets.filter((s) => s.entry.name !== MEMORY_SHEET).map((s) => s.sheet),
      memory: own ? stateOf(own.sheet) : null,
    },
  };
}
