// Builds the fake Excel's document from an .xlsx package, through the command line's own reader (readDetail in
// src/hosts/xlsx/detail.ts: the same values the command line scores, with formulas, number formats and fills), so both
// hosts start from the same cells. Dates go back to serial numbers with a date format and errors to error values, as
// Excel holds them. No Node modules: the browser preview (src/preview) bundles this too; from-xlsx.ts reads files and
// ExcelJS workbooks.
import { type HostFill, isDateCell, isErrorCell } from "../core";
import { type SheetDetail, readDetail } from "../hosts/xlsx/detail";
import type { XlsxPackage } from "../hosts/xlsx/package/package";
import { dateToSerial } from "../core/serial";
import { FakeDocument, type FillModel } from "./excel";

/** A pattern fill as Excel's Range.format.fill shows it: its foreground colour, solid. */
function fillOf(f: HostFill | null): FillModel | null {
  if (typeof f !== "object" || f === null || Array.isArray(f) || f.type !== "pattern") return null;
  if (f.pattern === undefined || f.pattern === "none") return null;
  const fg = f.fgColor;
  const argb = typeof fg === "object" && fg !== null && !Array.isArray(fg) ? fg.argb : undefined;
  return { color: typeof argb === "string" ? `#${argb.slice(-6).toUpperCase()}` : "#FFFFFF", pattern: "Solid" };
}

const VISIBILITY = { visible: "Visible", hidden: "Hidden", veryHidden: "VeryHidden" } as const;

/** The fake document of a package's sheets, read with readDetail. */
export function documentOf(details: readonly SheetDetail[]): FakeDocument {
  const doc = new FakeDocument();
  for (const d of details) {
    const sheet = doc.add(d.name);
    sheet.visibility = VISIBILITY[d.state];
    d.snapshot.rows.forEach((line, r) =>
      line.forEach((v, c) => {
        if (v === null) return;
        const cell = sheet.cell(r, c);
        const detail = d.cells.get(`${r},${c}`);
        cell.numberFormat = detail?.numFmt ?? "General";
        if (isDateCell(v)) {
          cell.value = dateToSerial(v.date);
          if (cell.numberFormat === "General") cell.numberFormat = "yyyy/m/d";
        } else if (isErrorCell(v)) {
          cell.error = v.error;
        } else {
          cell.value = v;
        }
        if (detail?.formula !== undefined) cell.formula = `=${detail.formula}`;
      }),
    );
    for (const [key, detail] of d.cells) {
      const [r, c] = key.split(",").map(Number);
      const fill = fillOf(detail.fill);
      if (fill) sheet.cell(r, c).fill = fill;
      if (detail.numFmt !== "General" && !sheet.get(r, c)) sheet.cell(r, c).numberFormat = detail.numFmt;
    }
  }
  doc.active = details.find((d) => d.state === "visible")?.name ?? null;
  return doc;
}

/** The fake document of a package. */
export function documentFrom(pkg: XlsxPackage): FakeDocument {
  return documentOf(readDetail(pkg));
}
