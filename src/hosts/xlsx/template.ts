// Writes the blank template (core/plan/template.ts) into a new ExcelJS workbook.
import ExcelJS from "exceljs";
import { templateSheets } from "../../core";
import type { Rulebook } from "../../rules/types";

export function templateWorkbook(rulebook: Rulebook): ExcelJS.Workbook {
  const wb = new ExcelJS.Workbook();
  wb.creator = "信用考核助手";
  for (const t of templateSheets(rulebook)) {
    const ws = wb.addWorksheet(t.name, { views: [{ state: "frozen", ySplit: t.frozenRows, xSplit: 2 }] });
    ws.columns = t.widths.map((width) => ({ width }));
    t.rows.forEach((values, r) => {
      const row = ws.getRow(r + 1);
      values.forEach((v, c) => {
        if (v !== null) row.getCell(c + 1).value = v;
      });
    });
    for (const [r1, c1, r2, c2] of t.merges) ws.mergeCells(r1, c1, r2, c2);
    for (let r = 1; r <= t.headerRow; r++) {
      const row = ws.getRow(r);
      row.font = { bold: true, size: r === 1 && t.headerRow > 1 ? 14 : 11 };
      row.alignment = { horizontal: "center", vertical: "middle", wrapText: true };
    }
    ws.getRow(t.headerRow).height = 40;
  }
  return wb;
}
