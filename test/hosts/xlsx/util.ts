import path from "node:path";
import ExcelJS from "exceljs";

export const SAMPLE = path.resolve(__dirname, "../../../samples/sample-2020.xlsx");
export const EXPECTED = path.resolve(__dirname, "../../../samples/sample-2020.expected.json");

export async function load(file = SAMPLE): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(file);
  return wb;
}

/** Round-trips a workbook through the xlsx format, as a file on disk would. */
export async function reload(wb: ExcelJS.Workbook): Promise<ExcelJS.Workbook> {
  const buf = await wb.xlsx.writeBuffer();
  const out = new ExcelJS.Workbook();
  await out.xlsx.load(buf as ArrayBuffer);
  return out;
}

export interface CellDump {
  value: unknown;
  numFmt: string;
  font: unknown;
  border: unknown;
  alignment: unknown;
  fill: unknown;
  note: unknown;
}

const plain = (v: unknown): unknown => (v === undefined ? null : JSON.parse(JSON.stringify(v)));

/** Every non-empty cell of a sheet with what a user typed and formatted. */
export function dumpSheet(ws: ExcelJS.Worksheet): Map<string, CellDump> {
  const out = new Map<string, CellDump>();
  ws.eachRow({ includeEmpty: true }, (row) => {
    row.eachCell({ includeEmpty: true }, (cell) => {
      out.set(cell.address, {
        value: plain(cell.value),
        numFmt: cell.numFmt ?? "",
        font: plain(cell.font),
        border: plain(cell.border),
        alignment: plain(cell.alignment),
        fill: plain(cell.fill),
        note: plain(cell.note),
      });
    });
  });
  return out;
}
