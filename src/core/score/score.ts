// Units' readings → leaves, 不适用 policy, indicators, bonus, total, rank, findings (rules-2020.md).
import type { Settings } from "../../rules/settings";
import type { Rulebook } from "../../rules/types";
import { fromNumber, formatCents, pointsToCents, roundHalfUp, toCents } from "../exact";
import type { Finding } from "../model";
import type { LedgerResult } from "../read/ledger";
import type { UnitRecord } from "../read/units";
import { type LeafOutcome, scoreLeaf } from "./leaves";

export interface UnitResult {
  readonly record: UnitRecord;
  /** leaf id → hundredths, after the 不适用 policy. */
  readonly leaves: ReadonlyMap<string, number>;
  readonly notApplicable: readonly string[];
  readonly explanations: ReadonlyMap<string, string>;
  /** indicator id → hundredths. */
  readonly indicators: ReadonlyMap<string, number>;
  readonly bonus: number;
  readonly bonusExplain: string;
  readonly total: number;
  readonly rank: number;
  /** Findings on this unit's row, by column. */
  readonly findings: readonly Finding[];
}

interface Draft {
  record: UnitRecord;
  outcomes: Map<string, LeafOutcome>;
  bonus: number;
  bonusExplain: string;
  findings: Finding[];
}

function scoreBonus(rulebook: Rulebook, settings: Settings, d: Draft): void {
  const entered = d.record.fields.get(rulebook.bonus.field);
  const reason = d.record.fields.get(rulebook.bonus.reasonField);
  const r = entered?.reading;
  if (!r || r.state !== "present" || !r.amount || r.amount.n === 0n) {
    d.bonusExplain = r?.state === "invalid" ? "创新加分有误，记 0 分" : "无创新加分";
    return;
  }
  if (reason?.reading.state !== "present") {
    d.bonusExplain = `创新加分 ${formatCents(toCents(r.amount))} 分缺少加分事由，记 0 分`;
    return;
  }
  const cap = fromNumber(settings.bonusCap);
  const over = r.amount.n * cap.d > cap.n * r.amount.d;
  const cents = toCents(over ? cap : r.amount);
  d.bonus = cents;
  d.bonusExplain = over
    ? `创新加分 ${formatCents(toCents(r.amount))} 分，超过上限 ${formatCents(toCents(cap))} 分，按上限记 ${formatCents(cents)} 分`
    : `创新加分 ${formatCents(cents)} 分（上限 ${formatCents(toCents(cap))} 分）`;
  if (over) {
    d.findings.push({
      kind: "warning",
      field: rulebook.bonus.field,
      row: d.record.row,
      col: entered?.col,
      unit: d.record.key,
      message: `创新加分 ${formatCents(toCents(r.amount))} 分超过上限 ${formatCents(toCents(cap))} 分，按上限计`,
    });
  }
}

/** 1, 2, 2, 4: equal totals share a rank and the next rank skips (并列). Returns units in ranking order. */
export function rankOrder<T extends { total: number; record: UnitRecord }>(
  units: readonly T[],
): { unit: T; rank: number }[] {
  const order = units
    .map((u, i) => ({ u, i }))
    .sort((a, b) => {
      if (b.u.total !== a.u.total) return b.u.total - a.u.total;
      // within a tie: Annex 1 order, then units off the roster in sheet order
      const ra = a.u.record.rosterIndex < 0 ? Infinity : a.u.record.rosterIndex;
      const rb = b.u.record.rosterIndex < 0 ? Infinity : b.u.record.rosterIndex;
      if (ra !== rb) return ra - rb;
      return a.i - b.i;
    });
  const out: { unit: T; rank: number }[] = [];
  order.forEach(({ u }, pos) => {
    const prev = out[pos - 1];
    out.push({ unit: u, rank: prev && prev.unit.total === u.total ? prev.rank : pos + 1 });
  });
  return out;
}

export interface ScoreInput {
  readonly rulebook: Rulebook;
  readonly settings: Settings;
  readonly units: readonly UnitRecord[];
  readonly ledger: LedgerResult | null;
}

/** Scores every unit; returns them in ranking order. */
export function scoreUnits({ rulebook, settings, units, ledger }: ScoreInput): UnitResult[] {
  const drafts: Draft[] = units.map((record) => {
    const outcomes = new Map<string, LeafOutcome>();
    const ledgerCount = ledger ? (ledger.counts.get(record.key) ?? { due: 0, onTime: 0, lateRows: [] }) : null;
    for (const leaf of rulebook.leaves) {
      outcomes.set(leaf.id, scoreLeaf(leaf, { fields: record.fields, ledger: ledgerCount, done: outcomes, settings }));
    }
    const d: Draft = { record, outcomes, bonus: 0, bonusExplain: "", findings: [...record.findings] };
    scoreBonus(rulebook, settings, d);
    return d;
  });

  // 不适用 policy: full marks, zero, or the mean of the leaf's rounded scores over units where it applies.
  const naScore = new Map<string, { cents: number; how: string }>();
  for (const leaf of rulebook.leaves) {
    const max = pointsToCents(leaf.max);
    if (settings.naPolicy === "full") naScore.set(leaf.id, { cents: max, how: `按设置记满分 ${formatCents(max)} 分` });
    else if (settings.naPolicy === "zero") naScore.set(leaf.id, { cents: 0, how: "按设置记 0 分" });
    else {
      const applying = drafts
        .map((d) => d.outcomes.get(leaf.id)?.cents)
        .filter((c): c is number => c !== null && c !== undefined);
      const cents = applying.length
        ? Number(roundHalfUp(BigInt(applying.reduce((a, b) => a + b, 0)), BigInt(applying.length)))
        : max;
      naScore.set(leaf.id, {
        cents,
        how: applying.length
          ? `按设置记适用单位（${applying.length} 家）平均分 ${formatCents(cents)} 分`
          : `无适用单位，记满分 ${formatCents(max)} 分`,
      });
    }
  }

  const scored = drafts.map((d) => {
    const leaves = new Map<string, number>();
    const explanations = new Map<string, string>();
    const notApplicable: string[] = [];
    for (const leaf of rulebook.leaves) {
      const o = d.outcomes.get(leaf.id) as LeafOutcome;
      if (o.cents === null) {
        const na = naScore.get(leaf.id) as { cents: number; how: string };
        notApplicable.push(leaf.id);
        leaves.set(leaf.id, na.cents);
        explanations.set(leaf.id, `${o.explain}：${na.how}`);
      } else {
        leaves.set(leaf.id, o.cents);
        explanations.set(leaf.id, o.explain);
      }
    }
    const indicators = new Map<string, number>(rulebook.indicators.map((i) => [i.id, 0]));
    for (const leaf of rulebook.leaves) {
      indicators.set(leaf.indicator, (indicators.get(leaf.indicator) ?? 0) + (leaves.get(leaf.id) ?? 0));
    }
    // Total = sum of the 17 rounded leaves + rounded bonus.
    let total = d.bonus;
    for (const c of leaves.values()) total += c;
    return { d, leaves, explanations, notApplicable, indicators, total, record: d.record };
  });

  // 第五条 自查自评与综合评定相结合: a large gap between 自评总分 and 总分 is worth a look.
  const gap = toCents(fromNumber(settings.selfGap));
  for (const s of scored) {
    const self = s.record.fields.get(rulebook.selfAssessment.field);
    const r = self?.reading;
    if (r && r.state === "present" && r.amount) {
      const selfCents = toCents(r.amount);
      if (Math.abs(selfCents - s.total) >= gap) {
        s.d.findings.push({
          kind: "warning",
          field: rulebook.selfAssessment.field,
          row: s.record.row,
          col: self.col,
          unit: s.record.key,
          message: `自评总分 ${formatCents(selfCents)} 与核定总分 ${formatCents(s.total)} 相差 ${formatCents(Math.abs(selfCents - s.total))} 分`,
        });
      }
    }
  }

  return rankOrder(scored).map(({ unit: s, rank }) => ({
    record: s.record,
    leaves: s.leaves,
    notApplicable: s.notApplicable,
    explanations: s.explanations,
    indicators: s.indicators,
    bonus: s.d.bonus,
    bonusExplain: s.d.bonusExplain,
    total: s.total,
    rank,
    findings: [...s.d.findings].sort((a, b) => (a.col ?? 0) - (b.col ?? 0)),
  }));
}
