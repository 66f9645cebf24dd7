// Applies a WritePlan to an ExcelJS workbook: score columns, highlights (fill + note), restores, 考核排名, memory.
// It writes only cells the plan names; every other cell, and every input cell's value, formula, note and number
// format, stays as it was.
import ExcelJS from "exceljs";
import { type FillChange, HIGHLIGHT_COLORS, type HostFill, type RankingTable, type WritePlan } from "../../core";

function fillFor(change: FillChange): ExcelJS.Fill | undefined {
  if (change.kind === "highlight") {
    const argb = HIGHLIGHT_COLORS[change.highlight];
    return { type: "pattern", pattern: "solid", fgColor: { argb } };
  }
  return (change.fill ?? undefined) as ExcelJS.Fill | undefined;
}

/** Sets a cell's style without touching other cells: ExcelJS may share one style object between cells, so the cell
 * gets a style object of its own (a shallow copy; nested parts are replaced, never mutated). */
function restyle(cell: ExcelJS.Cell, patch: Partial<ExcelJS.Style>): void {
  const style: Record<string, unknown> = { ...(cell.style ?? {}) };
  for (const [k, v] of Object.entries(patch)) {
    if (v === undefined) delete style[k];
    else style[k] = v;
  }
  cell.style = style as Partial<ExcelJS.Style>;
}

/** ExcelJS has no public way to take a note off a cell (assigning undefined leaves an empty note behind). */
function setNote(cell: ExcelJS.Cell, note: string | null): void {
  if (note !== null) cell.note = note;
  else (cell as unknown as { _comment?: unknown })._comment = undefined;
}

function writeRanking(wb: ExcelJS.Workbook, t: RankingTable): void {
  const old = wb.getWorksheet(t.name);
  if (old) wb.removeWorksheet(old.id);
  const ws = wb.addWorksheet(t.name, {
    views: [{ state: "frozen", ySplit: 2, xSplit: 0 }],
    pageSetup: {
      paperSize: 9, // A4
      orientation: "landscape",
      fitToPage: true,
      fitToWidth: 1,
      fitToHeight: 0,
      printTitlesRow: "1:2",
      horizontalCentered: true,
      margins: { left: 0.4, right: 0.4, top: 0.6, bottom: 0.6, header: 0.3, footer: 0.3 },
    },
  });
  ws.columns = t.widths.map((w) => ({ width: w }));
  const border: Partial<ExcelJS.Borders> = {
    top: { style: "thin" },
    left: { style: "thin" },
    bottom: { style: "thin" },
    right: { style: "thin" },
  };
  ws.mergeCells(1, 1, 1, t.header.length);
  const title = ws.getCell(1, 1);
  title.value = t.title;
  title.font = { bold: true, size: 16 };
  title.alignment = { horizontal: "center", vertical: "middle" };
  ws.getRow(1).height = 30;
  const head = ws.getRow(2);
  t.header.forEach((h, i) => {
    const c = head.getCell(i + 1);
    c.value = h;
    c.font = { bold: true };
    c.alignment = { horizontal: "center", vertical: "middle", wrapText: true };
    c.fill = { type: "pattern", pattern: "solid", fgColor: { argb: "FFD9E1F2" } };
    c.border = border;
  });
  head.height = 48;
  t.rows.forEach((values, r) => {
    const row = ws.getRow(r + 3);
    values.forEach((v, i) => {
      const c = row.getCell(i + 1);
      c.value = v;
      c.border = border;
      if (typeof v === "number" && i >= 2) c.numFmt = "0.00";
      c.alignment = { vertical: "middle", wrapText: i === values.length - 1, horizontal: i < 2 ? "center" : undefined };
    });
  });
}

function writeState(wb: ExcelJS.Workbook, plan: WritePlan): void {
  const old = wb.getWorksheet(plan.stateSheet);
  if (old) wb.removeWorksheet(old.id);
  const ws = wb.addWorksheet(plan.stateSheet, { state: "veryHidden" });
  plan.stateChunks.forEach((chunk, i) => {
    ws.getCell(i + 1, 1).value = chunk;
  });
}

export function applyPlan(wb: ExcelJS.Workbook, plan: WritePlan): void {
  const ws = wb.getWorksheet(plan.sheet);
  if (!ws) throw new Error(`工作表“${plan.sheet}”不存在`);
  for (const w of plan.cells) {
    const cell = ws.getCell(w.row, w.col);
    cell.value = w.value;
    setNote(cell, w.note);
    if (w.numberFormat !== undefined || w.bold) {
      restyle(cell, {
        ...(w.numberFormat !== undefined ? { numFmt: w.numberFormat } : {}),
        ...(w.bold
          ? { font: { bold: true }, alignment: { horizontal: "center", vertical: "middle", wrapText: true } }
          : {}),
      });
    }
  }
  for (const f of plan.formats) {
    const sheet = wb.getWorksheet(f.sheet);
    if (!sheet) continue;
    const cell = sheet.getCell(f.row, f.col);
    restyle(cell, { fill: fillFor(f.fill) });
    if ("set" in f.note) setNote(cell, f.note.set);
    else if ("remove" in f.note) setNote(cell, null);
  }
  writeRanking(wb, plan.ranking);
  writeState(wb, plan);
}

export type { HostFill };
