// The plan less what the workbook already shows. A host that writes only the difference writes nothing on a run that
// finds nothing new, so it raises no change event: auto-recalculation cannot feed itself, whether or not Excel raises
// onChanged for format writes, and whether or not it tells the add-in's own writes apart (../shared/spec/
// excel-behaviour.md, Events). Pure: compares the plan with the snapshot the host read and the memory it found. (The
// memory itself is written only when its text changes: the host compares what it read, hosts/office/apply.ts.)
import { address } from "../address";
import { cellText } from "../locate/normalize";
import type { CellValue, HostFill, Snapshot } from "../model";
import { HIGHLIGHT_COLORS, type CellWrite, type FormatWrite, type WritePlan, keepCells } from "./plan";

/** What the host knows beyond the snapshot's values: whether it read a cell's fill, and the number format it read. */
export interface ReadKnowledge {
  /** 1-based. */
  readonly fillKnown: (sheet: string, row: number, col: number) => boolean;
  /** The number format read for a cell (1-based), or undefined when it was not read. */
  readonly formatAt: (sheet: string, row: number, col: number) => string | undefined;
  /** Whether the ranking sheet exists now. */
  readonly rankingExists: boolean;
}

export interface Pending {
  /** The plan with only the cells (headers, cleared cells, score cells) and formats whose state differs from what was
   * read. */
  readonly plan: WritePlan;
  /** The ranking tab differs from the one the memory says was written (or is gone): rebuild it. */
  readonly ranking: boolean;
}

/** A value as a cell shows it: an empty text is an empty cell. */
function sameValue(current: CellValue | undefined, planned: CellWrite["value"]): boolean {
  if (planned === null || planned === "") return current === null || current === undefined || cellText(current) === "";
  if (typeof planned === "number") return typeof current === "number" && current === planned;
  return typeof current === "string" && current === planned;
}

/** Whether a fill as a host read it (Office's {color, pattern} or the file's {type, pattern, fgColor}) is a solid
 * fill of this ARGB colour. */
export function isSolid(fill: HostFill | null | undefined, argb: string): boolean {
  if (typeof fill !== "object" || fill === null || Array.isArray(fill)) return false;
  const rgb = argb.slice(-6).toUpperCase();
  if (typeof fill.color === "string") {
    return (
      (fill.pattern === undefined || fill.pattern === "Solid") && fill.color.replace("#", "").toUpperCase() === rgb
    );
  }
  const fg = fill.fgColor;
  const fgArgb = typeof fg === "object" && fg !== null && !Array.isArray(fg) ? fg.argb : undefined;
  return fill.pattern === "solid" && typeof fgArgb === "string" && fgArgb.slice(-6).toUpperCase() === rgb;
}

export function pendingWrites(p: WritePlan, snapshot: Snapshot, known: ReadKnowledge): Pending {
  const sheets = new Map(snapshot.sheets.map((s) => [s.name, s]));
  const main = sheets.get(p.sheet);
  // One test for a header, a cleared cell or a score cell: a header the tool writes only where its text differs
  // already; any other cell where its value, or its number format, is not what the plan says.
  const differs = (row: number, col: number, value: CellWrite["value"], numberFormat: string | undefined) => {
    const current = main?.rows[row - 1]?.[col - 1];
    if (!sameValue(current, value)) return true;
    if (numberFormat === undefined) return false;
    const format = known.formatAt(p.sheet, row, col);
    return format === undefined || format !== numberFormat;
  };
  const writes = p.writes.filter((w) => w.bold || differs(w.row, w.col, w.value, w.numberFormat));
  const rows = p.scores.rows;
  const columns = p.scores.columns.map((c) =>
    keepCells(c, rows, (row, k) => differs(row, c.col, c.values[k], c.numberFormat)),
  );
  const previous = snapshot.memory?.highlights ?? {};
  const formats = p.formats.filter((f: FormatWrite) => {
    if (f.fill.kind !== "highlight") return true; // a restore happens once: the memory forgets the cell after it
    const note = "set" in f.note || "remove" in f.note;
    if (note && main?.notesKnown !== false) return true; // a host that writes notes: the note may differ
    const a1 = address(f.row, f.col);
    if (known.fillKnown(f.sheet, f.row, f.col)) {
      return !isSolid(sheets.get(f.sheet)?.fills?.get(a1), HIGHLIGHT_COLORS[f.fill.highlight]);
    }
    // not read: the memory says what the tool last put there
    return previous[f.sheet]?.[a1]?.shown !== f.fill.highlight;
  });
  const ranking = !known.rankingExists || snapshot.memory?.ranking !== p.memory.ranking;
  return { plan: { ...p, writes, scores: { rows, columns }, formats }, ranking };
}
