// The JSON report of workbook.md ("The JSON report"), and the one-line 核查意见 per unit.
import { centsToNumber } from "../exact";
import type { Assessment } from "../assess";
import { address } from "../locate/normalize";
import type { Finding } from "../model";
import type { UnitResult } from "../score/score";

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

const toRecord = (m: ReadonlyMap<string, number>): Record<string, number> =>
  Object.fromEntries([...m].map(([k, v]) => [k, centsToNumber(v)]));

/** Units in sheet order, as the report lists them. */
export function buildReport(a: Assessment): Report {
  const sheet = a.layout.sheet.name;
  const units = [...a.units].sort((x, y) => x.record.row - y.record.row);
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
      explanations: { ...Object.fromEntries(u.explanations), bonus: u.bonusExplain },
    })),
    findings: a.findings.map((f) => reportFinding(f, sheet)),
  };
}

/** "缺少材料 2 项：联络员、信用报告数；数据有误 1 项：已报送条数" — blank when the unit is clean. */
export function reviewSummary(u: UnitResult, ledgerFindings: readonly Finding[]): string {
  const parts: string[] = [];
  const list = (kind: Finding["kind"]) => u.findings.filter((f) => f.kind === kind);
  const missing = list("missing");
  const invalid = list("invalid");
  if (missing.length) parts.push(`缺少材料 ${missing.length} 项：${missing.map((f) => f.field ?? "").join("、")}`);
  if (invalid.length) parts.push(`数据有误 ${invalid.length} 项：${invalid.map((f) => f.field ?? "").join("、")}`);
  const ledger = ledgerFindings.filter((f) => f.unit === u.record.key && f.kind !== "warning");
  if (ledger.length)
    parts.push(`双公示台账 ${ledger.length} 处待核：第 ${[...new Set(ledger.map((f) => f.row))].join("、")} 行`);
  return parts.join("；");
}
