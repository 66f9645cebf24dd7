// The task pane's view of the workbook: everything it may ask of Excel, as plain async calls. The pane never sees
// Office.js; office-workbook.ts implements this over the Office host, and tests hand the pane a stub.
import type { AdjustmentEntry } from "../core";
import type { Settings } from "../rules/settings";
import type { Outcome } from "./outcome";

export type Unsubscribe = () => Promise<void>;
export type Step = "read" | "score" | "write";

export interface CellRef {
  readonly sheet: string;
  readonly address: string;
}

export interface WorkbookPort {
  /** Scores the workbook and writes the results; settings given here are saved with the run. */
  recalculate(settings?: Partial<Settings>, onStep?: (step: Step) => void): Promise<Outcome>;
  /** Adds a blank 考核表 and 双公示台账 (refused when the workbook already has them). */
  generateTemplate(): Promise<{ readonly sheet: string }>;
  /** Shows a cell to the user: activates its sheet and selects it. */
  selectCell(sheet: string, address: string): Promise<void>;
  /** The user's selection on the assessment and ledger sheets. */
  onSelectionChanged(listener: (cell: CellRef) => void): Promise<Unsubscribe>;
  /** The user's edits on the assessment and ledger sheets; the add-in's own writes are left out. */
  onDataChanged(listener: (cell: CellRef) => void): Promise<Unsubscribe>;
  /** Scores written into the score columns by another runtime (the ribbon's 重新计算) or a co-author's add-in, so the
   * pane's results may be out of date. Where Excel cannot tell who wrote (before ExcelApi 1.14), never called. */
  onResultsChanged(listener: () => void): Promise<Unsubscribe>;
  /** The rulebook settings saved in the workbook (defaults where none are). */
  loadSettings(): Promise<Settings>;
  saveSettings(settings: Settings): Promise<void>;
  /** Whether 编辑后自动重新计算 is on for this workbook (kept in the workbook, so every runtime reads the same). */
  autoRecalc(): Promise<boolean>;
  setAutoRecalc(on: boolean): Promise<void>;
  /** 登记核定调整: appends the office's decision to the 核定调整 sheet (made when there is none). */
  addAdjustment(entry: AdjustmentEntry): Promise<void>;
  /** 恢复计算结果: writes the tool's value back into a score cell typed over by hand. */
  restoreCell(sheet: string, address: string, value: number | string | null): Promise<void>;
}
