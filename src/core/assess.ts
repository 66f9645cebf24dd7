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
import { type FieldValue, type UnitRecord, readUnits } from "./read/units";
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
  /** Workbook-level findings (absent columns, roster, ledger rows, score columns that are the office's own). */
  readonly findings: readonly Finding[];
}

/** The warning on a unit whose 3.4 columns differ from its ledger counts (the ledger wins), or null. */
function ledgerDifference(
  ledger: LedgerResult,
  wholeField: string,
  partField: string,
): (record: UnitRecord) => Finding | null {
  const none = { due: 0, onTime: 0 };
  const differs = (fv: FieldValue | undefined, n: number) =>
    fv?.col !== undefined && fv.reading.state === "present" && fv.reading.count !== undefined && fv.reading.count !== n;
  // The message says only the counts: one text per pair of counts, shared by the units that have them.
  const messages = new Map<number, Map<number, string>>();
  const message = (due: number, onTime: number): string => {
    let byOnTime = messages.get(due);
    if (!byOnTime) messages.set(due, (byOnTime = new Map()));
    let text = byOnTime.get(onTime);
    if (text === undefined) {
      text = flattened(
        `考核表填写的应公示/按时公示与双公示台账（应公示 ${due} 条，按时 ${onTime} 条）不一致，以台账为准`,
      );
      byOnTime.set(onTime, text);
    }
    return text;
  };
  return (record) => {
    const whole = record.fields.get(wholeField);
    const part = record.fields.get(partField);
    const c = ledger.counts.get(record.key) ?? none;
    if (!differs(whole, c.due) && !differs(part, c.onTime)) return null;
    return {
      kind: "warning",
      field: wholeField,
      row: record.row,
      col: whole?.col ?? part?.col,
      unit: record.key,
      message: message(c.due, c.onTime),
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
  const read = readUnits(layout, rulebook, ledgerLayout !== null);
  const ledgerRule = rulebook.leaves.find((l) => l.rule.kind === "ledgerTimeliness")?.rule;
  const ledger = ledgerLayout
    ? readLedger(
        ledgerLayout,
        rulebook,
        read.byKey,
        new WorkingDays(options.calendar ?? rulebook.calendar),
        ledgerRule && ledgerRule.kind === "ledgerTimeliness" ? ledgerRule.workingDays : 7,
      )
    : null;
  // The main sheet's 3.4 columns, when present beside a ledger, are only compared.
  const compared = ledger && ledgerRule && ledgerRule.kind === "ledgerTimeliness" ? ledgerRule : null;
  const last = ledger && compared ? ledgerDifference(ledger, compared.whole, compared.part) : undefined;
  const units = scoreUnits({ rulebook, settings, units: read.units, ledger, last });
  const scoreBlock = locateScoreBlock(layout, rulebook, snapshot.memory);
  return {
    rulebook,
    settings,
    layout,
    ledgerLayout,
    ledger,
    units,
    scoreBlock,
    findings: [...layout.findings, ...read.findings, ...(ledger?.findings ?? []), ...scoreBlock.findings],
  };
}
