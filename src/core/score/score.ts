// Units' readings → leaves, 不适用 policy, indicators, bonus, total, rank, findings (rules-2020.md).
// Scores are kept compactly (one table of numbers for all units); the Chinese explanations are not kept at all but
// built on demand from the same readings by the same code (UnitResult.explain), so they cost nothing on a large
// sheet until someone reads them.
import type { Settings } from "../../rules/settings";
import type { LeafDef, Rulebook } from "../../rules/types";
import { type Rational, fromNumber, formatCents, pointsToCents, roundHalfUp, toCents } from "../exact";
import { KeyIndex, TableMap } from "../keyed";
import type { Finding } from "../model";
import type { LedgerCount, LedgerResult } from "../read/ledger";
import type { FieldValue, UnitRecord } from "../read/units";
import { flattened } from "../text";
import { type LeafInput, leafCents, pointsOf, scoreLeaf } from "./leaves";
import { rankPositions } from "./rank";

export interface UnitResult {
  readonly record: UnitRecord;
  /** leaf id → hundredths, after the 不适用 policy. */
  readonly leaves: ReadonlyMap<string, number>;
  readonly notApplicable: readonly string[];
  /** indicator id → hundredths. */
  readonly indicators: ReadonlyMap<string, number>;
  readonly bonus: number;
  readonly total: number;
  readonly rank: number;
  /** Findings on this unit's row, by column. */
  readonly findings: readonly Finding[];
  /** How the leaf's score came about, in Chinese; undefined when no leaf has this id. Built on each call, not kept. */
  explain(leafId: string): string | undefined;
  /** How the bonus came about, in Chinese. Built on each call, not kept. */
  explainBonus(): string;
}

/** The ledger counts of a unit with no ledger rows. */
const NO_ROWS: LedgerCount = Object.freeze({ due: 0, onTime: 0, lateRows: [] });
const NONE: readonly string[] = Object.freeze([]);
/** A leaf slot not scored yet (a scored leaf is a whole number of hundredths, or NaN when not applicable). */
const UNSCORED = -Infinity;

/** Where an explanation goes when one is wanted. */
interface Why {
  text: string;
}

/** The rulebook's leaves and indicators as slots of the score table, worked out once per rulebook. */
interface LeafLayout {
  readonly leaves: KeyIndex;
  /** Indicator ids, then any indicator a leaf names that the rulebook does not list (as a Map would grow). */
  readonly indicators: KeyIndex;
  /** Per leaf definition, in rulebook order: its slot and its indicator's slot. */
  readonly leafSlot: readonly number[];
  readonly indicatorSlot: readonly number[];
  /** Per leaf slot: the definition that decides it (the last one with that id) and its position in the rulebook. */
  readonly lastDef: readonly LeafDef[];
  readonly lastPos: readonly number[];
  /** Per leaf slot: the position of the first definition with that id. */
  readonly firstPos: readonly number[];
}

const LAYOUTS = new WeakMap<Rulebook, LeafLayout>();
function leafLayout(rulebook: Rulebook): LeafLayout {
  let layout = LAYOUTS.get(rulebook);
  if (layout) return layout;
  const leaves = new KeyIndex(rulebook.leaves.map((l) => l.id));
  const indicators = new KeyIndex([
    ...rulebook.indicators.map((i) => i.id),
    ...rulebook.leaves.map((l) => l.indicator),
  ]);
  const lastDef: LeafDef[] = [];
  const lastPos: number[] = [];
  const firstPos: number[] = [];
  rulebook.leaves.forEach((l, pos) => {
    const slot = leaves.slot(l.id);
    lastDef[slot] = l;
    lastPos[slot] = pos;
    firstPos[slot] ??= pos;
  });
  layout = {
    leaves,
    indicators,
    leafSlot: rulebook.leaves.map((l) => leaves.slot(l.id)),
    indicatorSlot: rulebook.leaves.map((l) => indicators.slot(l.indicator)),
    lastDef,
    lastPos,
    firstPos,
  };
  LAYOUTS.set(rulebook, layout);
  return layout;
}

/** Reads a unit's leaves as they are being scored: the table row filled so far. */
class ScoringInput implements LeafInput {
  fields: ReadonlyMap<string, FieldValue> = new Map();
  ledger: LedgerCount | null = null;
  base = 0;
  constructor(
    readonly settings: Settings,
    private readonly layout: LeafLayout,
    private readonly table: Float64Array,
  ) {}
  done(leafId: string): number | null | undefined {
    const slot = this.layout.leaves.slot(leafId);
    if (slot < 0) return undefined;
    const v = this.table[this.base + slot];
    return v === UNSCORED ? undefined : Number.isNaN(v) ? null : v;
  }
}

/** Reads a scored unit's leaves as they stood when the leaf at `pos` was scored (for its explanation). */
class ExplainInput implements LeafInput {
  fields: ReadonlyMap<string, FieldValue> = new Map();
  ledger: LedgerCount | null = null;
  unit: ScoredUnit | null = null;
  pos = 0;
  constructor(
    readonly settings: Settings,
    private readonly layout: LeafLayout,
  ) {}
  done(leafId: string): number | null | undefined {
    const slot = this.layout.leaves.slot(leafId);
    const u = this.unit;
    if (slot < 0 || u === null || this.layout.firstPos[slot] >= this.pos) return undefined;
    return u.notApplicable.includes(leafId) ? null : u.leaves.get(leafId);
  }
}

/** What every unit of one assessment shares: the rulebook, settings, ledger, the 不适用 outcome per leaf. */
class Scoring {
  readonly layout: LeafLayout;
  readonly stride: number;
  readonly table: Float64Array;
  /** Per leaf slot: how the 不适用 policy scored it. */
  readonly naHow: string[] = [];
  readonly cap: Rational;
  private readonly explaining: ExplainInput;
  constructor(
    readonly rulebook: Rulebook,
    readonly settings: Settings,
    readonly ledger: LedgerResult | null,
    units: number,
  ) {
    this.layout = leafLayout(rulebook);
    this.stride = this.layout.leaves.size + this.layout.indicators.size;
    this.table = new Float64Array(units * this.stride);
    this.cap = fromNumber(settings.bonusCap);
    this.explaining = new ExplainInput(settings, this.layout);
  }
  ledgerCount(key: string): LedgerCount | null {
    return this.ledger ? (this.ledger.counts.get(key) ?? NO_ROWS) : null;
  }
  explain(u: ScoredUnit, leafId: string): string | undefined {
    const slot = this.layout.leaves.slot(leafId);
    if (slot < 0) return undefined;
    const input = this.explaining;
    input.fields = u.record.fields;
    input.ledger = this.ledgerCount(u.record.key);
    input.unit = u;
    input.pos = this.layout.lastPos[slot];
    const o = scoreLeaf(this.layout.lastDef[slot], input);
    input.unit = null;
    return o.cents === null ? flattened(`${o.explain}：${this.naHow[slot]}`) : o.explain;
  }
  explainBonus(u: ScoredUnit): string {
    const w: Why = { text: "" };
    scoreBonus(this, u.record, w, null);
    return flattened(w.text);
  }
}

class ScoredUnit implements UnitResult {
  readonly leaves: TableMap;
  readonly indicators: TableMap;
  constructor(
    private readonly scoring: Scoring,
    readonly record: UnitRecord,
    offset: number,
    readonly notApplicable: readonly string[],
    readonly bonus: number,
    readonly total: number,
    readonly rank: number,
    readonly findings: readonly Finding[],
  ) {
    const { leaves, indicators } = scoring.layout;
    this.leaves = new TableMap(leaves, scoring.table, offset);
    this.indicators = new TableMap(indicators, scoring.table, offset + leaves.size);
  }
  explain(leafId: string): string | undefined {
    return this.scoring.explain(this, leafId);
  }
  explainBonus(): string {
    return this.scoring.explainBonus(this);
  }
}

/** The bonus in hundredths; the explanation into `w` and the over-cap warning into `warnings` when given. */
function scoreBonus(s: Scoring, record: UnitRecord, w: Why | null, warnings: Finding[] | null): number {
  const rulebook = s.rulebook;
  const entered = record.fields.get(rulebook.bonus.field);
  const r = entered?.reading;
  if (!r || r.state !== "present" || !r.amount || r.amount.n === 0n) {
    if (w) w.text = r?.state === "invalid" ? "创新加分有误，记 0 分" : "无创新加分";
    return 0;
  }
  const reason = record.fields.get(rulebook.bonus.reasonField);
  if (reason?.reading.state !== "present") {
    if (w) w.text = `创新加分 ${formatCents(toCents(r.amount))} 分缺少加分事由，记 0 分`;
    return 0;
  }
  const cap = s.cap;
  const over = r.amount.n * cap.d > cap.n * r.amount.d;
  const cents = toCents(over ? cap : r.amount);
  if (w) {
    w.text = over
      ? `创新加分 ${formatCents(toCents(r.amount))} 分，超过上限 ${formatCents(toCents(cap))} 分，按上限记 ${formatCents(cents)} 分`
      : `创新加分 ${formatCents(cents)} 分（上限 ${formatCents(toCents(cap))} 分）`;
  }
  if (over && warnings) {
    warnings.push({
      kind: "warning",
      field: rulebook.bonus.field,
      row: record.row,
      col: entered?.col,
      unit: record.key,
      message: flattened(
        `创新加分 ${formatCents(toCents(r.amount))} 分超过上限 ${formatCents(toCents(cap))} 分，按上限计`,
      ),
    });
  }
  return cents;
}

export interface ScoreInput {
  readonly rulebook: Rulebook;
  readonly settings: Settings;
  readonly units: readonly UnitRecord[];
  readonly ledger: LedgerResult | null;
  /** A finding to add to a unit's own after them (they are in column order, this one comes last), or null. */
  readonly last?: (record: UnitRecord) => Finding | null;
}

/** Scores every unit; returns them in ranking order. */
export function scoreUnits({ rulebook, settings, units, ledger, last }: ScoreInput): UnitResult[] {
  const n = units.length;
  const s = new Scoring(rulebook, settings, ledger, n);
  const { layout, table, stride } = s;
  const defs = rulebook.leaves;
  const nLeaves = layout.leaves.size;
  const nIndicators = layout.indicators.size;

  // Each leaf as the rule scores it: hundredths, NaN when not applicable. Bonus and its warning beside.
  const input = new ScoringInput(settings, layout, table);
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

  // The policy applied; indicators and totals (total = sum of the 17 rounded leaves + rounded bonus).
  const totals = new Float64Array(n);
  const notApplicable: (readonly string[])[] = new Array<readonly string[]>(n);
  // A unit's 不适用 leaves gathered in one reused list (its first `count` places), then copied to a list of exactly
  // their number.
  const na: string[] = [];
  for (let i = 0; i < n; i++) {
    const base = i * stride;
    let count = 0;
    for (let d = 0; d < defs.length; d++) {
      if (Number.isNaN(table[base + layout.leafSlot[d]])) na[count++] = defs[d].id;
    }
    notApplicable[i] = count ? na.slice(0, count) : NONE;
    let total = bonus[i];
    for (let slot = 0; slot < nLeaves; slot++) {
      if (Number.isNaN(table[base + slot])) table[base + slot] = naCents[slot];
      total += table[base + slot];
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
          message: flattened(
            `自评总分 ${formatCents(selfCents)} 与核定总分 ${formatCents(total)} 相差 ${formatCents(Math.abs(selfCents - total))} 分`,
          ),
        });
      }
    }
  }

  const { order, rank } = rankPositions(
    totals,
    units.map((u) => u.rosterIndex),
  );
  const byCol = (a: Finding, b: Finding) => (a.col ?? 0) - (b.col ?? 0);
  return order.map((i, pos) => {
    const record = units[i];
    const own = record.findings;
    const more = extra[i];
    const after = last ? last(record) : null;
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
    return new ScoredUnit(s, record, i * stride, notApplicable[i], bonus[i], totals[i], rank[pos], findings);
  });
}
