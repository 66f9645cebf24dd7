import type { HolidayCalendar } from "./calendar-cn";

// What a rulebook is: indicators, leaves with their rule kinds, evidence fields with headers, aliases and kinds.
// A new year's 考核办法 is a new data file of this shape (plus, at most, a new rule kind in core/score/leaves.ts).

export type FieldKind = "text" | "evidence" | "yesno" | "count" | "number";

export interface FieldDef {
  /** The canonical header, also the field's id in findings and reports (e.g. 联络员). */
  readonly id: string;
  readonly aliases: readonly string[];
  readonly kind: FieldKind;
  /** always: a blank cell is missing evidence; optional: never required (still flagged when invalid). */
  readonly required: "always" | "optional";
  /** Required only when this whole is a valid number > 0, and invalid when greater than it (已报送 ≤ 应报送). */
  readonly partOf?: string;
  /** Required only when this yes/no field says yes (目录完整 when 目录盖章确认). */
  readonly requiredWhenYes?: string;
  /** Required only when this number field is > 0 (加分事由 when 创新加分). */
  readonly requiredWhenPositive?: string;
  /** Not required (only compared) when the workbook has the ledger sheet that replaces it (3.4). */
  readonly replacedByLedger?: boolean;
  /** Filled by the office, not by the unit (workbook.md: 双公示台账's verdict, absences, the bonus): left off the
   * units' forms, and not looked at when telling whether a unit has reported (尚未填报). Default: the unit. */
  readonly filledBy?: "office";
}

export type Rule =
  /** 一/二: pointsEach per field whose evidence is present (少1项扣1分). */
  | { readonly kind: "perPresent"; readonly fields: readonly string[]; readonly pointsEach: number }
  /** 三.1: stamped and complete → both; stamped only → stampedOnly; not stamped → 0. */
  | {
      readonly kind: "stampedComplete";
      readonly stamped: string;
      readonly complete: string;
      readonly both: number;
      readonly stampedOnly: number;
    }
  /** max × min(1, part ÷ whole); a whole of 0 is not applicable. follows: when the whole is missing, invalid or 0,
   * this leaf is not applicable exactly when that leaf is, else 0 (三.3 follows 三.2). */
  | { readonly kind: "ratio"; readonly part: string; readonly whole: string; readonly follows?: string }
  /** 三.4: max × (published within N working days ÷ all to publish), from the ledger sheet when it exists,
   * else from the part/whole count columns. */
  | {
      readonly kind: "ledgerTimeliness";
      readonly part: string;
      readonly whole: string;
      readonly workingDays: number;
    }
  /** 三.5/四.1: full marks when the evidence is present. */
  | { readonly kind: "present"; readonly field: string }
  /** 五/六/七/九: pointsEach per item counted, at most max. */
  | {
      readonly kind: "perCount";
      readonly field: string;
      readonly pointsEach: number;
      /** How the explanation names what is counted, and its measure word (信用承诺 … 项). */
      readonly label: string;
      readonly unit: string;
    }
  /** 八: rate = part ÷ whole; at or above thresholdPct full marks; below, pointsPerStep off per stepPct short
   * (how a part of a step counts is the `steps` setting); a whole of 0 is not applicable. */
  | {
      readonly kind: "rateSteps";
      readonly part: string;
      readonly whole: string;
      readonly thresholdPct: number;
      readonly stepPct: number;
      readonly pointsPerStep: number;
    }
  /** 十: max − pointsEach per count, floor 0; missing or invalid scores 0. */
  | {
      readonly kind: "deductPerCount";
      readonly field: string;
      readonly pointsEach: number;
      readonly label: string;
      readonly unit: string;
    };

export interface LeafDef {
  readonly id: string;
  readonly name: string;
  readonly indicator: string;
  readonly max: number;
  readonly rule: Rule;
}

export interface IndicatorDef {
  readonly id: string;
  readonly name: string;
  readonly max: number;
  /** The score column's header (workbook.md "What is written back"). */
  readonly column: string;
}

export interface LedgerDef {
  readonly sheet: string;
  readonly unit: readonly string[];
  readonly effective: readonly string[];
  readonly published: readonly string[];
  readonly category: readonly string[];
  readonly docNo: readonly string[];
}

/** The office's judgement sheet (workbook.md "The office's judgement: 核定调整"): its name and each column's headers. */
export interface AdjustmentDef {
  readonly sheet: string;
  readonly unit: readonly string[];
  readonly item: readonly string[];
  readonly score: readonly string[];
  readonly reason: readonly string[];
  readonly by: readonly string[];
  readonly date: readonly string[];
  /** How the bonus is named as an item (加分, 创新加分). */
  readonly bonusItems: readonly string[];
}

export interface Rulebook {
  readonly id: string;
  readonly title: string;
  /** The assessment year: ledger rows effective outside it are left out. */
  readonly year: number;
  /** Working days for deadlines (三.4): the State Council notices covering the year and the one after it. */
  readonly calendar: HolidayCalendar;
  readonly assessmentSheet: string;
  readonly rankingSheet: string;
  readonly rankingTitle: string;
  readonly unitField: FieldDef;
  readonly fields: readonly FieldDef[];
  readonly indicators: readonly IndicatorDef[];
  readonly leaves: readonly LeafDef[];
  readonly bonus: { readonly field: string; readonly reasonField: string };
  readonly selfAssessment: { readonly field: string };
  readonly ledger: LedgerDef;
  readonly adjustments: AdjustmentDef;
  /** Annex 1, in its reading order. */
  readonly roster: readonly string[];
  /** Row labels that are not units (合计 …). */
  readonly summaryRowNames: readonly string[];
}
