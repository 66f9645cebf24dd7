// One unit's result: its scores read from the shared table, and its explanations built on demand from the same
// readings by the same code (so they cost nothing on a large sheet until someone reads them), the office's
// adjustments (核定调整) in their place.
import type { Settings } from "../../rules/settings";
import type { Rulebook } from "../../rules/types";
import { type Rational, fromNumber, formatCents, toCents } from "../exact";
import { TableMap } from "../keyed";
import type { Finding } from "../model";
import type { LedgerCount, LedgerResult } from "../read/ledger";
import { type Adjustment, BONUS_ITEM } from "../read/adjustments";
import type { FieldValue, UnitRecord } from "../read/units";
import { flattened } from "../text";
import { type LeafInput, scoreLeaf } from "./leaves";
import { type LeafLayout, leafLayout } from "./layout";

export interface UnitResult {
  readonly record: UnitRecord;
  /** leaf id → hundredths, after the 不适用 policy. */
  readonly leaves: ReadonlyMap<string, number>;
  readonly notApplicable: readonly string[];
  /** indicator id → hundredths. */
  readonly indicators: ReadonlyMap<string, number>;
  readonly bonus: number;
  readonly total: number;
  /** null when nothing is ranked: no unit has reported (a blank template). */
  readonly rank: number | null;
  /** Findings on this unit's row, by column, then those on its ledger rows (in row order). */
  readonly findings: readonly Finding[];
  /** The office's decisions applied to this unit (核定调整), in item order. */
  readonly adjustments: readonly AppliedAdjustment[];
  /** Rows of 核定调整 naming this unit that were not applied (each has a finding there). */
  readonly unappliedAdjustments: number;
  /** Under the `scale` policy, for a unit with a 不适用 leaf: its leaf sum and the max of the leaves that apply, in
   * hundredths; null otherwise. */
  readonly scaled: { readonly sum: number; readonly applicableMax: number } | null;
  /** How the leaf's score came about, in Chinese; undefined when no leaf has this id. Built on each call, not kept. */
  explain(leafId: string): string | undefined;
  /** How the bonus came about, in Chinese. Built on each call, not kept. */
  explainBonus(): string;
}

/** An applied 核定调整 row with the value it replaced. */
export interface AppliedAdjustment extends Adjustment {
  /** The item's value without the adjustment, under the policy in force (hundredths). */
  readonly computed: number;
  /** Whether the leaf was 不适用 before the office decided it. */
  readonly wasNotApplicable: boolean;
}

/** Where an explanation goes when one is wanted. */
interface Why {
  text: string;
}

/** Reads a scored unit's leaves as they stood when the leaf at `pos` was scored (for its explanation). */
class ExplainInput implements LeafInput {
  fields: ReadonlyMap<string, FieldValue> = new Map();
  ledger: LedgerCount | null = null;
  unreported = false;
  unit: ScoredUnit | null = null;
  pos = 0;
  constructor(
    readonly settings: Settings,
    readonly ledgerSheet: boolean,
    private readonly layout: LeafLayout,
  ) {}
  done(leafId: string): number | null | undefined {
    const slot = this.layout.leaves.slot(leafId);
    const u = this.unit;
    if (slot < 0 || u === null || this.layout.firstPos[slot] >= this.pos) return undefined;
    // The computed value: a leaf following another follows what was computed, never the office's adjustment.
    const adjusted = u.adjustments.find((x) => x.item === leafId);
    if (adjusted) return adjusted.wasNotApplicable ? null : adjusted.computed;
    return u.notApplicable.includes(leafId) ? null : u.leaves.get(leafId);
  }
}

/** "核定 X 分（计算得 Y 分）：理由（核定人，日期）" */
export function adjustmentText(a: AppliedAdjustment): string {
  const who = [a.by, a.date].filter((x): x is string => x !== undefined).join("，");
  return flattened(
    `核定 ${formatCents(a.cents)} 分（计算得 ${formatCents(a.computed)} 分）：${a.reason}${who ? `（${who}）` : ""}`,
  );
}

/** What every unit of one assessment shares: the rulebook, settings, ledger, the 不适用 outcome per leaf. */
export class Scoring {
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
    this.explaining = new ExplainInput(settings, ledger !== null, this.layout);
  }
  ledgerCount(key: string): LedgerCount | null {
    return this.ledger?.counts.get(key) ?? null;
  }
  explain(u: ScoredUnit, leafId: string): string | undefined {
    const slot = this.layout.leaves.slot(leafId);
    if (slot < 0) return undefined;
    const adjusted = u.adjustments.find((x) => x.item === leafId);
    if (adjusted) return adjustmentText(adjusted);
    const input = this.explaining;
    input.fields = u.record.fields;
    input.ledger = this.ledgerCount(u.record.key);
    input.unreported = u.record.unreported;
    input.unit = u;
    input.pos = this.layout.lastPos[slot];
    const o = scoreLeaf(this.layout.lastDef[slot], input);
    input.unit = null;
    return o.cents === null ? flattened(`${o.explain}：${this.naHow[slot]}`) : o.explain;
  }
  explainBonus(u: ScoredUnit): string {
    const adjusted = u.adjustments.find((x) => x.item === BONUS_ITEM);
    if (adjusted) return adjustmentText(adjusted);
    const w: Why = { text: "" };
    scoreBonus(this, u.record, w, null);
    return flattened(w.text);
  }
}

export class ScoredUnit implements UnitResult {
  readonly leaves: TableMap;
  readonly indicators: TableMap;
  constructor(
    private readonly scoring: Scoring,
    readonly record: UnitRecord,
    offset: number,
    readonly notApplicable: readonly string[],
    readonly bonus: number,
    readonly total: number,
    readonly rank: number | null,
    readonly findings: readonly Finding[],
    readonly adjustments: readonly AppliedAdjustment[],
    readonly unappliedAdjustments: number,
    readonly scaled: { readonly sum: number; readonly applicableMax: number } | null,
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
export function scoreBonus(s: Scoring, record: UnitRecord, w: Why | null, warnings: Finding[] | null): number {
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
