// The 双公示台账 sheet → per-unit counts for 三.4 (rules-2020.md "3.4 from the 双公示 ledger: 7 working days").
import type { Rulebook } from "../../rules/types";
import { type Day, UncoveredYear, WorkingDays, formatDay, readDate, yearOf } from "../dates";
import type { LedgerLayout } from "../locate/locate";
import { cellText, normalizeName } from "../locate/normalize";
import type { Finding } from "../model";
import { findingMessage } from "../findings";

export interface LedgerCount {
  /** Rows due for publication in the assessment year. */
  due: number;
  /** Of those, published within the deadline. */
  onTime: number;
  /** Sheet rows of the late ones, for the explanation. */
  lateRows: number[];
}

export interface LedgerResult {
  readonly sheet: string;
  /** Units with ledger rows in the year: only these are scored from the ledger (rules-2020.md, "3.4 from the 双公示
   * ledger"); a unit of the assessment sheet not in it is scored from its own 3.4 columns. */
  readonly counts: ReadonlyMap<string, LedgerCount>;
  /** Findings that belong to no unit of the assessment sheet: rows without a unit name, or naming another unit. */
  readonly findings: Finding[];
  /** Findings on the rows of a unit of the assessment sheet, by unit, in row order: they are that unit's (its 核查意见,
   * its list in the pane, its findings in the report). */
  readonly byUnit: ReadonlyMap<string, Finding[]>;
}

export function readLedger(
  layout: LedgerLayout,
  rulebook: Rulebook,
  unitKeys: { has(key: string): boolean },
  workingDays: WorkingDays,
  days: number,
): LedgerResult {
  const sheet = layout.sheet.name;
  const counts = new Map<string, LedgerCount>();
  const findings: Finding[] = [];
  const byUnit = new Map<string, Finding[]>();
  const ofUnit = (unit: string): Finding[] => {
    let list = byUnit.get(unit);
    if (!list) byUnit.set(unit, (list = []));
    return list;
  };
  const at = (row: number, col: number, unit: string | undefined) => ({ sheet, row, col, unit });
  const rows = layout.sheet.rows;
  for (let r = layout.headerRow; r < rows.length; r++) {
    const cells = rows[r] ?? [];
    const row = r + 1;
    const unit = normalizeName(cellText(cells[layout.unitCol - 1] ?? null));
    const eff = readDate(cells[layout.effectiveCol - 1] ?? null);
    const pub = readDate(cells[layout.publishedCol - 1] ?? null);
    if (unit === "") {
      if (eff.state === "missing" && pub.state === "missing") continue;
      findings.push({
        kind: "invalid",
        ...at(row, layout.unitCol, undefined),
        message: findingMessage("invalid", "台账行缺少单位名称"),
      });
      continue;
    }
    if (!unitKeys.has(unit)) {
      findings.push({
        kind: "warning",
        sheet,
        row,
        unit,
        message: `台账第 ${row} 行的单位“${unit}”不在考核表中，未计入`,
      });
      continue;
    }
    const own = ofUnit(unit);
    if (eff.state === "present" && yearOf(eff.day) !== rulebook.year) {
      own.push({
        kind: "warning",
        sheet,
        row,
        unit,
        message: `台账第 ${row} 行生效日期 ${formatDay(eff.day)} 不在 ${rulebook.year} 年度内，未计入`,
      });
      continue;
    }
    const c = counts.get(unit) ?? { due: 0, onTime: 0, lateRows: [] };
    counts.set(unit, c);
    c.due += 1;
    let onTime = false;
    if (eff.state === "missing") {
      own.push({
        kind: "missing",
        ...at(row, layout.effectiveCol, unit),
        message: findingMessage("missing", "生效日期（按逾期计）"),
      });
    } else if (eff.state === "invalid") {
      own.push({
        kind: "invalid",
        ...at(row, layout.effectiveCol, unit),
        message: findingMessage("invalid", `生效日期，${eff.reason}（按逾期计）`),
      });
    }
    if (pub.state === "missing") {
      own.push({
        kind: "missing",
        ...at(row, layout.publishedCol, unit),
        message: findingMessage("missing", "公示日期（未公示，按逾期计）"),
      });
    } else if (pub.state === "invalid") {
      own.push({
        kind: "invalid",
        ...at(row, layout.publishedCol, unit),
        message: findingMessage("invalid", `公示日期，${pub.reason}（按逾期计）`),
      });
    } else if (eff.state === "present" && pub.day < eff.day) {
      own.push({
        kind: "invalid",
        ...at(row, layout.publishedCol, unit),
        message: findingMessage(
          "invalid",
          `公示日期 ${formatDay(pub.day)} 早于生效日期 ${formatDay(eff.day)}（按逾期计）`,
        ),
      });
    } else if (eff.state === "present") {
      let deadline: Day | null = null;
      try {
        deadline = workingDays.deadline(eff.day, days);
      } catch (e) {
        if (!(e instanceof UncoveredYear)) throw e;
        own.push({
          kind: "invalid",
          ...at(row, layout.effectiveCol, unit),
          message: findingMessage("invalid", `节假日日历未覆盖 ${e.year} 年，无法计算公示期限（按逾期计）`),
        });
      }
      onTime = deadline !== null && pub.day <= deadline;
    }
    if (onTime) c.onTime += 1;
    else c.lateRows.push(row);
  }
  for (const [unit, list] of byUnit) if (list.length === 0) byUnit.delete(unit);
  return { sheet, counts, findings, byUnit };
}
