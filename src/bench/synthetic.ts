// Synthetic assessment snapshots of any size, built from the bundled sample's rows (unit names made unique).
import ExcelJS from "exceljs";
import type { CellValue, SheetSnapshot, Snapshot } from "../core";

/** n unit rows: the sample's 36 rows repeated, the k-th copy's names suffixed with k (so most are off the roster). */
export function syntheticSnapshot(sample: Snapshot, n: number): Snapshot {
  const main = sample.sheets.find((s) => s.name === "考核表") as SheetSnapshot;
  const header = 3;
  const data = main.rows.slice(header);
  const rows: CellValue[][] = main.rows.slice(0, header).map((r) => [...r]);
  for (let i = 0; i < n; i++) {
    const src = data[i % data.length];
    const copy = Math.floor(i / data.length);
    const row = [...src];
    row[0] = i + 1;
    if (copy > 0) row[1] = `${String(src[1])}${copy}`;
    rows.push(row);
  }
  const ledger = sample.sheets.filter((s) => s.name !== "考核表");
  return { sheets: [{ ...main, rows }, ...ledger], memory: null };
}

function excelValue(v: CellValue): ExcelJS.CellValue {
  if (v === null || typeof v !== "object") return v;
  if ("date" in v) return new Date(`${v.date}T00:00:00Z`);
  return { error: v.error } as ExcelJS.CellErrorValue;
}

/** Writes a synthetic snapshot as a real .xlsx file, streaming (ExcelJS's WorkbookWriter), so that a workbook of any
 * size can be made for the command line without holding it in memory. */
export async function writeSyntheticXlsx(snap: Snapshot, file: string): Promise<void> {
  const wb = new ExcelJS.stream.xlsx.WorkbookWriter({ filename: file, useSharedStrings: true, useStyles: false });
  for (const sheet of snap.sheets) {
    const ws = wb.addWorksheet(sheet.name);
    for (const row of sheet.rows) ws.addRow(row.map(excelValue)).commit();
    ws.commit();
  }
  await wb.commit();
}
