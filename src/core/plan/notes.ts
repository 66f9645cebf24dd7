// Explanation notes on score cells: written for a county's sheet, left out on a large one (where the JSON report
// still explains every score).
import type { Assessment } from "../assess";
import type { Finding } from "../model";

/** Above this many units the score cells carry no explanation notes: tens of thousands of notes are more than a
 * spreadsheet handles, and would make the file larger than the tool reads back. The JSON report still explains
 * every score. */
export const EXPLANATION_NOTES_MAX_UNITS = 2000;
/** Why the score cells carry no notes on a large sheet: a workbook-level warning, in WritePlan.findings (with
 * WritePlan.explanationNotes false) and in the JSON report's findings. */
export const EXPLANATION_NOTES_SKIPPED = `单位超过 ${EXPLANATION_NOTES_MAX_UNITS} 个，得分说明未写入单元格批注（得分说明见 --json 写出的报告），也不记录写入的得分（手工改动的得分无法识别）`;

/** Whether the score cells of this assessment carry explanation notes. */
export function explanationNotes(a: Assessment): boolean {
  return a.units.length <= EXPLANATION_NOTES_MAX_UNITS;
}

/** The workbook-level warning when they do not; null when they do. */
export function explanationNotesFinding(a: Assessment): Finding | null {
  return explanationNotes(a) ? null : { kind: "warning", message: EXPLANATION_NOTES_SKIPPED };
}
