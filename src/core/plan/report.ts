// The JSON report of workbook.md ("The JSON report"), and the one-line 核查意见 per unit.
import { centsToNumber } from "../exact";
import type { Assessment } from "../assess";
import { address } from "../address";
import type { Finding } from "../model";
import type { UnitResult } from "../score/score";
import { explanationNotesFinding } from "./notes";
import { FINDING_LABELS } from "../findings";
import type { Settings } from "../../rules/settings";
import { UNREPORTED } from "../read/units";

export interface ReportFinding {
  kind: Finding["kind"];
  field?: string;
  sheet?: string;
  cell?: string;
  message: string;
}

export interface ReportAdjustment {
  /** A leaf id, or "bonus". */
  item: string;
  computed: number;
  adjusted: number;
  reason: string;
  by?: string;
  date?: string;
  sheet: string;
  row: number;
}

export interface ReportUnit {
  unit: string;
  row: number;
  leaves: Record<string, number>;
  notApplicable: string[];
  indicators: Record<string, number>;
  bonus: number;
  total: number;
  /** null when nothing is ranked (no unit has reported). */
  rank: number | null;
  /** The applied 核定调整 rows, when the office adjusted anything. */
  adjustments?: ReportAdjustment[];
  /** Under `scale`, for a unit with a 不适用 leaf: Σ leaves and 100 − Σ max of its 不适用 leaves. */
  scaled?: { sum: number; applicableMax: number };
  findings: ReportFinding[];
  explanations: Record<string, string>;
}

export interface Report {
  rulebook: string;
  sheet: string;
  settings: Settings;
  units: ReportUnit[];
  findings: ReportFinding[];
}

export function reportFinding(f: Finding, mainSheet: string): ReportFinding {
  return {
    kind: f.kind,
    ...(f.field !== undefined ? { field: f.field } : {}),
    ...(f.sheet !== undefined && f.sheet !== mainSheet ? { sheet: f.sheet } : {}),
    ...(f.row !== undefined && f.col !== undefined ? { cell: address(f.row, f.col) } : {}),
    message: f.message,
  };
}

function toRecord(m: ReadonlyMap<string, number>): Record<string, number> {
  const out: Record<string, number> = {};
  m.forEach((v, k) => {
    out[k] = centsToNumber(v);
  });
  return out;
}

/** leaf id → how its score came about, then the bonus's: built here, on demand (the assessment keeps none). */
function explanations(u: UnitResult): Record<string, string> {
  const out: Record<string, string> = {};
  for (const id of u.leaves.keys()) out[id] = u.explain(id) ?? "";
  out.bonus = u.explainBonus();
  return out;
}

/** Units in sheet order, as the report lists them. */
export function buildReport(a: Assessment, extra: readonly Finding[] = []): Report {
  const sheet = a.layout.sheet.name;
  const units = [...a.units].sort((x, y) => x.record.row - y.record.row);
  const notesSkipped = explanationNotesFinding(a);
  return {
    rulebook: a.rulebook.id,
    sheet,
    settings: { ...a.settings },
    units: units.map((u) => ({
      unit: u.record.key,
      row: u.record.row,
      leaves: toRecord(u.leaves),
      notApplicable: [...u.notApplicable],
      indicators: toRecord(u.indicators),
      bonus: centsToNumber(u.bonus),
      total: centsToNumber(u.total),
      rank: u.rank,
      ...(u.adjustments.length
        ? {
            adjustments: u.adjustments.map((x) => ({
              item: x.item,
              computed: centsToNumber(x.computed),
              adjusted: centsToNumber(x.cents),
              reason: x.reason,
              ...(x.by !== undefined ? { by: x.by } : {}),
              ...(x.date !== undefined ? { date: x.date } : {}),
              sheet: x.sheet,
              row: x.row,
            })),
          }
        : {}),
      ...(u.scaled
        ? { scaled: { sum: centsToNumber(u.scaled.sum), applicableMax: centsToNumber(u.scaled.applicableMax) } }
        : {}),
      findings: u.findings.map((f) => reportFinding(f, sheet)),
      explanations: explanations(u),
    })),
    findings: [...a.findings, ...(notesSkipped ? [notesSkipped] : []), ...extra].map((f) => reportFinding(f, sheet)),
  };
}

/** How many points of a unit's total came from its 不适用 leaves under the policy in force (`full`: their max;
 * `average`: the mean given; `zero`: none; `scale`: what the conversion added), in hundredths. */
export function notApplicablePoints(u: ReportUnit): number {
  const cents = (x: number) => Math.round(x * 100);
  if (u.scaled) return cents(u.total) - cents(u.bonus) - cents(u.scaled.sum);
  return u.notApplicable.reduce((sum, id) => sum + cents(u.leaves[id] ?? 0), 0);
}

/** The unit's 核查意见: "缺少材料 2 项：联络员、信用报告数；数据有误 1 项：已报送条数；双公示台账 1 处待核查：第 4 行；
 * 核定调整 1 项" — blank when there is nothing to say. A unit that has not reported says 尚未填报 instead of naming every
 * blank cell. */
export function reviewSummary(u: UnitResult): string {
  const parts: string[] = [];
  const own = u.findings.filter((f) => f.sheet === undefined && f.kind !== "warning");
  const ledger = u.findings.filter((f) => f.sheet !== undefined && f.kind !== "warning");
  if (u.record.unreported) parts.push(UNREPORTED);
  const missing = own.filter((f) => f.kind === "missing" && !u.record.unreported);
  const invalid = own.filter((f) => f.kind === "invalid");
  if (missing.length)
    parts.push(`${FINDING_LABELS.missing} ${missing.length} 项：${missing.map((f) => f.field ?? "").join("、")}`);
  if (invalid.length)
    parts.push(`${FINDING_LABELS.invalid} ${invalid.length} 项：${invalid.map((f) => f.field ?? "").join("、")}`);
  if (ledger.length)
    parts.push(`双公示台账 ${ledger.length} 处待核查：第 ${[...new Set(ledger.map((f) => f.row))].join("、")} 行`);
  if (u.adjustments.length) parts.push(`核定调整 ${u.adjustments.length} 项`);
  if (u.unappliedAdjustments) parts.push(`核定调整 ${u.unappliedAdjustments} 行未生效`);
  return parts.join("；");
}

/** reviewSummary of every unit, in the assessment's order. */
export function reviewSummaries(a: Assessment): string[] {
  return a.units.map(reviewSummary);
}
