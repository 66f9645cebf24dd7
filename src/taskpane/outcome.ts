// What the pane shows after a run, as plain data built from the core's Assessment, Report and WritePlan: nothing is
// scored or decided here, only indexed for display (which cell explains what).
import {
  type Assessment,
  type Report,
  type ReportFinding,
  type WritePlan,
  address,
  buildReport,
  eachCell,
  parseAddress,
  BONUS_ITEM,
  itemLabel,
  fromNumber,
  pointsToCents,
  toCents,
  type UnitResult,
  type HandEdit,
  reviewSummary,
  scoreNotes,
  selfGaps,
  stakeOf,
  unitNote,
  type SelfGap,
} from "../core";

/** What selecting a cell shows: the engine's explanation of a score cell, or the findings on an evidence cell. */
export type CellInfo =
  | {
      readonly kind: "score";
      readonly unit: string;
      readonly column: string;
      readonly text: string;
      /** What the office may register a 核定调整 for from this cell: the column's leaves (several for 三, 四, 九) or
       * the bonus, each with its label, max and current score (hundredths); empty for 总分, 排名, 核查意见. */
      readonly items?: readonly AdjustableItem[];
    }
  | {
      readonly kind: "findings";
      readonly unit?: string;
      readonly findings: readonly ReportFinding[];
      /** What the flagged cell puts at stake: "八 当前得 0/5 分". */
      readonly stake?: string;
    };

export interface AdjustableItem {
  /** A leaf id, or BONUS_ITEM. */
  readonly id: string;
  readonly label: string;
  readonly max: number;
  readonly current: number;
}

/** A score typed over by hand that the run kept as typed, with what the office can do about it. */
export interface HandEditView {
  readonly unit: string;
  readonly sheet: string;
  readonly address: string;
  readonly header: string;
  readonly typed: string;
  /** The tool's value, written back by 恢复计算结果. */
  readonly computed: number | string | null;
  /** What 登记为核定调整 offers: the column's leaves or the bonus. */
  readonly items: readonly AdjustableItem[];
  /** The typed value in hundredths, when it is a number (the 核定分 offered for a one-leaf column or 加分). */
  readonly typedCents: number | null;
}

export interface Outcome {
  readonly report: Report;
  /** The assessment sheet and, when there is one, the ledger sheet. */
  readonly sheet: string;
  readonly ledgerSheet: string | null;
  /** Units in ranking order: name, total and rank (the summary's top 3 come from here). */
  readonly ranking: readonly { readonly unit: string; readonly total: number; readonly rank: number | null }[];
  /** Columns the tool wrote on the assessment sheet (1-based), to tell its own edits from the user's. */
  readonly scoreColumns: readonly number[];
  /** "sheet!A1" → what that cell means. */
  readonly cells: Readonly<Record<string, CellInfo>>;
  /** A score cell's explanation made when it is selected: above EXPLANATION_NOTES_MAX_UNITS units the plan carries no
   * notes, and `cells` holds none for score cells. */
  readonly explainCell: (sheet: string, a1: string) => CellInfo | undefined;
  /** Top-level findings that name a unit of the sheet (a 核定调整 row not applied), by unit: the pane shows them under
   * the unit, the report keeps them at the top level (workbook.md). */
  readonly namedFindings: Readonly<Record<string, readonly ReportFinding[]>>;
  /** Scores typed over by hand and kept as typed (not written over), in sheet order. */
  readonly handEdits: readonly HandEditView[];
  /** Units whose 自评总分 differs from the total by the 自评差距 setting or more, largest gap first. */
  readonly selfGaps: readonly SelfGap[];
  /** The 自评差距 setting the list was made with (points). */
  readonly selfGap: number;
  /** context.sync() calls the run took. */
  readonly syncs: number;
}

export function cellKey(sheet: string, a1: string): string {
  return `${sheet}!${a1}`;
}

/** The pane's view of a run: the report (with the host's own warnings added) and each cell's meaning. */
export function buildOutcome(
  a: Assessment,
  plan: WritePlan,
  syncs: number,
  extra: readonly ReportFinding[] = [],
  edits: readonly HandEdit[] = [],
): Outcome {
  const built = buildReport(a);
  const report = extra.length > 0 ? { ...built, findings: [...built.findings, ...extra] } : built;
  const cells: Record<string, CellInfo> = {};
  const headerByCol = new Map(plan.scoreColumns.map((c) => [c.col, c.header]));
  const unitByRow = new Map(a.units.map((u) => [u.record.row, u.record.key]));
  const unitOf = new Map(a.units.map((u) => [u.record.row, u]));
  const columnOf = new Map(plan.scoreColumns.map((c, k) => [c.col, k]));
  const noteOf = scoreNotes(a);
  eachCell(plan, (row, col, value, note) => {
    const unit = unitByRow.get(row);
    const column = headerByCol.get(col);
    if (unit === undefined || column === undefined) return;
    const text = note ?? (typeof value === "string" ? value : "");
    const k = columnOf.get(col);
    const u = unitOf.get(row);
    if (text !== "")
      cells[cellKey(plan.sheet, address(row, col))] = {
        kind: "score",
        unit,
        column,
        text,
        ...(u && k !== undefined ? { items: adjustable(a, u, k) } : {}),
      };
  });
  const addFinding = (f: ReportFinding, unit?: string, stake?: string) => {
    if (f.cell === undefined) return;
    const key = cellKey(f.sheet ?? report.sheet, f.cell);
    const cur = cells[key];
    if (cur && cur.kind === "findings") cells[key] = { ...cur, findings: [...cur.findings, f] };
    else cells[key] = { kind: "findings", unit, findings: [f], ...(stake ? { stake } : {}) };
  };
  const resultByRow = new Map(a.units.map((u) => [u.record.row, u]));
  for (const u of report.units) {
    const scored = resultByRow.get(u.row);
    for (const f of u.findings) {
      const stake = scored && f.field && f.kind !== "warning" && !f.sheet ? stakeOf(a, scored, f.field) : "";
      addFinding(f, u.unit, stake);
    }
  }
  // By row, not report.units.find per unit: that is quadratic, minutes at 50,000 units.
  const reportByRow = new Map(report.units.map((u) => [u.row, u]));
  for (const f of report.findings) addFinding(f);
  return {
    report,
    sheet: plan.sheet,
    ledgerSheet: a.ledgerLayout?.sheet.name ?? null,
    ranking: a.units.map((u) => {
      const r = reportByRow.get(u.record.row);
      return { unit: r?.unit ?? u.record.key, total: r?.total ?? 0, rank: u.rank };
    }),
    scoreColumns: plan.scoreColumns.map((c) => c.col),
    cells,
    explainCell: (sheet, a1) => {
      if (sheet === plan.ranking.name) return rankingCell(a, plan, a1, noteOf);
      const at = sheet === plan.sheet ? parseAddress(a1) : null;
      const u = at ? unitOf.get(at[0]) : undefined;
      const k = at ? columnOf.get(at[1]) : undefined;
      if (!u || k === undefined) return undefined;
      const text = noteOf(u, k);
      return text
        ? { kind: "score", unit: u.record.key, column: plan.scoreColumns[k].header, text, items: adjustable(a, u, k) }
        : undefined;
    },
    namedFindings: namedFindings(a, report),
    handEdits: edits.map((e) => {
      const u = unitOf.get(e.row);
      const k = columnOf.get(e.col);
      const typed = e.typed;
      return {
        unit: e.unit,
        sheet: plan.sheet,
        address: address(e.row, e.col),
        header: e.header,
        typed:
          typed === null
            ? ""
            : typeof typed === "object"
              ? "date" in typed
                ? typed.date
                : typed.error
              : String(typed),
        computed: e.computed,
        items: u && k !== undefined ? adjustable(a, u, k) : [],
        typedCents: typeof typed === "number" && Number.isFinite(typed) && typed >= 0 ? Math.round(typed * 100) : null,
      };
    }),
    selfGaps: selfGaps(a),
    selfGap: a.settings.selfGap,
    syncs,
  };
}

/** The report's top-level findings that come from the assessment's with a unit (core/read/adjustments.ts), by unit.
 * The report lists the assessment's findings first, in order. */
function namedFindings(a: Assessment, report: Report): Record<string, ReportFinding[]> {
  const out: Record<string, ReportFinding[]> = {};
  a.findings.forEach((f, i) => {
    if (f.unit === undefined || f.sheet !== a.rulebook.adjustments.sheet) return;
    (out[f.unit] ??= []).push(report.findings[i]);
  });
  return out;
}

/** The items a score column of the block (indicators, then 加分, 总分, 排名, 核查意见) can be adjusted by. */
function adjustable(a: Assessment, u: UnitResult, column: number): AdjustableItem[] {
  const rb = a.rulebook;
  const n = rb.indicators.length;
  if (column === n) {
    return [{ id: BONUS_ITEM, label: "加分", max: toCents(fromNumber(a.settings.bonusCap)), current: u.bonus }];
  }
  if (column > n) return [];
  const ind = rb.indicators[column];
  return rb.leaves
    .filter((l) => l.indicator === ind.id)
    .map((l) => ({
      id: l.id,
      label: itemLabel(rb, l.id),
      max: pointsToCents(l.max),
      current: u.leaves.get(l.id) ?? 0,
    }));
}

/** A cell of 考核排名 explained as its unit's cell on the assessment sheet is (the tab: title, header, then one row
 * per unit in ranking order: 排名 · 单位名称 · 总分 · the indicators · 加分 · 说明 · 核查意见). */
function rankingCell(
  a: Assessment,
  plan: WritePlan,
  a1: string,
  noteOf: ReturnType<typeof scoreNotes>,
): CellInfo | undefined {
  const at = parseAddress(a1);
  if (!at) return undefined;
  const u = a.units[at[0] - 3];
  if (!u) return undefined;
  const c = at[1] - 1;
  const n = a.rulebook.indicators.length;
  const header = plan.ranking.header[c];
  // The score block's column this one shows (indicators, 加分 at n, 总分 n + 1, 排名 n + 2), or -1.
  const block = c === 0 ? n + 2 : c === 2 ? n + 1 : c >= 3 && c <= 3 + n ? c - 3 : -1;
  const text =
    block >= 0 ? noteOf(u, block) : c === 4 + n ? unitNote(u) || null : c === 5 + n ? reviewSummary(u) || null : null;
  return text && header
    ? { kind: "score", unit: u.record.key, column: header, text, items: block >= 0 ? adjustable(a, u, block) : [] }
    : undefined;
}
