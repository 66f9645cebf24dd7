// A large assessment workbook made from the shared sample: its 36 unit rows repeated (with numbered unit names) to
// the number of rows asked for, the ledger as it is. For sync counts and payload sizes at scale.
import ExcelJS from "exceljs";
import { loadWorkbook } from "../../src/hosts/xlsx/workbook";
import { SAMPLE } from "./from-xlsx";

export async function bigWorkbook(rows: number, file = SAMPLE): Promise<ExcelJS.Workbook> {
  const wb = await loadWorkbook(file);
  const ws = wb.getWorksheet("考核表")!;
  const first = 4;
  const units: ExcelJS.CellValue[][] = [];
  for (let r = first; r <= ws.rowCount; r++) {
    const values = (ws.getRow(r).values as ExcelJS.CellValue[]).slice(1);
    if (values.some((v) => v !== null && v !== undefined)) units.push(values);
  }
  const unitCol = (ws.getRow(3).values as ExcelJS.CellValue[]).slice(1).findIndex((v) => v === "单位名称");
  for (let i = 0; i < rows; i++) {
    const src = units[i % units.length];
    const row = ws.getRow(first + i);
    src.forEach((v, c) => {
      row.getCell(c + 1).value = c === unitCol && i >= units.length ? `${String(v)}${Math.floor(i / units.length)}` : v;
    });
  }
  return wb;
}
