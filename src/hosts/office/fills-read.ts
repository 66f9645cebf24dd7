/// <reference types="office-js" />
// Fills on demand: the own fills of cells about to be highlighted that the memory does not know, read as runs of cells.
import { address } from "../../core";
import { FILL_CELL_BYTES, COMMAND_BYTES, pack } from "./budget";
import { type OfficeFill, ownFill } from "./cells";

import { type Io, inTurn } from "./io";
import { FILL_PROPS, type WorkbookRead } from "./sheet-read";

/** Fills of the given cells (1-based [row, col] per sheet) that were not read with the values: runs of adjacent rows
 * in a column, one getCellProperties each, packed into syncs by request and response size. */
export async function readFills(io: Io, wb: WorkbookRead, cells: ReadonlyMap<string, readonly [number, number][]>) {
  const runs: { sheet: string; row: number; col: number; rows: number }[] = [];
  for (const [sheet, list] of cells) {
    const read = wb.read.get(sheet);
    if (!read) continue;
    const keys = new Set(list.filter(([r, c]) => !read.fillKnown(r, c)).map(([r, c]) => `${c},${r}`));
    const wanted = [...keys].map((k) => k.split(",").map(Number)).sort((a, b) => a[0] - b[0] || a[1] - b[1]);
    for (const [c, r] of wanted) {
      const last = runs[runs.length - 1];
      if (last && last.sheet === sheet && last.col === c && last.row + last.rows === r) last.rows++;
      else runs.push({ sheet, row: r, col: c, rows: 1 });
    }
  }
  if (runs.length === 0) return;
  const groups = pack(runs, (run) => Math.max(2 * COMMAND_BYTES, run.rows * FILL_CELL_BYTES));
  await inTurn(groups, async (group) => {
    const sheets = new Map<string, Excel.Worksheet>();
    const sheetOf = (name: string) => {
      let ws = sheets.get(name);
      if (!ws) sheets.set(name, (ws = io.context.workbook.worksheets.getItem(name)));
      return ws;
    };
    const queued = group.map((run) => ({
      run,
      props: sheetOf(run.sheet)
        .getRangeByIndexes(run.row - 1, run.col - 1, run.rows, 1)
        .getCellProperties(FILL_PROPS),
    }));
    await io.sync();
    for (const { run, props } of queued) {
      const read = wb.read.get(run.sheet)!;
      read.fillAreas.push({ row: run.row - 1, col: run.col - 1, rows: run.rows, cols: 1 });
      props.value.forEach((line, r) => {
        const fill = ownFill(line[0]?.format?.fill as OfficeFill | undefined);
        if (fill) read.fills.set(address(run.row + r, run.col), fill);
      });
    }
  });
}
