/// <reference types="office-js" />
// Merged areas, read only where the tool writes values: the assessment sheet (its score columns must not cut one).
// Range.getMergedAreasOrNullObject (ExcelApi 1.13) has two limits the reading works around:
// - it "will fail to return the result" when the range holds more than 512 merged areas (@types/office-js,
//   Excel.Range.getMergedAreasOrNullObject), and a failing command fails its whole sync;
// - it returns only the areas whose top-left cell lies inside the range (OfficeDev/office-js#3611, "by design").
// So the first read asks for the whole sheet's areas (every area's top-left cell is on the sheet), and when that sync
// fails, the first read is asked again without them and the areas are read in row bands across every column (an area
// is found in the band holding its top-left cell): all bands of a size in one sync, halved while a sync fails.
import type { Io } from "./io";
import type { SheetRead } from "./sheet-read";

/** More than this many merged areas in a range, and Excel does not answer (see above). */
export const MERGED_AREAS_MAX = 512;
/** Columns in a sheet: a band spans them all, so an area starting anywhere in its rows is found. */
const SHEET_COLS = 16_384;

/** Queues the sheet's merged areas (the whole sheet, so that no area is left out for starting outside the range). */
export function queueMerges(ws: Excel.Worksheet): Excel.RangeAreas {
  const areas = ws.getRange().getMergedAreasOrNullObject();
  areas.load("address");
  return areas;
}

/** After the sync: the areas into the sheet's read. */
export function takeMerges(read: SheetRead, areas: Excel.RangeAreas): void {
  if (!areas.isNullObject) read.addMerges(areas.address);
}

/** Row bands [first, end) over rows 0..rows, `count` of them (as equal as may be), none empty. */
export function bands(rows: number, count: number): [number, number][] {
  const out: [number, number][] = [];
  const size = Math.ceil(rows / count);
  for (let r = 0; r < rows; r += size) out.push([r, Math.min(rows, r + size)]);
  return out;
}

/** The merged areas of sheets whose first read could not take them (more than 512): in row bands down to the last used
 * row, every band of one size in one sync, halved while Excel refuses. A band of one row that Excel still refuses
 * (more than 512 areas on one row) is left unread: a score column written into one of those is refused by Excel
 * and the pane says to unmerge (errors.ts, InvalidOperation). */
export async function readMergesInBands(io: Io, reads: readonly SheetRead[]): Promise<void> {
  const todo = reads.filter((r) => r.used !== null);
  await level(io, todo, 2);
}

async function level(io: Io, reads: readonly SheetRead[], count: number): Promise<void> {
  if (reads.length === 0) return;
  const rowsOf = (r: SheetRead) => r.used!.row + r.used!.rows;
  const sheets = io.context.workbook.worksheets;
  const queued = reads.map((read) => ({
    read,
    areas: bands(rowsOf(read), count).map(([first, end]) => {
      const areas = sheets.getItem(read.name).getRangeByIndexes(first, 0, end - first, SHEET_COLS);
      const merged = areas.getMergedAreasOrNullObject();
      merged.load("address");
      return merged;
    }),
  }));
  try {
    await io.sync();
  } catch {
    // Too many areas in some band (the error's code is not documented): smaller bands, while a band has rows to halve.
    const halvable = reads.filter((r) => Math.ceil(rowsOf(r) / count) > 1);
    if (halvable.length === 0) return;
    return level(io, halvable, count * 2);
  }
  for (const q of queued) for (const a of q.areas) takeMerges(q.read, a);
}
