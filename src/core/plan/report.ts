// The JSON report of workbook.md ("The JSON report"), and the one-line 核查意见 per unit.
import { centsToNumber } from "../exact";
import type { Assessment } from "../assess";
import { address } from "../address";
import type { Finding } from "../model";
import type { UnitResult } from "../score/score";
import { explanationNotesFinding } from "./notes";
import { FINDING_LABELS } from "../findings";

export interface ReportFinding {
  kind: Finding["kind"];
  field?: string;
  sheet?: string;
  cell?: string;
  message: string;
}

export interface ReportUnit {
  unit: string;
  row: number;
  leaves: Record<string, number>;
  notApplicable: string[];
  indicators: Record<string, number>;
  bonus: number;
  total: number;
  rank: number;
  findings: ReportFinding[];
  explanations: Record<string, string>;
}

export interface Report {
  rulebook: string;
  sheet: string;
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
export function buildReport(a: Assessment): Report {
  const sheet = a.layout.sheet.name;
  const units = [...a.units].sort((x, y) => x.record.row - y.record.row);
  const notesSkipped = explanationNotesFinding(a);
  return {
    rulebook: a.rulebook.id,
    sheet,
    units: units.map((u) => ({
      unit: u.record.key,
      row: u.record.row,
      leaves: toRecord(u.leaves),
      notApplicable: [...u.notApplicable],
      indicators: toRecord(u.indicators),
      bonus: centsToNumber(u.bonus),
      total: centsToNumber(u.total),
      rank: u.rank,
      findings: u.findings.map((f) => reportFinding(f, sheet)),
      explanations: explanations(u),
    })),
    findings: [...a.findings, ...(notesSkipped ? [notesSkipped] : [])].map((f) => reportFinding(f, sheet)),
  };
}

/** "缺少材料 2 项：联络员、信用报告数；数据有误 1 项：已报送条数" — blank when the unit is clean. */
export function reviewSummary(u: UnitResult, ledgerFindings: readonly Finding[]): string {
  return summary(
    u,
    ledgerFindings.filter((f) => f.unit === u.record.key && f.kind !== "warning"),
  );
}

/** reviewSummary of every unit, in the assessment's order, with the ledger's findings indexed by unit once. */
export function reviewSummaries(a: Assessment): string[] {
  const byUnit = new Map<string, Finding[]>();
  for (const f of a.ledger?.findings ?? []) {
    if (f.unit === undefined || f.kind === "warning") continue;
    const list = byUnit.get(f.unit);
    if (list) list.push(f);
    else byUnit.set(f.unit, [f]);
  }
  return a.units.map((u) => summary(u, byUnit.get(u.record.key) ?? []));
}

function summary(u: UnitResult, ledger: readonly Finding[]): string {
  if (ledger.length === 0 && u.findings.every((f) => f.kind === "warning")) return "";
  const parts: string[] = [];
  const list = (kind: Finding["kind"]) => u.findings.filter((f) => f.kind === kind);
  const missing = list("missing");
  const invalid = list("invalid");
  if (missing.length)
    parts.push(`${FINDING_LABELS.missing} ${missing.length} 项：${missing.map((f) => f.field ?? "").join("、")}`);
  if (invalid.length)
    parts.push(`${FINDING_LABELS.invalid} ${invalid.length} 项：${invalid.map((f) => f.field ?? "").join("、")}`);
  if (ledger.length)
    parts.push(`双公示台账 ${ledger.length} 处待核：第 ${[...new Set(ledger.map((f) => f.row))].join("、")} 行`);
  return parts.join("；");
}
