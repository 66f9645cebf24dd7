/// <reference types="office-js" />
// Queues a WritePlan on an Excel request context, without syncing: the caller applies it all in one context.sync().
// Writes only what the plan names: score columns, fills on flagged and fixed cells, the 考核排名 tab and the memory.
// Relies on ExcelApi 1.7 (getRangeByIndexes, freezePanes), 1.9 (setCellProperties, pageLayout), 1.1 (charts).
import { HIGHLIGHT_COLORS, type RankingTable, type WritePlan } from "../../core";
import { argbToHex, officeFill } from "./cells";

/** Points per character of column width, near enough for Calibri/等线 11. */
const POINTS_PER_CHAR = 7;
/** A bar per unit is readable up to here; beyond it the chart is left out. */
export const CHART_MAX_UNITS = 200;

interface Block {
  readonly row: number; // 1-based
  readonly col: number;
  readonly values: (string | number | null)[][];
  readonly formats: (string | null)[][];
}

/** The plan's cell writes as rectangular blocks over runs of adjacent columns: one values and one numberFormat
 * assignment per block, null where a cell is left as it is ("" clears a cell). */
export function cellBlocks(plan: WritePlan): Block[] {
  if (plan.cells.length === 0) return [];
  const cols = [...new Set(plan.cells.map((c) => c.col))].sort((a, b) => a - b);
  const runs: number[][] = [];
  for (const c of cols) {
    const last = runs[runs.length - 1];
    if (last && last[last.length - 1] === c - 1) last.push(c);
    else runs.push([c]);
  }
  return runs.map((run) => {
    const inRun = plan.cells.filter((w) => w.col >= run[0] && w.col <= run[run.length - 1]);
    const top = Math.min(...inRun.map((w) => w.row));
    const bottom = Math.max(...inRun.map((w) => w.row));
    const values = Array.from({ length: bottom - top + 1 }, () => run.map((): string | number | null => null));
    const formats = Array.from({ length: bottom - top + 1 }, () => run.map((): string | null => null));
    for (const w of inRun) {
      values[w.row - top][w.col - run[0]] = w.value ?? "";
      if (w.numberFormat !== undefined) formats[w.row - top][w.col - run[0]] = w.numberFormat;
    }
    return { row: top, col: run[0], values, formats };
  });
}

function queueScoreCells(sheet: Excel.Worksheet, plan: WritePlan): void {
  for (const b of cellBlocks(plan)) {
    const range = sheet.getRangeByIndexes(b.row - 1, b.col - 1, b.values.length, b.values[0].length);
    if (b.formats.some((line) => line.some((f) => f !== null))) range.numberFormat = b.formats as string[][];
    range.values = b.values as (string | number)[][];
  }
  for (const w of plan.cells) {
    if (!w.bold) continue;
    const cell = sheet.getCell(w.row - 1, w.col - 1);
    cell.format.font.bold = true;
    cell.format.horizontalAlignment = "Center";
    cell.format.verticalAlignment = "Center";
    cell.format.wrapText = true;
  }
}

function queueFills(workbook: Excel.Workbook, plan: WritePlan, present: ReadonlySet<string>): void {
  const sheets = new Map<string, Excel.Worksheet>();
  for (const f of plan.formats) {
    if (!present.has(f.sheet)) continue;
    let sheet = sheets.get(f.sheet);
    if (!sheet) {
      sheet = workbook.worksheets.getItem(f.sheet);
      sheets.set(f.sheet, sheet);
    }
    const cell = sheet.getCell(f.row - 1, f.col - 1);
    if (f.fill.kind === "highlight") {
      cell.format.fill.color = argbToHex(HIGHLIGHT_COLORS[f.fill.highlight]);
      continue;
    }
    const own = officeFill(f.fill.fill);
    if (own === null) cell.format.fill.clear();
    else cell.setCellProperties([[{ format: { fill: own as Excel.CellPropertiesFill } }]]);
    // Notes: this host never writes them (see notesKnown in read.ts); the reason is in 核查意见 and the pane.
  }
}

/** position: where the old tab stood (it keeps its place among the tabs), or -1 for a new one at the end. */
function queueRanking(workbook: Excel.Workbook, t: RankingTable, position: number): void {
  if (position >= 0) workbook.worksheets.getItem(t.name).delete();
  const sheet = workbook.worksheets.add(t.name);
  if (position >= 0) sheet.position = position;
  const width = t.header.length;
  const title = sheet.getRangeByIndexes(0, 0, 1, width);
  title.merge(false);
  title.values = [[t.title, ...t.header.slice(1).map(() => "")]];
  title.format.font.bold = true;
  title.format.font.size = 16;
  title.format.horizontalAlignment = "Center";
  title.format.verticalAlignment = "Center";
  title.format.rowHeight = 30;

  const head = sheet.getRangeByIndexes(1, 0, 1, width);
  head.values = [[...t.header]];
  head.format.font.bold = true;
  head.format.horizontalAlignment = "Center";
  head.format.verticalAlignment = "Center";
  head.format.wrapText = true;
  head.format.fill.color = "#D9E1F2";
  head.format.rowHeight = 45;

  const table = sheet.getRangeByIndexes(1, 0, t.rows.length + 1, width);
  if (t.rows.length > 0) {
    const body = sheet.getRangeByIndexes(2, 0, t.rows.length, width);
    body.numberFormat = t.rows.map((r) => r.map((v, i) => (typeof v === "number" && i >= 2 ? "0.00" : "General")));
    body.values = t.rows.map((r) => [...r]);
    body.format.verticalAlignment = "Center";
    sheet.getRangeByIndexes(2, 0, t.rows.length, 2).format.horizontalAlignment = "Center";
    sheet.getRangeByIndexes(2, width - 1, t.rows.length, 1).format.wrapText = true;
  }
  for (const edge of ["EdgeTop", "EdgeBottom", "EdgeLeft", "EdgeRight", "InsideHorizontal", "InsideVertical"]) {
    table.format.borders.getItem(edge as Excel.BorderIndex).style = "Continuous";
  }
  t.widths.forEach((w, i) => {
    sheet.getRangeByIndexes(0, i, 1, 1).format.columnWidth = w * POINTS_PER_CHAR;
  });
  sheet.freezePanes.freezeRows(2);

  // Ready to print on A4: landscape, one page wide, header rows repeated, centred.
  const page = sheet.pageLayout;
  page.paperSize = "A4";
  page.orientation = "Landscape";
  page.centerHorizontally = true;
  page.zoom = { horizontalFitToPages: 1 };
  page.leftMargin = 28.8;
  page.rightMargin = 28.8;
  page.topMargin = 43.2;
  page.bottomMargin = 43.2;
  page.setPrintTitleRows("$1:$2");

  if (t.rows.length > 0 && t.rows.length <= CHART_MAX_UNITS) {
    // 总分 per unit: 单位名称 (B) and 总分 (C), beside the table.
    const source = sheet.getRangeByIndexes(1, 1, t.rows.length + 1, 2);
    const chart = sheet.charts.add("BarClustered", source, "Columns");
    chart.title.text = `${t.header[2]}`;
    chart.legend.visible = false;
    chart.axes.categoryAxis.reversePlotOrder = true;
    const left = sheet.getRangeByIndexes(1, width + 1, 1, 1);
    const right = sheet.getRangeByIndexes(Math.max(20, Math.ceil(t.rows.length * 0.9)), width + 9, 1, 1);
    chart.setPosition(left, right);
  }
}

/** The tool's memory (encodeState chunks) into column A of its very hidden sheet, made when missing. */
export function queueState(workbook: Excel.Workbook, name: string, chunks: readonly string[], exists: boolean): void {
  const sheet = exists ? workbook.worksheets.getItem(name) : workbook.worksheets.add(name);
  if (exists) sheet.getRange("A:A").clear("Contents");
  const cells = sheet.getRangeByIndexes(0, 0, chunks.length, 1);
  // Text format first, so a chunk that looks like a number or a formula stays text.
  cells.numberFormat = chunks.map(() => ["@"]);
  cells.values = chunks.map((c) => [c]);
  // veryHidden: not listed under Unhide, so the office does not stumble on it.
  sheet.visibility = "VeryHidden";
}

export interface ApplyContext {
  /** Every sheet name in the workbook before the plan is applied. */
  readonly names: readonly string[];
}

/** Queues the whole plan. Nothing is sent until the caller syncs. */
export function queuePlan(context: Excel.RequestContext, plan: WritePlan, at: ApplyContext): void {
  const workbook = context.workbook;
  const present = new Set(at.names);
  queueScoreCells(workbook.worksheets.getItem(plan.sheet), plan);
  queueFills(workbook, plan, present);
  queueRanking(workbook, plan.ranking, at.names.indexOf(plan.ranking.name));
  queueState(workbook, plan.stateSheet, plan.stateChunks, present.has(plan.stateSheet));
}
