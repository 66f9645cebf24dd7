/// <reference types="office-js" />
// Fills as write ops: highlights grouped by colour and cleared fills grouped, each as RangeAreas over many cells
// (ExcelApi 1.9 getRanges, address lists of at most ADDRESS_CHARS), and a cell's own fill given back one cell at a time
// (1.9 setCellProperties).
import { type FormatWrite, HIGHLIGHT_COLORS, type WritePlan, address, argbToHex } from "../../core";
import { ADDRESS_CHARS, COMMAND_BYTES, jsonBytes, pack } from "./budget";
import { officeFill } from "./cells";
import type { Op } from "./op";

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
export function fillOps(plan: WritePlan, present: ReadonlySet<string>, skip: ReadonlySet<string>): Op[] {
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
