// Results → WritePlan: pure data saying which cells get which values, fills and notes, and the 考核排名 tab.
// Hosts apply it as it is; nothing here knows how a host stores a fill.
import type { Assessment } from "../assess";
import { centsToNumber } from "../exact";
import { MEMORY_SHEET } from "../locate/locate";
import { inMerged, scoreHeadersOf } from "../locate/score-block";
import { cellText, normalizeHeader } from "../locate/normalize";
import type { Snapshot, ToolMemory, WrittenValue } from "../model";
import { KeyedMap } from "../keyed";
import { explanationNotes, explanationNotesFinding } from "./notes";
import { reviewSummaries } from "./report";
import { encodeMemory, headerPrint, remembered, toRanges } from "./memory";
import type { RankingTable, ScoreColumn, WritePlan, CellWrite } from "./write-plan";
import { SCORE_FORMAT, keepCells } from "./write-plan";
import { highlightFormats } from "./highlights";
import { scoreNotes, unitNote } from "./explain";
import type { HandEdit } from "./hand-edits";

export { MEMORY_SHEET };
export * from "./write-plan";
export { scoreNotes } from "./explain";
export {
  EXPLANATION_NOTES_MAX_UNITS,
  EXPLANATION_NOTES_SKIPPED,
  explanationNotes,
  explanationNotesFinding,
} from "./notes";

export function scoreHeaders(a: Assessment): string[] {
  return scoreHeadersOf(a.rulebook);
}

export interface PlanOptions {
  /** Score cells typed over by hand that the add-in keeps as typed (hand-edits.ts): not written, highlighted, and
   * counted in the unit's 核查意见. */
  readonly keepEdits?: readonly HandEdit[];
}

export function plan(a: Assessment, snapshot: Snapshot, options: PlanOptions = {}): WritePlan {
  const kept = options.keepEdits ?? [];
  const columns = a.scoreBlock.columns;
  const headerRow = a.layout.headerRow;
  // A header that already stands (typed by the office as 总分（分）, say) is left as typed: nothing the office typed is
  // ever changed (workbook.md); only new score columns get their header.
  const headerCells = a.layout.sheet.rows[headerRow - 1] ?? [];
  const headerWrites: CellWrite[] = columns
    .filter(({ header, col }) => normalizeHeader(cellText(headerCells[col - 1] ?? null)) !== normalizeHeader(header))
    .map(({ header, col }) => ({ row: headerRow, col, value: header, note: null, bold: true }));
  const reviews = reviewSummaries(a);
  if (kept.length > 0) {
    const perUnit = new Map<string, number>();
    for (const e of kept) perUnit.set(e.unit, (perUnit.get(e.unit) ?? 0) + 1);
    a.units.forEach((u, k) => {
      const n = perUnit.get(u.record.key);
      if (n) reviews[k] = [reviews[k], `手工改动 ${n} 处未重写`].filter((x) => x !== "").join("；");
    });
  }
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
    const rankingRow = new Array<string | number>(nIndicators + 6);
    rankingRow[0] = u.rank ?? "";
    rankingRow[1] = u.record.key;
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
    rankingRow[4 + nIndicators] = unitNote(u);
    rankingRow[5 + nIndicators] = reviews[k];
    rankingRows[k] = rankingRow;
    numbers[bonusAt]![k] = bonus;
    numbers[totalAt]![k] = total;
    numbers[rankAt]![k] = u.rank ?? NaN;
    if (noteOf) {
      noteLists[bonusAt]![k] = noteOf(u, nIndicators);
      noteLists[totalAt]![k] = noteOf(u, nIndicators + 1);
      noteLists[rankAt]![k] = noteOf(u, nIndicators + 2);
    }
  }
  const formatOf = (i: number): string | undefined => (i < rankAt ? SCORE_FORMAT : i === rankAt ? "0" : undefined);
  // 核查意见 carries no note
  // Nothing ranked (no unit has reported): the 排名 column writes no cell, and one left by an earlier run is cleared.
  const unranked = units.length > 0 && units[0].rank === null;
  const scoreCols: ScoreColumn[] = columns.map(({ col }, i) => ({
    col,
    values: numbers[i] ?? reviews,
    notes: i === reviewAt ? null : noteLists[i],
    ...(formatOf(i) !== undefined ? { numberFormat: formatOf(i) } : {}),
    only: unranked && i === rankAt ? new Int32Array(0) : null,
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

  if (unranked) {
    const col = columns[rankAt].col;
    for (const row of unitRows) {
      const v = rows[row - 1]?.[col - 1];
      if (v !== null && v !== undefined) writes.push({ row, col, value: null, note: null });
    }
  }

  const { formats, highlights } = highlightFormats(a, snapshot, kept);
  const header = [
    "排名",
    "单位名称",
    "总分",
    ...a.rulebook.indicators.map((i) => i.column),
    "加分",
    "说明",
    "核查意见",
  ];
  const ranking: RankingTable = {
    name: a.rulebook.rankingSheet,
    title: a.rulebook.rankingTitle,
    header,
    rows: rankingRows,
    widths: [6, 22, 8, ...a.rulebook.indicators.map(() => 11), 6, 24, 44],
  };
  // What was written in the block, by unit and column (block order: indicators, 加分, 总分, 排名, 核查意见). Only
  // up to the size that carries notes: above it the memory would outgrow one 4 MB request of Excel on the web, and a
  // memory written in two requests can be cut in half (EXPLANATION_NOTES_SKIPPED says so).
  const written: Record<string, WrittenValue[]> = {};
  for (let k = 0; notes && k < units.length; k++) {
    const key = units[k].record.key;
    if (key === "") continue;
    const r = rankingRows[k];
    written[key] = [
      ...r.slice(3, 3 + nIndicators),
      r[3 + nIndicators],
      r[2],
      r[0] === "" ? null : r[0],
      remembered(r[5 + nIndicators]),
    ];
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
  // A merged range reaching into the block keeps its cells as they are (score-block.ts says so in a warning); so does
  // a score typed over by hand that the add-in keeps.
  const merged = a.scoreBlock.merged;
  const keptAt = new Set(kept.map((e) => `${e.row},${e.col}`));
  const keep = (row: number, col: number) => !inMerged(merged, row, col) && !keptAt.has(`${row},${col}`);
  return {
    sheet: a.layout.sheet.name,
    headerRow,
    scoreColumns: columns,
    writes: merged.length > 0 ? writes.filter((w) => !inMerged(merged, w.row, w.col)) : writes,
    scores: {
      rows: unitRows,
      columns:
        merged.length > 0 || keptAt.size > 0
          ? scoreCols.map((c) => keepCells(c, unitRows, (row) => keep(row, c.col)))
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
