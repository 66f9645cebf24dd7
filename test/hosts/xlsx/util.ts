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

/** A note's text, however ExcelJS hands it over (a string as set in memory, rich text runs as read from a file). */
export function noteText(note: ExcelJS.Cell["note"] | undefined): string | null {
  if (note === undefined || note === null) return null;
  if (typeof note === "string") return note;
  const texts = (note as { texts?: { text?: string }[] }).texts;
  return Array.isArray(texts) ? texts.map((t) => t.text ?? "").join("") : null;
}

/** A fill as the user sees it: ExcelJS reads a cell with a style but no fill as {type: "pattern"} (pattern none),
 * and holds the same cell in memory with no fill at all. */
function visibleFill(fill: ExcelJS.Fill | undefined): unknown {
  if (fill === undefined || (fill.type === "pattern" && (fill.pattern === undefined || fill.pattern === "none"))) {
    return null;
  }
  return plain(fill);
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
        fill: visibleFill(cell.fill),
        note: noteText(cell.note),
      });
    });
  });
  return out;
}
