// Units' readings → leaves, 不适用 policy, the office's adjustments, indicators, bonus, total, rank, findings
// (rules-2020.md). Scores are kept compactly (one table of numbers for all units, layout.ts); each unit reads its
// row of it and builds its explanations on demand (unit.ts).
import type { Settings } from "../../rules/settings";
import type { Rulebook } from "../../rules/types";
import { fromNumber, formatCents, mulDivHalfUp, pointsToCents, roundHalfUp, toCents } from "../exact";
import type { Finding } from "../model";
import type { LedgerResult } from "../read/ledger";
import { type AdjustmentResult, BONUS_ITEM } from "../read/adjustments";
import type { UnitRecord } from "../read/units";
import { flattened } from "../text";
import { leafCents, pointsOf } from "./leaves";
import { rankPositions } from "./rank";

import { type AppliedAdjustment, ScoredUnit, Scoring, type UnitResult, scoreBonus } from "./unit";
import { UNSCORED, ScoringInput } from "./layout";

export type { AppliedAdjustment, UnitResult } from "./unit";
export { adjustmentText } from "./unit";

const NONE: readonly string[] = Object.freeze([]);

export interface ScoreInput {
  readonly rulebook: Rulebook;
  readonly settings: Settings;
  readonly units: readonly UnitRecord[];
  readonly ledger: LedgerResult | null;
  /** A finding to add to a unit's own after them (they are in column order, this one comes last), or null. */
  readonly last?: (record: UnitRecord) => Finding | null;
  /** The office's decisions (核定调整), or null when the workbook has none. */
  readonly adjustments?: AdjustmentResult | null;
}

const NO_ADJUSTMENTS: readonly AppliedAdjustment[] = Object.freeze([]);

/** The 自评 gap in words (hundredths in): "自评总分 95 与总分 81.75 相差 13.25 分". */
export function selfGapText(self: number, total: number): string {
  return `自评总分 ${formatCents(self)} 与总分 ${formatCents(total)} 相差 ${formatCents(Math.abs(self - total))} 分`;
}

/** Scores every unit; returns them in ranking order. */
export function scoreUnits({ rulebook, settings, units, ledger, last, adjustments }: ScoreInput): UnitResult[] {
  const n = units.length;
  const s = new Scoring(rulebook, settings, ledger, n);
  const { layout, table, stride } = s;
  const defs = rulebook.leaves;
  const nLeaves = layout.leaves.size;
  const nIndicators = layout.indicators.size;

  // Each leaf as the rule scores it: hundredths, NaN when not applicable. Bonus and its warning beside.
  const input = new ScoringInput(settings, ledger !== null, layout, table);
  const points = defs.map(pointsOf);
  const bonus = new Float64Array(n);
  const extra: (Finding[] | null)[] = new Array<Finding[] | null>(n).fill(null);
  const warnings: Finding[] = [];
  for (let i = 0; i < n; i++) {
    const record = units[i];
    const base = i * stride;
    for (let slot = 0; slot < nLeaves; slot++) table[base + slot] = UNSCORED;
    input.fields = record.fields;
    input.ledger = s.ledgerCount(record.key);
    input.unreported = record.unreported;
    input.base = base;
    for (let d = 0; d < defs.length; d++) {
      const cents = leafCents(defs[d], input, points[d]);
      table[base + layout.leafSlot[d]] = cents === null ? NaN : cents;
    }
    bonus[i] = scoreBonus(s, record, null, warnings);
    if (warnings.length) {
      extra[i] = warnings.slice();
      warnings.length = 0;
    }
  }

  // 不适用 policy: full marks, zero, or the mean of the leaf's rounded scores over units where it applies.
  const naCents: number[] = [];
  for (let d = 0; d < defs.length; d++) {
    const leaf = defs[d];
    const slot = layout.leafSlot[d];
    const max = pointsToCents(leaf.max);
    if (settings.naPolicy === "full") {
      naCents[slot] = max;
      s.naHow[slot] = `按设置记满分 ${formatCents(max)} 分`;
    } else if (settings.naPolicy === "zero") {
      naCents[slot] = 0;
      s.naHow[slot] = "按设置记 0 分";
    } else if (settings.naPolicy === "scale") {
      naCents[slot] = 0;
      s.naHow[slot] = "按设置记 0 分，总分按适用细项满分折算为百分制";
    } else {
      let sum = 0;
      let applying = 0;
      for (let i = 0; i < n; i++) {
        const c = table[i * stride + slot];
        if (!Number.isNaN(c)) {
          sum += c;
          applying++;
        }
      }
      const cents = applying ? Number(roundHalfUp(BigInt(sum), BigInt(applying))) : max;
      naCents[slot] = cents;
      s.naHow[slot] = applying
        ? `按设置记适用单位（${applying} 家）平均分 ${formatCents(cents)} 分`
        : `无适用单位，记满分 ${formatCents(max)} 分`;
    }
  }

  // The policy applied, then the office's decisions (核定调整: after the policy, before the total; a decided leaf is no
  // longer 不适用); indicators and totals (total = sum of the 17 rounded leaves + rounded bonus; under `scale` the
  // leaf sum converted to 100 over the leaves that apply, rules-2020.md).
  const totals = new Float64Array(n);
  const notApplicable: (readonly string[])[] = new Array<readonly string[]>(n);
  const applied: (readonly AppliedAdjustment[])[] = new Array<readonly AppliedAdjustment[]>(n).fill(NO_ADJUSTMENTS);
  const scaled: ({ sum: number; applicableMax: number } | null)[] = new Array<{
    sum: number;
    applicableMax: number;
  } | null>(n).fill(null);
  const maxCents = layout.lastDef.map((l) => pointsToCents(l.max));
  const fullCents = maxCents.reduce((a, b) => a + b, 0);
  const scale = settings.naPolicy === "scale";
  // A unit's 不适用 leaves gathered in one reused list (its first `count` places), then copied to a list of exactly
  // their number.
  const na: string[] = [];
  for (let i = 0; i < n; i++) {
    const base = i * stride;
    const decided = adjustments?.byUnit.get(units[i].key);
    let count = 0;
    for (let d = 0; d < defs.length; d++) {
      if (Number.isNaN(table[base + layout.leafSlot[d]]) && !decided?.has(defs[d].id)) na[count++] = defs[d].id;
    }
    notApplicable[i] = count ? na.slice(0, count) : NONE;
    let naMax = 0;
    if (decided) {
      const list: AppliedAdjustment[] = [];
      for (let slot = 0; slot < nLeaves; slot++) {
        const adj = decided.get(layout.leaves.keys[slot]);
        if (!adj) continue;
        const raw = table[base + slot];
        const wasNotApplicable = Number.isNaN(raw);
        list.push({ ...adj, computed: wasNotApplicable ? naCents[slot] : raw, wasNotApplicable });
        table[base + slot] = adj.cents;
      }
      const bonusAdj = decided.get(BONUS_ITEM);
      if (bonusAdj) {
        list.push({ ...bonusAdj, computed: bonus[i], wasNotApplicable: false });
        bonus[i] = bonusAdj.cents;
      }
      applied[i] = list;
    }
    let sum = 0;
    for (let slot = 0; slot < nLeaves; slot++) {
      if (Number.isNaN(table[base + slot])) {
        table[base + slot] = naCents[slot];
        naMax += maxCents[slot];
      }
      sum += table[base + slot];
    }
    let total = sum + bonus[i];
    if (scale && naMax > 0) {
      const applicableMax = fullCents - naMax;
      scaled[i] = { sum, applicableMax };
      total = (applicableMax > 0 ? mulDivHalfUp(sum, fullCents, applicableMax) : 0) + bonus[i];
    }
    const ind = base + nLeaves;
    table.fill(0, ind, ind + nIndicators);
    for (let d = 0; d < defs.length; d++) table[ind + layout.indicatorSlot[d]] += table[base + layout.leafSlot[d]];
    totals[i] = total;
  }

  // 第五条 自查自评与综合评定相结合: a large gap between 自评总分 and 总分 is worth a look.
  const gap = toCents(fromNumber(settings.selfGap));
  for (let i = 0; i < n; i++) {
    const record = units[i];
    const self = record.fields.get(rulebook.selfAssessment.field);
    const r = self?.reading;
    if (r && r.state === "present" && r.amount) {
      const selfCents = toCents(r.amount);
      const total = totals[i];
      if (Math.abs(selfCents - total) >= gap) {
        (extra[i] ??= []).push({
          kind: "warning",
          field: rulebook.selfAssessment.field,
          row: record.row,
          col: self.col,
          unit: record.key,
          message: flattened(selfGapText(selfCents, total)),
        });
      }
    }
  }

  const { order, rank } = rankPositions(
    totals,
    units.map((u) => u.rosterIndex),
  );
  // A blank template ranks nothing (workbook.md "Units that have not reported").
  const ranked = units.some((u) => !u.unreported);
  const byCol = (a: Finding, b: Finding) => (a.col ?? 0) - (b.col ?? 0);
  return order.map((i, pos) => {
    const record = units[i];
    const own = record.findings;
    const more = extra[i];
    const after = last ? last(record) : null;
    const ledgerOwn = ledger?.byUnit.get(record.key);
    // Sorting is stable: findings already in column order stay as they are, and need no sort.
    let sorted = true;
    let prev: Finding | null = null;
    for (const f of own) {
      if (prev !== null && byCol(prev, f) > 0) sorted = false;
      prev = f;
    }
    if (more) {
      for (const f of more) {
        if (prev !== null && byCol(prev, f) > 0) sorted = false;
        prev = f;
      }
    }
    let findings: Finding[];
    if (sorted) {
      // A list of exactly their number (one grown a finding at a time keeps room for more).
      findings = new Array<Finding>(own.length + (more ? more.length : 0) + (after ? 1 : 0));
      let k = 0;
      for (const f of own) findings[k++] = f;
      if (more) for (const f of more) findings[k++] = f;
      if (after) findings[k++] = after;
    } else {
      findings = more ? [...own, ...more] : [...own];
      findings.sort(byCol);
      if (after) findings.push(after);
    }
    if (ledgerOwn) for (const f of ledgerOwn) findings.push(f);
    return new ScoredUnit(
      s,
      record,
      i * stride,
      notApplicable[i],
      bonus[i],
      totals[i],
      ranked ? rank[pos] : null,
      findings,
      applied[i],
      adjustments?.unapplied.get(record.key) ?? 0,
      scaled[i],
    );
  });
}
