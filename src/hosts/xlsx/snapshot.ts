// ExcelJS → Snapshot: every sheet as a grid of plain values (formulas by their computed value, rich text joined,
// dates as dates, merged cells only in their top-left cell as in Excel), plus fills and notes, and the tool's memory.
import type ExcelJS from "exceljs";
import {
  type CellValue,
  type HostFill,
  type SheetSnapshot,
  type Snapshot,
  STATE_SHEET,
  address,
  decodeState,
  parseAddress,
} from "../../core";

function dateCell(d: Date): CellValue {
  if (Number.isNaN(d.getTime())) return { error: "#VALUE!" };
  // ExcelJS gives dates at UTC midnight (plus any time part); the time part is dropped.
  return { date: d.toISOString().slice(0, 10) };
}

/** One ExcelJS cell value → CellValue. */
export function toCellValue(v: ExcelJS.CellValue): CellValue {
  if (v === null || v === undefined) return null;
  if (typeof v === "string" || typeof v === "boolean") return v;
  if (typeof v === "number") return Number.isFinite(v) ? v : { error: "#NUM!" };
  if (v instanceof Date) return dateCell(v);
  if (typeof v === "object") {
    if ("error" in v) return { error: String(v.error) };
    if ("richText" in v && Array.isArray(v.richText)) return v.richText.map((t) => t.text ?? "").join("");
    if ("formula" in v || "sharedFormula" in v) {
      const result = (v as { result?: ExcelJS.CellValue }).result;
      if (result === undefined) return null;
      if (typeof result === "object" && result !== null && "error" in result) return { error: String(result.error) };
      return toCellValue(result as ExcelJS.CellValue);
    }
    if ("text" in v) {
      const t = (v as { text: unknown }).text;
      if (typeof t === "string") return t;
      if (typeof t === "object" && t !== null && "richText" in t) return toCellValue(t as ExcelJS.CellValue);
    }
  }
  return String(v);
}

/** A cell's value, a formula by its cached result. ExcelJS's cell.value leaves a falsy result out (a formula that
 * computed 0, FALSE or ""), which would read as never calculated: 缺席活动次数 =SUM(…) giving 0 would be missing
 * evidence instead of 0 absences. cell.result holds the result as stored. */
function cellValue(cell: ExcelJS.Cell): CellValue {
  const v = cell.value;
  if (v !== null && typeof v === "object" && ("formula" in v || "sharedFormula" in v)) {
    return toCellValue({ ...v, result: cell.result } as ExcelJS.CellValue);
  }
  return toCellValue(v);
}

function noteText(note: ExcelJS.Comment | string | undefined): string | undefined {
  if (note === undefined || note === null) return undefined;
  if (typeof note === "string") return note;
  const texts = (note as { texts?: { text?: string }[] }).texts;
  return Array.isArray(texts) ? texts.map((t) => t.text ?? "").join("") : undefined;
}

function hostFill(fill: ExcelJS.Fill | undefined): HostFill | null {
  if (!fill) return null;
  return JSON.parse(JSON.stringify(fill)) as HostFill;
}

export function sheetSnapshot(ws: ExcelJS.Worksheet): SheetSnapshot {
  const rows: CellValue[][] = [];
  const fills = new Map<string, HostFill>();
  const notes = new Map<string, string>();
  // Merged ranges by their top-left cell, grown over the covered cells as they come.
  const merges = new Map<string, [number, number, number, number]>();
  const blankFormulas: string[] = [];
  ws.eachRow({ includeEmpty: false }, (row, r) => {
    const cells: CellValue[] = [];
    // Empty cells too: a blank evidence cell may carry the user's own fill, to be restored after a highlight.
    row.eachCell({ includeEmpty: true }, (cell, c) => {
      const isSlave = cell.isMerged && cell.master.address !== cell.address;
      const value = isSlave ? null : cellValue(cell);
      if (isSlave) {
        const top = parseAddress(cell.master.address) as [number, number];
        const m = merges.get(cell.master.address) ?? [top[0], top[1], top[0], top[1]];
        merges.set(cell.master.address, [m[0], m[1], Math.max(m[2], r), Math.max(m[3], c)]);
      }
      if (value !== null) {
        while (cells.length < c - 1) cells.push(null);
        cells[c - 1] = value;
      }
      if (!isSlave && (value === null || value === "") && cell.formula) blankFormulas.push(address(r, c));
      const fill = hostFill(cell.fill);
      if (fill) fills.set(address(r, c), fill);
      const note = noteText(cell.note as ExcelJS.Comment | string | undefined);
      if (note !== undefined) notes.set(address(r, c), note);
    });
    while (rows.length < r - 1) rows.push([]);
    rows[r - 1] = cells;
  });
  return {
    name: ws.name,
    visible: ws.state === "visible",
    rows,
    fills,
    notes,
    merges: [...merges.values()],
    blankFormulas,
  };
}

export function snapshot(wb: ExcelJS.Workbook): Snapshot {
  const state = wb.getWorksheet(STATE_SHEET);
  const sheets = wb.worksheets.filter((ws) => ws.name !== STATE_SHEET).map(sheetSnapshot);
  const chunks: unknown[] = [];
  state?.getColumn(1).eachCell({ includeEmpty: false }, (cell) => chunks.push(toCellValue(cell.value)));
  return { sheets, state: state ? decodeState(chunks) : null };
}
