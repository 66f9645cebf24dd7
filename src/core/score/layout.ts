// The rulebook's leaves and indicators as slots of one table of numbers for all units, and the scoring input that
// reads a unit's row of it while its leaves are scored.
import type { Settings } from "../../rules/settings";
import type { LeafDef, Rulebook } from "../../rules/types";
import { KeyIndex } from "../keyed";
import type { LedgerCount } from "../read/ledger";
import type { FieldValue } from "../read/units";
import type { LeafInput } from "./leaves";

/** A leaf slot not scored yet (a scored leaf is a whole number of hundredths, or NaN when not applicable). */
export const UNSCORED = -Infinity;

/** The rulebook's leaves and indicators as slots of the score table, worked out once per rulebook. */
export interface LeafLayout {
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
export function leafLayout(rulebook: Rulebook): LeafLayout {
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
export class ScoringInput implements LeafInput {
  fields: ReadonlyMap<string, FieldValue> = new Map();
  ledger: LedgerCount | null = null;
  unreported = false;
  base = 0;
  constructor(
    readonly settings: Settings,
    readonly ledgerSheet: boolean,
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
