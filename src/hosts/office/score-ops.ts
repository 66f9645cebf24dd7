/// <reference types="office-js" />
// Applies a WritePlan: writes only what the plan names (score columns, fills on flagged and fixed cells, the 考核排名
// tab and the memory), as ops packed into as few syncs as the payload budget allows: one for a county's workbook,
// m = ⌈request bytes ÷ SYNC_BUDGET⌉ (about) for a big one. Relies on ExcelApi 1.7 (getRangeByIndexes, freezePanes),
// 1.9 (setCellProperties, pageLayout, getRanges), 1.1 (charts).
import {
  type FormatWrite,
  HIGHLIGHT_COLORS,
  LOOKS,
  type RankingTable,
  type WritePlan,
  address,
  argbToHex,
  eachCell,
  rankingBodyLook,
} from "../../core";
import { ADDRESS_CHARS, COMMAND_BYTES, jsonBytes, pack, slices } from "./budget";
import { officeFill } from "./cells";
import { applyLook } from "./look";
import { type Io, inTurn } from "./io";

/** Points per character of column width, near enough for Calibri/等线 11. */
const POINTS_PER_CHAR = 7;
/** A bar per unit is readable up to here; beyond it the chart is left out. */
export const CHART_MAX_UNITS = 200;

interface WriteBlock {
  readonly row: number; // 1-based
  readonly col: number;
  readonly values: (string | number | null)[][];
  readonly formats: (string | null)[][];
}

/** Where a group of cells' rectangles reach: per column written, its first and last row. */
interface Extent {
  readonly top: number[];
  readonly bottom: number[];
  /** The blocks, once made: per column, the block holding it. */
  readonly blockOf: WriteBlock[];
}

/** The plan's cell writes as rectangular blocks over runs of adjacent columns: one values and one numberFormat
 * assignment per block, null where a cell is left as it is ("" clears a cell). No block covers a cell of a merged
 * range reaching into the score columns (plan.merged): rows meeting one are written as runs of the cells around it.
 * Two passes over the plan's cells (core eachCell), making nothing per cell but the blocks' own arrays. */
export function cellBlocks(plan: WritePlan): WriteBlock[] {
  const broken = new Set<number>();
  for (const [top, , bottom] of plan.merged) for (let r = top; r <= bottom; r++) broken.add(r);
  // The cells fall into groups, each written as its own rectangles: the stretches of rows between broken rows (by
  // the number of broken rows above: 0, 1, …), then each broken row on its own (by -row), in the order first met.
  const cuts = [...broken].sort((a, b) => a - b);
  const groupOf = (row: number): number => {
    if (cuts.length === 0) return 0;
    if (broken.has(row)) return -row;
    let lo = 0;
    let hi = cuts.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (cuts[mid] < row) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  };
  const groups = new Map<number, Extent>();
  eachCell(plan, (row, col) => {
    const g = groupOf(row);
    let e = groups.get(g);
    if (!e) groups.set(g, (e = { top: [], bottom: [], blockOf: [] }));
    if (!(e.top[col] <= row)) e.top[col] = row;
    if (!(e.bottom[col] >= row)) e.bottom[col] = row;
  });
  const stretches = [...groups.keys()].filter((g) => g >= 0).sort((a, b) => a - b);
  const order = [...stretches, ...[...groups.keys()].filter((g) => g < 0)];
  const blocks: WriteBlock[] = [];
  for (const g of order) blocks.push(...rectangles(groups.get(g)!));
  eachCell(plan, (row, col, value, _note, numberFormat) => {
    const b = groups.get(groupOf(row))!.blockOf[col];
    b.values[row - b.row][col - b.col] = value ?? "";
    if (numberFormat !== undefined) b.formats[row - b.row][col - b.col] = numberFormat;
  });
  return blocks;
}

/** A group's blocks, one per run of adjacent columns, from its first to its last row; null-filled. */
function rectangles(e: Extent): WriteBlock[] {
  const cols: number[] = [];
  e.top.forEach((_, col) => cols.push(col)); // ascending: an array's indexes
  const blocks: WriteBlock[] = [];
  for (let i = 0; i < cols.length;) {
    let j = i + 1;
    while (j < cols.length && cols[j] === cols[j - 1] + 1) j++;
    const run = cols.slice(i, j);
    let top = Infinity;
    let bottom = -Infinity;
    for (const c of run) {
      top = Math.min(top, e.top[c]);
      bottom = Math.max(bottom, e.bottom[c]);
    }
    const block: WriteBlock = {
      row: top,
      col: run[0],
      values: Array.from({ length: bottom - top + 1 }, () => run.map((): string | number | null => null)),
      formats: Array.from({ length: bottom - top + 1 }, () => run.map((): string | null => null)),
    };
    for (const c of run) e.blockOf[c] = block;
    blocks.push(block);
    i = j;
  }
  return blocks;
}

/** A part of the plan queued as one unit: its estimated request bytes and what it queues. */
export interface Op {
  readonly bytes: number;
  readonly queue: (workbook: Excel.Workbook) => void;
}

/** The score cells in row slices of at most SYNC_BUDGET bytes; a number format already in place is not sent again
 * (formatAt says what was read). */
function scoreOps(plan: WritePlan, formatAt: FormatAt): Op[] {
  const ops: Op[] = [];
  for (const b of cellBlocks(plan)) {
    const formats = b.formats.map((line, r) =>
      line.map((f, c) => (f !== null && formatAt(plan.sheet, b.row + r, b.col + c) === f ? null : f)),
    );
    for (const { start, end, bytes } of slices(b.values, formats, 3 * COMMAND_BYTES)) {
      const values = b.values.slice(start, end);
      const fmts = formats.slice(start, end);
      const row = b.row + start;
      ops.push({
        bytes,
        queue: (workbook) => {
          const range = workbook.worksheets
            .getItem(plan.sheet)
            .getRangeByIndexes(row - 1, b.col - 1, values.length, values[0].length);
          if (fmts.some((line) => line.some((f) => f !== null))) range.numberFormat = fmts as string[][];
          range.values = values as (string | number)[][];
        },
      });
    }
  }
  const bold = plan.writes.filter((w) => w.bold);
  if (bold.length > 0) {
    ops.push({
      bytes: bold.length * 5 * COMMAND_BYTES,
      queue: (workbook) => {
        const sheet = workbook.worksheets.getItem(plan.sheet);
        for (const w of bold) applyLook(sheet.getCell(w.row - 1, w.col - 1), LOOKS.scoreHeader);
      },
    });
  }
  return ops;
}

/** Cells (1-based) as A1 areas: runs of adjacent rows in a column become one area (F4:F9). */
export function areas(cells: readonly (readonly [number, number])[]): string[] {
  const sorted = [...cells].sort((a, b) => a[1] - b[1] || a[0] - b[0]);
  const out: string[] = [];
  let i = 0;
  while (i < sorted.length) {
    const [row, col] = sorted[i];
    let last = row;
    while (i + 1 < sorted.length && sorted[i + 1][1] === col && sorted[i + 1][0] <= last + 1) {
      last = Math.max(last, sorted[i + 1][0]);
      i++;
    }
    out.push(last === row ? address(row, col) : `${address(row, col)}:${address(last, col)}`);
    i++;
  }
  return out;
}

/** Addresses joined into getRanges lists of at most ADDRESS_CHARS characters. */
function addressLists(list: readonly string[]): string[] {
  return pack(list, (a) => a.length + 1, ADDRESS_CHARS).map((g) => g.join(","));
}

/** Fills: highlights grouped by colour and cleared fills grouped, each as RangeAreas over many cells (ExcelApi 1.9,
 * one command per address list); a cell's own fill given back one cell at a time (each differs). */
function fillOps(plan: WritePlan, present: ReadonlySet<string>, skip: ReadonlySet<string>): Op[] {
  const ops: Op[] = [];
  const bySheet = new Map<string, FormatWrite[]>();
  for (const f of plan.formats) {
    if (!present.has(f.sheet) || skip.has(f.sheet)) continue;
    const list = bySheet.get(f.sheet);
    if (list) list.push(f);
    else bySheet.set(f.sheet, [f]);
  }
  for (const [sheet, formats] of bySheet) {
    const groups = new Map<string, [number, number][]>(); // colour, or "" for a cleared fill
    const own: FormatWrite[] = [];
    for (const f of formats) {
      if (f.fill.kind === "highlight") {
        const color = argbToHex(HIGHLIGHT_COLORS[f.fill.highlight]);
        const list = groups.get(color) ?? [];
        list.push([f.row, f.col]);
        groups.set(color, list);
        continue;
      }
      if (officeFill(f.fill.fill) === null) {
        const list = groups.get("") ?? [];
        list.push([f.row, f.col]);
        groups.set("", list);
      } else own.push(f);
    }
    for (const [color, cells] of groups) {
      for (const list of addressLists(areas(cells))) {
        ops.push({
          bytes: COMMAND_BYTES * 3 + list.length,
          queue: (workbook) => {
            const fill = workbook.worksheets.getItem(sheet).getRanges(list).format.fill;
            if (color === "") fill.clear();
            else fill.color = color;
          },
        });
      }
    }
    for (const f of own) {
      const fill = officeFill(f.fill.kind === "restore" ? f.fill.fill : null)!;
      ops.push({
        bytes: COMMAND_BYTES * 2 + jsonBytes(fill),
        queue: (workbook) =>
          workbook.worksheets
            .getItem(sheet)
            .getCell(f.row - 1, f.col - 1)
            .setCellProperties([[{ format: { fill: fill as Excel.CellPropertiesFill } }]]),
      });
    }
    // Notes: this host never writes them (see notesKnown in sheet-read.ts); the reason is in 核查意见 and the pane.
  }
  return ops;
}

/** The 考核排名 tab: one op for the sheet, its title, header, borders, widths, print setup and chart, then the body in
 * row slices. position: where the old tab stood (it keeps its place among the tabs), or -1 for a new one at the end. */
function rankingOps(t: RankingTable, position: number): Op[] {
  const width = t.header.length;
  const n = t.rows.length;
  const ops: Op[] = [
    {
      bytes: 60 * COMMAND_BYTES + jsonBytes(t.header) + jsonBytes(t.title),
      queue: (workbook) => {
        if (position >= 0) workbook.worksheets.getItem(t.name).delete();
        const sheet = workbook.worksheets.add(t.name);
        if (position >= 0) sheet.position = position;
        const title = sheet.getRangeByIndexes(0, 0, 1, width);
        title.merge(false);
        title.values = [[t.title, ...t.header.slice(1).map(() => "")]];
        applyLook(title, LOOKS.rankingTitle);
        title.format.rowHeight = 30;

        const head = sheet.getRangeByIndexes(1, 0, 1, width);
        head.values = [[...t.header]];
        applyLook(head, { ...LOOKS.rankingHeader, border: undefined });
        head.format.rowHeight = 45;

        if (n > 0) {
          // rankingBodyLook column by column, as three ranges: rank and name, the scores, 核查意见
          const look = (column: number) => {
            const { numberFormat: _format, border: _border, ...rest } = rankingBodyLook(column, width, false, "");
            return rest;
          };
          applyLook(sheet.getRangeByIndexes(2, 0, n, 2), look(0));
          applyLook(sheet.getRangeByIndexes(2, 2, n, width - 3), look(2));
          applyLook(sheet.getRangeByIndexes(2, width - 1, n, 1), look(width - 1));
        }
        const table = sheet.getRangeByIndexes(1, 0, n + 1, width);
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
        // One page wide, as many tall as needed: both fit properties, since one alone was reported ignored
        // (OfficeDev/office-js#1860); 0 pages tall is the file format's "automatic" (fitToHeight="0").
        page.zoom = { horizontalFitToPages: 1, verticalFitToPages: 0 };
        page.leftMargin = 28.8;
        page.rightMargin = 28.8;
        page.topMargin = 43.2;
        page.bottomMargin = 43.2;
        page.setPrintTitleRows("$1:$2");

        if (n > 0 && n <= CHART_MAX_UNITS) {
          // 总分 per unit: 单位名称 (B) and 总分 (C), beside the table.
          const source = sheet.getRangeByIndexes(1, 1, n + 1, 2);
          const chart = sheet.charts.add("BarClustered", source, "Columns");
          chart.title.text = `${t.header[2]}`;
          chart.legend.visible = false;
          chart.axes.categoryAxis.reversePlotOrder = true;
          const left = sheet.getRangeByIndexes(1, width + 1, 1, 1);
          const right = sheet.getRangeByIndexes(Math.max(20, Math.ceil(n * 0.9)), width + 9, 1, 1);
          chart.setPosition(left, right);
        }
      },
    },
  ];
  const formats = t.rows.map((r) => r.map((v, i) => (typeof v === "number" && i >= 2 ? "0.00" : "General")));
  for (const { start, end, bytes } of slices(t.rows as unknown[][], formats, 3 * COMMAND_BYTES)) {
    const rows = t.rows.slice(start, end).map((r) => [...r]);
    const fmts = formats.slice(start, end);
    ops.push({
      bytes,
      queue: (workbook) => {
        const body = workbook.worksheets.getItem(t.name).getRangeByIndexes(2 + start, 0, rows.length, width);
        body.numberFormat = fmts;
        body.values = rows;
      },
    });
  }
  return ops;
}

/** The tool's memory (encodeMemory chunks) into column A of its very hidden sheet, made when missing. */
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

/** A cell's number format as read (1-based), when it was read. */
export type FormatAt = (sheet: string, row: number, col: number) => string | undefined;

export interface ApplyContext {
  /** Every sheet name in the workbook before the plan is applied. */
  readonly names: readonly string[];
  /** Number formats read, so that one already in place is not sent again. */
  readonly formatAt?: FormatAt;
  /** Sheets whose fills are left alone (a protected ledger). */
  readonly skipFills?: ReadonlySet<string>;
  /** The memory to write before anything else (memory.ts, interimMemory); the plan's own is written last. */
  readonly interimChunks?: readonly string[];
  /** The memory as read (column A of the tool's sheet), or null when there was none: a memory already in place is
   * not written again. Undefined: unknown, always written. */
  readonly memoryRead?: readonly unknown[] | null;
  /** False when 考核排名 already shows what the plan holds (core pendingWrites): it is not rebuilt. */
  readonly writeRanking?: boolean;
}

/** The whole plan as ops, in the order they must reach Excel: the memory first (so that a run cut short between two
 * syncs never leaves a highlight the memory does not know, whose own fill would be lost), then fills, score cells,
 * the ranking tab, and the final memory. */
export function planOps(plan: WritePlan, at: ApplyContext): Op[] {
  const present = new Set(at.names);
  const stateOp = (chunks: readonly string[], exists: boolean): Op => ({
    bytes: 6 * COMMAND_BYTES + jsonBytes(chunks) * 2,
    queue: (workbook) => queueState(workbook, plan.memorySheet, chunks, exists),
  });
  const body = [
    ...fillOps(plan, present, at.skipFills ?? new Set()),
    ...scoreOps(plan, at.formatAt ?? (() => undefined)),
    ...(at.writeRanking === false ? [] : rankingOps(plan.ranking, at.names.indexOf(plan.ranking.name))),
  ];
  // The memory is written only where it changes: a run that finds nothing new writes nothing at all.
  const read =
    at.memoryRead === undefined ? undefined : at.memoryRead?.map((c) => (typeof c === "string" ? c : "")).join("");
  const first = body.length > 0 ? (at.interimChunks ?? plan.memoryChunks) : plan.memoryChunks;
  const firstText = first.join("");
  const writeFirst = read === undefined || read === null || firstText !== read;
  const writeFinal = firstText !== plan.memoryChunks.join("");
  return [
    ...(writeFirst ? [stateOp(first, present.has(plan.memorySheet))] : []),
    ...body,
    ...(writeFinal ? [stateOp(plan.memoryChunks, true)] : []),
  ];
}

/** Sends the ops in as few syncs as SYNC_BUDGET allows: m syncs, m = the ops packed by their request bytes. */
export async function applyOps(io: Io, ops: readonly Op[]): Promise<void> {
  await inTurn(
    pack(ops, (op) => op.bytes),
    async (group) => {
      for (const op of group) op.queue(io.context.workbook);
      await io.sync();
    },
  );
}
