// The write plan's shape: what a run writes, as data hosts apply as it is (score columns by column, header and
// cleared cells, fills and notes, the 考核排名 tab, the next memory), and the two ways to walk its score cells.
import type { Finding, HostFill, ToolMemory } from "../model";
/** Highlight fills, ARGB: missing evidence amber, invalid data red, a score typed over by hand (kept) blue. */
export const HIGHLIGHT_COLORS = { missing: "FFFFE699", invalid: "FFFFC7CE", edited: "FFDDEBF7" } as const;
export type HighlightKind = keyof typeof HIGHLIGHT_COLORS;
/** Every note the tool attaches starts with this, so it can tell its own notes from the user's. */
export const NOTE_PREFIX = "【信用考核助手】";
export const SCORE_FORMAT = "0.00";

export interface CellWrite {
  readonly row: number;
  readonly col: number;
  readonly value: number | string | null;
  /** A note to set (string) or clear (null) on this tool-owned cell. */
  readonly note: string | null;
  readonly numberFormat?: string;
  readonly bold?: boolean;
}

export type FillChange =
  | { readonly kind: "highlight"; readonly highlight: HighlightKind }
  | { readonly kind: "restore"; readonly fill: HostFill | null };

export interface FormatWrite {
  readonly sheet: string;
  readonly row: number;
  readonly col: number;
  readonly fill: FillChange;
  /** set: attach the tool's note; remove: take the tool's note away; keep: leave the cell's note alone. */
  readonly note: { readonly set: string } | { readonly remove: true } | { readonly keep: true };
}

export interface RankingTable {
  readonly name: string;
  readonly title: string;
  readonly header: readonly string[];
  readonly rows: readonly (readonly (string | number)[])[];
  /** Character widths per column, for a printable page. */
  readonly widths: readonly number[];
}

/** One score column's cells on the unit rows, as arrays by unit (the index into ScoreWrites.rows): no object per
 * cell, as 100,000 units have 1.4 million score cells. */
export interface ScoreColumn {
  readonly col: number;
  /** The value for each unit, by index into ScoreWrites.rows (a Float64Array for a column of numbers). */
  readonly values: ArrayLike<number | string>;
  /** The note to set (string) or clear (null) for each unit; null when every one is null. */
  readonly notes: readonly (string | null)[] | null;
  readonly numberFormat?: string;
  /** The units (indexes into ScoreWrites.rows, ascending) whose cell this column writes; null: every unit. A merged
   * range, or pendingWrites leaving out what already stands, writes fewer. */
  readonly only: Int32Array | null;
}

/** The score block on the unit rows: the rows in unit (ranking) order, and each score column's cells by unit. */
export interface ScoreWrites {
  /** 1-based sheet rows, one per unit. */
  readonly rows: Int32Array;
  /** In block order: the indicators, 加分, 总分, 排名, 核查意见. */
  readonly columns: readonly ScoreColumn[];
}

export interface WritePlan {
  readonly sheet: string;
  readonly headerRow: number;
  readonly scoreColumns: readonly { readonly header: string; readonly col: number }[];
  /** The cells besides the unit rows' scores, a short list: the score headers the tool writes (bold) first, then the
   * cells cleared on rows it scored before that are no longer units. */
  readonly writes: readonly CellWrite[];
  /** The unit rows' score cells, column by column. */
  readonly scores: ScoreWrites;
  /** Merged ranges ([top, left, bottom, right], 1-based) reaching into the score columns: no cell of theirs is in
   * `writes` or `scores`, and a host writing rectangles must not cover any of their cells either (Excel refuses to
   * change part of a merged range, even with a null in its place). */
  readonly merged: readonly (readonly [number, number, number, number])[];
  readonly formats: readonly FormatWrite[];
  readonly ranking: RankingTable;
  readonly memory: ToolMemory;
  readonly memorySheet: string;
  readonly memoryChunks: readonly string[];
  /** False when the score cells carry no explanation notes (more than EXPLANATION_NOTES_MAX_UNITS units): their
   * `notes` are null, and `findings` holds the warning saying so. */
  readonly explanationNotes: boolean;
  /** Workbook-level findings about what is written (the warning above); empty when there is nothing to say. */
  readonly findings: readonly Finding[];
}

/** A score column writing only the cells of its units whose row passes `keep` (the column itself when all do). */
export function keepCells(c: ScoreColumn, rows: Int32Array, keep: (row: number, k: number) => boolean): ScoreColumn {
  const n = c.only ? c.only.length : rows.length;
  const kept = new Int32Array(n);
  let m = 0;
  for (let j = 0; j < n; j++) {
    const k = c.only ? c.only[j] : j;
    if (keep(rows[k], k)) kept[m++] = k;
  }
  return m === n ? c : { ...c, only: kept.slice(0, m) };
}

/** Every cell the plan writes, in the order of a list of them: the score headers, then the unit rows' score cells
 * unit by unit (block order within a unit), then the cells cleared. For hosts that go cell by cell; nothing is made
 * per cell. */
export function eachCell(
  p: Pick<WritePlan, "writes" | "scores">,
  visit: (
    row: number,
    col: number,
    value: CellWrite["value"],
    note: string | null,
    numberFormat: string | undefined,
    bold: boolean,
  ) => void,
): void {
  for (const w of p.writes) if (w.bold) visit(w.row, w.col, w.value, w.note, w.numberFormat, true);
  const { rows, columns } = p.scores;
  const next = new Int32Array(columns.length);
  for (let k = 0; k < rows.length; k++) {
    for (let i = 0; i < columns.length; i++) {
      const c = columns[i];
      if (c.only !== null) {
        if (next[i] >= c.only.length || c.only[next[i]] !== k) continue;
        next[i]++;
      }
      visit(rows[k], c.col, c.values[k], c.notes === null ? null : c.notes[k], c.numberFormat, false);
    }
  }
  for (const w of p.writes) if (!w.bold) visit(w.row, w.col, w.value, w.note, w.numberFormat, false);
}
