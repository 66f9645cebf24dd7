// The rulebook's open choices (rules-2020.md "Settings and their defaults"): named, documented, never literals in code.

/** 八: how a part of a 10-point step below 80% counts. ceil: any part is a step (79% → −1); floor: whole steps only
 * (79% → 0); prorata: 0.1 point per percentage point (75% → −0.5). */
export type StepsPolicy = "ceil" | "floor" | "prorata";
/** A leaf whose denominator is 0: full marks, zero, the mean of the leaf over units where it applies, or 0 with the
 * unit's leaf sum converted to 100 over the leaves that apply (按比例折算). */
export type NotApplicablePolicy = "full" | "zero" | "average" | "scale";

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

export const NA_POLICIES: readonly NotApplicablePolicy[] = ["full", "zero", "average", "scale"];

/** The policies in the office's words (workbook.md, the ranking's 注). */
export const NA_POLICY_WORDS: Readonly<Record<NotApplicablePolicy, string>> = {
  full: "不适用项记满分",
  zero: "不适用项记 0 分",
  average: "不适用项按平均分计",
  scale: "不适用项按比例折算",
};
export const STEPS_POLICIES: readonly StepsPolicy[] = ["ceil", "floor", "prorata"];

/** 八's partial steps in the office's words. */
export const STEPS_WORDS: Readonly<Record<StepsPolicy, string>> = {
  ceil: "第八项差额不足 10 个百分点的也按 10 个百分点扣分",
  floor: "第八项差额不足 10 个百分点的不扣分",
  prorata: "第八项差额不足 10 个百分点的按比例扣分",
};

/** The settings in words, for every output that shows a ranking ("不适用项记满分；第八项差额不足 10 个百分点的也按 10 个百分点扣分；…"). */
export function settingsInWords(s: Settings): string {
  return `${NA_POLICY_WORDS[s.naPolicy]}；${STEPS_WORDS[s.steps]}；创新加分上限 ${s.bonusCap} 分；自评总分与总分相差 ${s.selfGap} 分及以上时提示`;
}

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
