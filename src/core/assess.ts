// The pure pipeline: Snapshot → locate → read → score. No Excel, no files, no clock.
import type { HolidayCalendar } from "../rules/calendar-cn";
import { DEFAULT_RULEBOOK } from "../rules";
import { DEFAULT_SETTINGS, type Settings, settingsProblem } from "../rules/settings";
import type { Rulebook } from "../rules/types";
import { WorkingDays } from "./dates";
import { type Layout, type LedgerLayout, locateAssessment, locateLedger } from "./locate/locate";
import { type ScoreBlock, locateScoreBlock } from "./locate/score-block";
import { type Finding, type Snapshot, WorkbookError } from "./model";
import { type LedgerResult, readLedger } from "./read/ledger";
import { type FieldValue, UNREPORTED, type UnitRecord, readUnits, unitNames } from "./read/units";
import { type AdjustmentResult, readAdjustments } from "./read/adjustments";
import { flattened } from "./text";
import { type UnitResult, scoreUnits } from "./score/score";

export interface AssessOptions {
  readonly rulebook?: Rulebook;
  readonly settings?: Partial<Settings>;
  /** Overrides the rulebook's own calendar (tests). */
  readonly calendar?: HolidayCalendar;
}

export interface Assessment {
  readonly rulebook: Rulebook;
  readonly settings: Settings;
  readonly layout: Layout;
  readonly ledgerLayout: LedgerLayout | null;
  readonly ledger: LedgerResult | null;
  /** In ranking order. */
  readonly units: readonly UnitResult[];
  /** Where the tool's score columns go on the assessment sheet. */
  readonly scoreBlock: ScoreBlock;
  /** The office's decisions read from 核定调整 (empty when the workbook has no such sheet). */
  readonly adjustments: AdjustmentResult;
  /** Workbook-level findings (absent columns, roster, rows without a unit name, ledger rows of no unit of the sheet,
   * 核定调整 rows, score columns that are the office's own). A unit's own are under the unit. */
  readonly findings: readonly Finding[];
}

/** The warning on a unit's 3.4 columns beside a ledger, or null (rules-2020.md "3.4 from the 双公示 ledger"): with
 * rows in the ledger, a difference from the main sheet's figures quoting both; without rows, that 3.4 is scored from
 * the main sheet, or is 不适用 when it gives no 应公示条数 (the office to confirm). */
function ledgerNote(
  ledger: LedgerResult,
  wholeField: string,
  partField: string,
): (record: UnitRecord) => Finding | null {
  const countOf = (fv: FieldValue | undefined): number | null =>
    fv?.col !== undefined && fv.reading.state === "present" && fv.reading.count !== undefined ? fv.reading.count : null;
  // The message says only the counts: one text per set of counts, shared by the units that have them.
  const messages = new Map<string, string>();
  const message = (key: string, make: () => string): string => {
    let text = messages.get(key);
    if (text === undefined) messages.set(key, (text = flattened(make())));
    return text;
  };
  const shown = (n: number | null) => (n === null ? "未填" : `${n} 条`);
  return (record) => {
    const whole = record.fields.get(wholeField);
    const part = record.fields.get(partField);
    const at = { kind: "warning" as const, field: wholeField, row: record.row, unit: record.key };
    const c = ledger.counts.get(record.key);
    if (c === undefined) {
      if (record.unreported) return null; // 尚未填报 says it all
      const blank = (whole?.reading.state ?? "missing") === "missing";
      return {
        ...at,
        col: whole?.col ?? part?.col,
        message: blank
          ? `双公示台账中没有该单位的记录，考核表也未填${wholeField}：3.4 按不适用计，请核实该单位本年度是否确无应公示信息`
          : "双公示台账中没有该单位的记录，3.4 按考核表填报数计",
      };
    }
    const w = countOf(whole);
    const p = countOf(part);
    if ((w === null || w === c.due) && (p === null || p === c.onTime)) return null;
    return {
      ...at,
      col: whole?.col ?? part?.col,
      message: message(
        `${w}|${p}|${c.due}|${c.onTime}`,
        () =>
          `考核表填写${wholeField} ${shown(w)}、${partField} ${shown(p)}，与双公示台账（应公示 ${c.due} 条，按时公示 ${c.onTime} 条）不一致，以台账为准`,
      ),
    };
  };
}

export function assess(snapshot: Snapshot, options: AssessOptions = {}): Assessment {
  const rulebook = options.rulebook ?? DEFAULT_RULEBOOK;
  const settings: Settings = { ...DEFAULT_SETTINGS, ...options.settings };
  const problem = settingsProblem(settings);
  if (problem) throw new WorkbookError(`设置有误：${problem}`);
  const layout = locateAssessment(snapshot, rulebook, snapshot.memory?.assessmentSheet);
  const ledgerLayout = locateLedger(snapshot, rulebook);
  const ledgerRule = rulebook.leaves.find((l) => l.rule.kind === "ledgerTimeliness")?.rule;
  // The ledger is read against the sheet's unit names, and the units against the ledger (who has rows in it).
  const ledger = ledgerLayout
    ? readLedger(
        ledgerLayout,
        rulebook,
        unitNames(layout, rulebook),
        new WorkingDays(options.calendar ?? rulebook.calendar),
        ledgerRule && ledgerRule.kind === "ledgerTimeliness" ? ledgerRule.workingDays : 7,
      )
    : null;
  const read = readUnits(layout, rulebook, ledger);
  const adjustments = readAdjustments(snapshot, rulebook, read.byKey, settings.bonusCap);
  // The main sheet's 3.4 columns beside a ledger: compared, or scored from for a unit without rows there.
  const compared = ledger && ledgerRule && ledgerRule.kind === "ledgerTimeliness" ? ledgerRule : null;
  const last = ledger && compared ? ledgerNote(ledger, compared.whole, compared.part) : undefined;
  const units = scoreUnits({ rulebook, settings, units: read.units, ledger, last, adjustments });
  const unreported = units.filter((u) => u.record.unreported).length;
  const nothingReported: Finding[] =
    units.length > 0 && unreported === units.length
      ? [{ kind: "warning", message: `${UNREPORTED}：${unreported} 个单位（各单位均未填报，未排名）` }]
      : [];
  const scoreBlock = locateScoreBlock(layout, rulebook, snapshot.memory);
  return {
    rulebook,
    settings,
    layout,
    ledgerLayout,
    ledger,
    units,
    scoreBlock,
    adjustments,
    findings: [
      ...nothingReported,
      ...layout.findings,
      ...read.findings,
      ...(ledger?.findings ?? []),
      ...adjustments.findings,
      ...scoreBlock.findings,
    ],
  };
}
