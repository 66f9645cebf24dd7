// The pure core's public face: what hosts and the UI may use.
export { assess, type Assessment, type AssessOptions } from "./assess";
export * from "./model";
export {
  plan,
  eachCell,
  keepCells,
  scoreNotes,
  scoreHeaders,
  HIGHLIGHT_COLORS,
  NOTE_PREFIX,
  MEMORY_SHEET,
  SCORE_FORMAT,
  EXPLANATION_NOTES_MAX_UNITS,
  EXPLANATION_NOTES_SKIPPED,
} from "./plan/plan";
export type {
  CellWrite,
  FillChange,
  FormatWrite,
  HighlightKind,
  RankingTable,
  ScoreColumn,
  ScoreWrites,
  WritePlan,
} from "./plan/plan";
export {
  buildReport,
  reportFinding,
  notApplicablePoints,
  reviewSummary,
  type Report,
  type ReportUnit,
  type ReportFinding,
} from "./plan/report";
export { decodeMemory, encodeMemory, remembered } from "./plan/memory";
export { handEdits, handEditFinding, handEditNote, keptInAddin, type HandEdit } from "./plan/hand-edits";
export {
  ADJUSTMENT_HEADER,
  type AdjustmentEntry,
  type AdjustmentRowPlan,
  adjustmentRow,
  itemLabel,
} from "./plan/adjustment-row";
export { BONUS_ITEM } from "./read/adjustments";
export { totalNote, unitNote } from "./plan/explain";
export { type SelfGap, selfGaps, stakeOf } from "./plan/stake";
export { NUMERALS } from "./text";
export {
  type Alignment,
  type HorizontalAlignment,
  type Look,
  type VerticalAlignment,
  FILL_PATTERNS,
  LOOKS,
  argbToHex,
  hexToArgb,
  rankingBodyLook,
} from "./plan/look";
export { templateSheets, type TemplateSheet } from "./plan/template";
export {
  type CellRange,
  MAX_COLS,
  MAX_ROWS,
  address,
  columnLetters,
  columnNumber,
  columnOf,
  localPart,
  parseAddress,
  parseRange,
} from "./address";
export type { UnitResult } from "./score/score";
export { selfGapText } from "./score/score";
export { isSolid, pendingWrites, type Pending, type ReadKnowledge } from "./plan/pending";
export { DAYS_1900_TO_1904, dateToSerial, isDateFormat, serialToDate } from "./serial";
export { FINDING_LABELS, findingDetail, findingMessage } from "./findings";
export { formatCents, fromNumber, parseDecimal, pointsToCents, toCents } from "./exact";
