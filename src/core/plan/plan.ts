// Results → WritePlan: pure data saying which cells get which values, fills and notes, and the 考核排名 tab.
// Hosts apply it as it is; nothing here knows how a host stores a fill.
import type { Assessment } from "../assess";
import { centsToNumber, formatCents } from "../exact";
import { MEMORY_SHEET } from "../locate/locate";
import { inMerged, scoreHeadersOf } from "../locate/score-block";
import { address, parseAddress } from "../address";
import { cellText, normalizeHeader } from "../locate/normalize";
import type { Finding, HostFill, SavedCell, Snapshot, ToolMemory, WrittenValue } from "../model";
import type { IndicatorDef, LeafDef } from "../../rules/types";
import type { UnitResult } from "../score/score";
import { KeyedMap } from "../keyed";
import { FINDING_LABELS } from "../findings";
import { explanationNotes, explanationNotesFinding } from "./notes";
import { flattened } from "../text";
import { reviewSummaries } from "./report";
import { encodeMemory, headerPrint, remembered, toRanges } from "./memory";

export { MEMORY_SHEET };

/** Highlight fills, ARGB: missing evidence amber, invalid data red. */
export const HIGHLIGHT_COLORS = { missing: "FFFFE699", invalid: "FFFFC7CE" } as const;
export type HighlightKind = keyof typeof HIGHLIGHT_COLORS;
/** Every note the tool attaches starts with this, so it can tell its own notes from the user's. */
export const NOTE_PREFIX = "【信用考核助手】";
export const SCORE_FORMAT = "0.00";
export {
  EXPLANATION_NOTES_MAX_UNITS,
  EXPLANATION_NOTES_SKIPPED,
  explanationNotes,
  explanationNotesFinding,
} from "./notes";

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

export function scoreHeaders(a: Assessment): string[] {
  return scoreHeadersOf(a.rulebook);
}

function displayName(key: string, row: number): string {
  return key === "" ? `（第 ${row} 行，缺少单位名称）` : key;
}

function highlightFormats(
  a: Assessment,
  snapshot: Snapshot,
): { formats: FormatWrite[]; highlights: ToolMemory["highlights"] } {
  const sheets = new Map(snapshot.sheets.map((s) => [s.name, s]));
  // Highlights remembered on a sheet count only where the sheet is proven to be the one remembered: its header row
  // reads as it did. A name or a Worksheet.id proves nothing (an id is stable within a session only, office-js-docs
  // #297): a new sheet given an old id, or another sheet renamed to an old name, never gets remembered fills.
  const known = snapshot.memory?.sheets;
  const ownHeaders = scoreHeaders(a);
  const previous = Object.fromEntries(
    Object.entries(snapshot.memory?.highlights ?? {}).filter(([name]) => {
      const rec = known?.[name];
      if (!rec) return true; // a memory from before the fingerprints: by name, as it was written
      const snap = sheets.get(name);
      return snap !== undefined && headerPrint(snap.rows[rec.headerRow - 1], ownHeaders) === rec.print;
    }),
  );
  const flagged = new Map<
    string,
    { sheet: string; row: number; col: number; addr: string; kind: HighlightKind; messages: string[] }
  >();
  const add = (f: Finding, sheet: string) => {
    if (f.kind === "warning" || f.row === undefined || f.col === undefined) return;
    const addr = address(f.row, f.col);
    const key = `${sheet}!${addr}`;
    const cur = flagged.get(key);
    if (cur) {
      cur.messages.push(f.message);
      if (f.kind === "invalid") cur.kind = "invalid";
    } else flagged.set(key, { sheet, row: f.row, col: f.col, addr, kind: f.kind, messages: [f.message] });
  };
  const main = a.layout.sheet.name;
  for (const u of a.units) for (const f of u.findings) add(f, main);
  for (const f of a.findings) add(f, f.sheet ?? main);

  const formats: FormatWrite[] = [];
  const highlights: Record<string, Record<string, SavedCell>> = {};
  for (const h of flagged.values()) {
    const addr = h.addr;
    const snap = sheets.get(h.sheet);
    const before = previous[h.sheet]?.[addr];
    const currentNote = snap?.notes?.get(addr);
    // The note standing in the cell now decides: a user's note written over the tool's since the last run is theirs,
    // and is never replaced (workbook.md: nothing the office typed is ever changed, no comment). A host that cannot
    // see notes gets none attached.
    const ours = snap?.notesKnown !== false && (currentNote === undefined || currentNote.startsWith(NOTE_PREFIX));
    const saved: SavedCell = {
      fill: before ? before.fill : (snap?.fills?.get(addr) ?? null),
      note: ours,
      shown: h.kind,
    };
    (highlights[h.sheet] ??= {})[addr] = saved;
    const label = FINDING_LABELS[h.kind];
    formats.push({
      sheet: h.sheet,
      row: h.row,
      col: h.col,
      fill: { kind: "highlight", highlight: h.kind },
      note: ours ? { set: `${NOTE_PREFIX}${label}\n${h.messages.join("\n")}` } : { keep: true },
    });
  }
  // Cells fixed since the last run get their own fill back, and lose the tool's note.
  for (const [sheet, cells] of Object.entries(previous)) {
    const snap = sheets.get(sheet);
    if (!snap) continue;
    for (const [addr, saved] of Object.entries(cells)) {
      if (highlights[sheet]?.[addr]) continue;
      const at = parseAddress(addr);
      if (!at) continue;
      const note = snap.notes?.get(addr);
      formats.push({
        sheet,
        row: at[0],
        col: at[1],
        fill: { kind: "restore", fill: saved.fill },
        note: saved.note && note !== undefined && note.startsWith(NOTE_PREFIX) ? { remove: true } : { keep: true },
      });
    }
  }
  return { formats, highlights };
}

export function plan(a: Assessment, snapshot: Snapshot): WritePlan {
  const columns = a.scoreBlock.columns;
  const headerRow = a.layout.headerRow;
  // A header that already stands (typed by the office as 总分（分）, say) is left as typed: nothing the office typed is
  // ever changed (workbook.md); only new score columns get their header.
  const headerCells = a.layout.sheet.rows[headerRow - 1] ?? [];
  const headerWrites: CellWrite[] = columns
    .filter(({ header, col }) => normalizeHeader(cellText(headerCells[col - 1] ?? null)) !== normalizeHeader(header))
    .map(({ header, col }) => ({ row: headerRow, col, value: header, note: null, bold: true }));
  const reviews = reviewSummaries(a);
  const units = a.units;
  const unitRows = new Int32Array(units.length);
  const indicators = a.rulebook.indicators;
  const nIndicators = indicators.length;
  const notes = explanationNotes(a);
  const noteOf = notes ? scoreNotes(a) : null;
  const notesSkipped = explanationNotesFinding(a);
  const [bonusAt, totalAt, rankAt, reviewAt] = [nIndicators, nIndicators + 1, nIndicators + 2, nIndicators + 3];
  // The score block column by column: numbers in a Float64Array each (sized once, no boxes, nothing for the collector
  // to trace), 核查意见 the list of summaries itself.
  const numbers = columns.map((_, i) => (i === reviewAt ? null : new Float64Array(units.length)));
  const noteLists = columns.map(() => (noteOf ? new Array<string | null>(units.length) : null));
  const ids = indicators.map((i) => i.id);
  // Units' indicator scores all read through one key list: each indicator's slot in it is looked up once.
  const first = units.length ? units[0].indicators : null;
  const keyIndex = first instanceof KeyedMap ? first.keyIndex : null;
  const slots = keyIndex ? ids.map((id) => keyIndex.slot(id)) : [];
  const rankingRows: (string | number)[][] = new Array<(string | number)[]>(units.length);
  const score = new ScoreNumbers(units.length);
  for (let k = 0; k < units.length; k++) {
    const u = units[k];
    const row = u.record.row;
    unitRows[k] = row;
    // Sized once: a list grown one at a time keeps room for more.
    const rankingRow = new Array<string | number>(nIndicators + 5);
    rankingRow[0] = u.rank;
    rankingRow[1] = displayName(u.record.key, row);
    const total = score.of(u.total);
    rankingRow[2] = total;
    const scored = u.indicators;
    const shared = keyIndex !== null && scored instanceof KeyedMap && scored.keyIndex === keyIndex;
    for (let i = 0; i < nIndicators; i++) {
      const cents = shared && slots[i] >= 0 ? (scored.valueAt(slots[i]) as number) : (scored.get(ids[i]) ?? 0);
      const value = score.of(cents);
      rankingRow[3 + i] = value;
      numbers[i]![k] = value;
      if (noteOf) noteLists[i]![k] = noteOf(u, i, cents);
    }
    const bonus = score.of(u.bonus);
    rankingRow[3 + nIndicators] = bonus;
    rankingRow[4 + nIndicators] = reviews[k];
    rankingRows[k] = rankingRow;
    numbers[bonusAt]![k] = bonus;
    numbers[totalAt]![k] = total;
    numbers[rankAt]![k] = u.rank;
    if (noteOf) {
      noteLists[bonusAt]![k] = noteOf(u, nIndicators);
      noteLists[totalAt]![k] = noteOf(u, nIndicators + 1);
      noteLists[rankAt]![k] = noteOf(u, nIndicators + 2);
    }
  }
  const formatOf = (i: number): string | undefined => (i < rankAt ? SCORE_FORMAT : i === rankAt ? "0" : undefined);
  // 核查意见 carries no note
  const scoreCols: ScoreColumn[] = columns.map(({ col }, i) => ({
    col,
    values: numbers[i] ?? reviews,
    notes: i === reviewAt ? null : noteLists[i],
    ...(formatOf(i) !== undefined ? { numberFormat: formatOf(i) } : {}),
    only: null,
  }));
  // Rows the tool scored last time that are no longer units lose what it wrote there. Only those: a row it never
  // wrote (the office's own 合计 with a formula in a 总分 column it typed) is never touched.
  const writes: CellWrite[] = [...headerWrites];
  const rows = a.layout.sheet.rows;
  const sameSheet = snapshot.memory?.assessmentSheet === a.layout.sheet.name;
  const scored = sameSheet ? (snapshot.memory?.scoredRows ?? []) : [];
  const isUnitRow = new Set(scored.length ? unitRows : []);
  for (const [first, last] of scored) {
    for (let row = Math.max(first, headerRow + 1); row <= Math.min(last, rows.length); row++) {
      if (isUnitRow.has(row)) continue;
      for (const { col } of columns) {
        const v = rows[row - 1]?.[col - 1];
        if (v !== null && v !== undefined) writes.push({ row, col, value: null, note: null });
      }
    }
  }

  const { formats, highlights } = highlightFormats(a, snapshot);
  const header = ["排名", "单位名称", "总分", ...a.rulebook.indicators.map((i) => i.column), "加分", "核查意见"];
  const ranking: RankingTable = {
    name: a.rulebook.rankingSheet,
    title: a.rulebook.rankingTitle,
    header,
    rows: rankingRows,
    widths: [6, 22, 8, ...a.rulebook.indicators.map(() => 11), 6, 44],
  };
  // What was written in the block, by unit and column (block order: indicators, 加分, 总分, 排名, 核查意见). Only
  // up to the size that carries notes: above it the memory would outgrow one 4 MB request of Excel on the web, and a
  // memory written in two requests can be cut in half (EXPLANATION_NOTES_SKIPPED says so).
  const written: Record<string, WrittenValue[]> = {};
  for (let k = 0; notes && k < units.length; k++) {
    const key = units[k].record.key;
    if (key === "") continue;
    const r = rankingRows[k];
    written[key] = [...r.slice(3, 3 + nIndicators), r[3 + nIndicators], r[2], r[0], remembered(r[4 + nIndicators])];
  }
  const state: ToolMemory = {
    version: 2,
    assessmentSheet: a.layout.sheet.name,
    highlights,
    scoredRows: toRanges(Array.from(unitRows)),
    settings: { ...a.settings },
    block: { sheet: a.layout.sheet.name, headerRow, col: columns[0].col, headers: columns.map((c) => c.header) },
    ranking: rankingPrint(ranking),
    sheets: Object.fromEntries(
      [a.layout, ...(a.ledgerLayout ? [a.ledgerLayout] : [])].map((l) => [
        l.sheet.name,
        {
          headerRow: l.headerRow,
          print: headerPrint(
            l.sheet.rows[l.headerRow - 1],
            columns.map((c) => c.header),
          ),
        },
      ]),
    ),
    ...(notes ? { written } : {}),
    // the add-in's own record, carried over as it was read (the command line neither reads nor changes it)
    ...(snapshot.memory?.office ? { office: snapshot.memory.office } : {}),
  };
  // A merged range reaching into the block keeps its cells as they are (score-block.ts says so in a warning).
  const merged = a.scoreBlock.merged;
  return {
    sheet: a.layout.sheet.name,
    headerRow,
    scoreColumns: columns,
    writes: merged.length > 0 ? writes.filter((w) => !inMerged(merged, w.row, w.col)) : writes,
    scores: {
      rows: unitRows,
      columns:
        merged.length > 0
          ? scoreCols.map((c) => keepCells(c, unitRows, (row) => !inMerged(merged, row, c.col)))
          : scoreCols,
    },
    merged,
    formats,
    ranking,
    memory: state,
    memorySheet: MEMORY_SHEET,
    memoryChunks: encodeMemory(state),
    explanationNotes: notes,
    findings: notesSkipped ? [notesSkipped] : [],
  };
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

/** A fingerprint of the ranking tab's content (its title, header, rows and widths). */
function rankingPrint(t: RankingTable): string {
  // remembered(JSON.stringify([t.title, t.header, t.rows, t.widths])), hashed a row at a time: the whole text of a
  // large ranking (12 MB at 100,000 units) is never made.
  const fnv = new Fnv();
  fnv.add(`[${JSON.stringify(t.title)},${JSON.stringify(t.header)},[`);
  t.rows.forEach((r, k) => fnv.add(k === 0 ? JSON.stringify(r) : `,${JSON.stringify(r)}`));
  fnv.add(`],${JSON.stringify(t.widths)}]`);
  return fnv.print();
}

/** remembered()'s fingerprint of a (non-empty) text given in pieces: FNV-1a over its UTF-16 code units. */
class Fnv {
  private h = 0x811c9dc5;
  add(piece: string): void {
    let h = this.h;
    for (let i = 0; i < piece.length; i++) {
      h ^= piece.charCodeAt(i);
      h = Math.imul(h, 0x01000193) >>> 0;
    }
    this.h = h;
  }
  print(): string {
    return `#${this.h.toString(16).padStart(8, "0")}`;
  }
}

/** Hundredths as the number written to a cell: the same number each time for the same hundredths, so that a large
 * sheet's 1.5 million score values share a few thousand numbers instead of each being a number of its own. */
class ScoreNumbers {
  private static readonly MAX = 20_000;
  // Filled with null rather than numbers, so that the array holds each number it is given as that number. None on a
  // small sheet, where there is nothing to share.
  private readonly known: (number | null)[];
  constructor(units: number) {
    this.known = units >= 1000 ? new Array<number | null>(ScoreNumbers.MAX).fill(null) : [];
  }
  of(cents: number): number {
    if (!(Number.isInteger(cents) && cents > 0 && cents < this.known.length)) return centsToNumber(cents);
    const known = this.known[cents];
    if (known !== null) return known;
    const value = centsToNumber(cents);
    this.known[cents] = value;
    return value;
  }
}

/** How a unit's score cells explain themselves, by score column: the indicators in order, then 加分, 总分 and 排名
 * (核查意见 has none: null). The plan's notes, and the add-in's pane for a selected cell, read the same text.
 * `cents` is the indicator's score when the caller has it at hand. */
export function scoreNotes(a: Assessment): (u: UnitResult, column: number, cents?: number) => string | null {
  const indicators = a.rulebook.indicators;
  const n = indicators.length;
  const leavesOf = indicators.map((ind) => a.rulebook.leaves.filter((l) => l.indicator === ind.id));
  const sharing = new Map<number, number>();
  for (const u of a.units) sharing.set(u.rank, (sharing.get(u.rank) ?? 0) + 1);
  return (u, column, cents) => {
    if (column < n) {
      const ind = indicators[column];
      return indicatorNote(u, ind, leavesOf[column], cents ?? u.indicators.get(ind.id) ?? 0);
    }
    if (column === n) return u.explainBonus();
    if (column === n + 1) {
      return `总分 = 十项得分之和 ${formatCents(u.total - u.bonus)} + 加分 ${formatCents(u.bonus)} = ${formatCents(u.total)} 分`;
    }
    if (column === n + 2) {
      const tied = sharing.get(u.rank) ?? 1;
      return `共 ${a.units.length} 个单位，第 ${u.rank} 名${tied > 1 ? `（${tied} 个单位并列）` : ""}`;
    }
    return null;
  };
}

/** A score cell's note: the indicator's score, then how each of its leaves came about. */
function indicatorNote(u: UnitResult, ind: IndicatorDef, leaves: readonly LeafDef[], cents: number): string {
  const lines = leaves.map((l) => `${leaves.length > 1 ? `${l.id} ${l.name}：` : ""}${u.explain(l.id) ?? ""}`);
  return flattened(`${ind.name}（${ind.max}分）得 ${formatCents(cents)} 分\n${lines.join("\n")}`);
}
