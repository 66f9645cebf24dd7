// The rulebook's open choices (rules-2020.md "Settings and their defaults"): named, documented, never literals in code.

/** 八: how a part of a 10-point step below 80% counts. ceil: any part is a step (79% → −1); floor: whole steps only
 * (79% → 0); prorata: 0.1 point per percentage point (75% → −0.5). */
export type StepsPolicy = "ceil" | "floor" | "prorata";
/** A leaf whose denominator is 0: full marks, zero, or the mean of the leaf over units where it applies. */
export type NotApplicablePolicy = "full" | "zero" | "average";

export interface Settings {
  readonly naPolicy: NotApplicablePolicy;
  readonly steps: StepsPolicy;
  /** 创新加分 is capped at this many points (≥ 0). */
  readonly bonusCap: number;
  /** Warn when 自评总分 and 总分 differ by this many points or more. */
  readonly selfGap: number;
}

export const DEFAULT_SETTINGS: Settings = Object.freeze({
  naPolicy: "full",
  steps: "ceil",
  bonusCap: 10,
  selfGap: 5,
});

export const NA_POLICIES: readonly NotApplicablePolicy[] = ["full", "zero", "average"];
export const STEPS_POLICIES: readonly StepsPolicy[] = ["ceil", "floor", "prorata"];

/** Checks settings from outside (command line, workbook): returns the Chinese reason when one is wrong. */
export function settingsProblem(s: Settings): string | null {
  if (!NA_POLICIES.includes(s.naPolicy))
    return `不适用处理方式应为 ${NA_POLICIES.join("、")} 之一，而不是“${s.naPolicy}”`;
  if (!STEPS_POLICIES.includes(s.steps))
    return `第八项扣分方式应为 ${STEPS_POLICIES.join("、")} 之一，而不是“${s.steps}”`;
  if (!Number.isFinite(s.bonusCap) || s.bonusCap < 0) return `加分上限应为不小于 0 的数，而不是“${s.bonusCap}”`;
  if (!Number.isFinite(s.selfGap) || s.selfGap < 0) return `自评差距应为不小于 0 的数，而不是“${s.selfGap}”`;
  return null;
}
