// Where the tool's block of score columns stands on the assessment sheet (workbook.md, "What is written back", 1).
// The block is the tool's only where the tool's memory says so, or where a block of exactly the rulebook's score
// headers in order stands (left by an earlier version without that record). Any other column headed like a score
// (the office's own 总分, filled with its formula) is the office's: never written over; the block goes right of it.
import type { Rulebook } from "../../rules/types";
import type { Finding, SheetSnapshot, ToolMemory } from "../model";
import { address, columnLetters, parseAddress } from "../address";
import { cellText, normalizeHeader } from "./normalize";
import type { Layout } from "./locate";

export interface ScoreColumn {
  readonly header: string;
  /** 1-based. */
  readonly col: number;
}

export interface ScoreBlock {
  readonly columns: readonly ScoreColumn[];
  /** Warnings: a column headed like a score that is the office's own; a merged range reaching into the block. */
  readonly findings: readonly Finding[];
  /** Merged ranges ([top, left, bottom, right], 1-based) that meet the block on the header row or below: none of
   * their cells is written (Excel refuses to write part of a merged range, and its top-left cell is the office's). */
  readonly merged: readonly (readonly [number, number, number, number])[];
}

/** The tool's score headers, in the order it writes them. */
export function scoreHeadersOf(rulebook: Rulebook): string[] {
  return [...rulebook.indicators.map((i) => i.column), "加分", "总分", "排名", "核查意见"];
}

/** The last column holding anything of the office's: a value or a formula (calculated or not) on any row and, on
 * the rows the tool writes (the header row and below), a note or a merged range. A score column on a cell with the
 * office's note would replace the note, and one inside a merged range would write into the range's top-left cell
 * (workbook.md: nothing the office typed is ever changed). */
function lastUsedColumn(sheet: SheetSnapshot, headerRow: number): number {
  let last = 0;
  for (const r of sheet.rows) {
    for (let c = r.length - 1; c >= last; c--) {
      if (r[c] !== null && r[c] !== undefined && r[c] !== "") {
        last = c + 1;
        break;
      }
    }
  }
  for (const a1 of sheet.blankFormulas ?? []) {
    const at = parseAddress(a1);
    if (at && at[1] > last) last = at[1];
  }
  for (const a1 of sheet.notes?.keys() ?? []) {
    const at = parseAddress(a1);
    if (at && at[0] >= headerRow && at[1] > last) last = at[1];
  }
  for (const [, , bottom, right] of sheet.merges ?? []) if (bottom >= headerRow && right > last) last = right;
  return last;
}

/** The first column (1-based) where `run` stands in `cells` in order, side by side, or null. */
function findRun(cells: readonly string[], run: readonly string[]): number | null {
  if (run.length === 0) return null;
  for (let c = 0; c + run.length <= cells.length; c++) {
    if (run.every((h, i) => cells[c + i] === h)) return c + 1;
  }
  return null;
}

export function locateScoreBlock(layout: Layout, rulebook: Rulebook, state: ToolMemory | null): ScoreBlock {
  const headers = scoreHeadersOf(rulebook);
  const wanted = headers.map(normalizeHeader);
  const row = layout.sheet.rows[layout.headerRow - 1] ?? [];
  const cells = Array.from({ length: row.length }, (_, i) => normalizeHeader(cellText(row[i] ?? null)));
  const record = state?.block;
  const remembered =
    record && record.sheet === layout.sheet.name && record.headerRow === layout.headerRow
      ? record.headers.map(normalizeHeader)
      : null;
  let start: number | null = null;
  if (remembered && record) {
    // where the memory says, or (a column inserted before it) where its headers stand now
    start = remembered.every((h, i) => cells[record.col - 1 + i] === h) ? record.col : findRun(cells, remembered);
  }
  // a block of exactly the score headers in order: the tool's, left without a record
  if (start === null) start = findRun(cells, wanted);
  const found = start !== null;
  const first = start ?? lastUsedColumn(layout.sheet, layout.headerRow) + 1;
  const columns = headers.map((header, i) => ({ header, col: first + i }));

  const findings: Finding[] = [];
  const inBlock = (col: number) => found && col >= first && col < first + headers.length;
  cells.forEach((h, i) => {
    const col = i + 1;
    if (h === "" || inBlock(col) || !wanted.includes(h)) return;
    findings.push({
      kind: "warning",
      row: layout.headerRow,
      col,
      message: `${address(layout.headerRow, col)}“${cellText(row[i] ?? null)}”列不是本工具写入的，按原样保留；本工具的得分写在 ${columnLetters(first)} 至 ${columnLetters(first + headers.length - 1)} 列`,
    });
  });
  // A merged range reaching into the block (made after the block was placed, or one starting left of it): its cells
  // are left as they are, and the office is told how to get the scores written there.
  const last = first + headers.length - 1;
  const merged = (layout.sheet.merges ?? []).filter(
    ([, left, bottom, right]) => bottom >= layout.headerRow && left <= last && right >= first,
  );
  for (const [top, left, bottom, right] of merged) {
    const range = `${address(top, left)}:${address(bottom, right)}`;
    findings.push({
      kind: "warning",
      row: top,
      col: left,
      message: `合并单元格 ${range} 伸入得分列（${columnLetters(first)} 至 ${columnLetters(last)} 列），其中的得分未写入；取消合并后重新计算即可写入`,
    });
  }
  return { columns, findings, merged };
}

/** Whether a cell lies in one of the merged ranges. */
export function inMerged(
  merged: readonly (readonly [number, number, number, number])[],
  row: number,
  col: number,
): boolean {
  for (const [top, left, bottom, right] of merged) {
    if (row >= top && row <= bottom && col >= left && col <= right) return true;
  }
  return false;
}
