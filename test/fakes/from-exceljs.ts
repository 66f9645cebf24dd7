// Builds the fake Excel's document from an ExcelJS workbook, through the command line's own snapshot code
// (src/hosts/xlsx/snapshot.ts) for the values, so both hosts start from the same cells. Dates go back to serial
// numbers with a date format and errors to error values, as Excel holds them. No Node modules: the browser preview
// (src/preview) bundles this too; reading a file from disk is in from-xlsx.ts.
import type ExcelJS from "exceljs";
import { isDateCell, isErrorCell } from "../../src/core";
import { sheetSnapshot } from "../../src/hosts/xlsx/snapshot";
import { dateToSerial } from "../../src/hosts/office/cells";
import { FakeDocument } from "./excel";

function fillOf(cell: ExcelJS.Cell): { color: string; pattern: string } | null {
  const f = cell.fill as ExcelJS.FillPattern | undefined;
  if (!f || f.type !== "pattern" || f.pattern === "none") return null;
  const argb = f.fgColor?.argb;
  return { color: argb ? `#${argb.slice(-6).toUpperCase()}` : "#FFFFFF", pattern: "Solid" };
}

export function documentFrom(wb: ExcelJS.Workbook): FakeDocument {
  const doc = new FakeDocument();
  for (const ws of wb.worksheets) {
    const sheet = doc.add(ws.name);
    sheet.visibility = ws.state === "veryHidden" ? "VeryHidden" : ws.state === "hidden" ? "Hidden" : "Visible";
    const snap = sheetSnapshot(ws);
    snap.rows.forEach((line, r) =>
      line.forEach((v, c) => {
        if (v === null) return;
        const cell = sheet.cell(r, c);
        const src = ws.getCell(r + 1, c + 1);
        cell.numberFormat = src.numFmt ?? "General";
        if (isDateCell(v)) {
          cell.value = dateToSerial(v.date);
          if (cell.numberFormat === "General") cell.numberFormat = "yyyy/m/d";
        } else if (isErrorCell(v)) {
          cell.error = v.error;
        } else {
          cell.value = v;
        }
        if (src.formula) cell.formula = `=${src.formula}`;
      }),
    );
    ws.eachRow({ includeEmpty: true }, (row, r) =>
      row.eachCell({ includeEmpty: true }, (cell, c) => {
        const fill = fillOf(cell);
        if (fill) sheet.cell(r - 1, c - 1).fill = fill;
        if (cell.numFmt && cell.numFmt !== "General" && !sheet.get(r - 1, c - 1))
          sheet.cell(r - 1, c - 1).numberFormat = cell.numFmt;
      }),
    );
  }
  doc.active = wb.worksheets.find((w) => w.state === "visible")?.name ?? null;
  return doc;
}
