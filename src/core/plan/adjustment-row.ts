// A new row of 核定调整, registered from the pane (workbook.md "The office's judgement: 核定调整"): where it goes on the
// sheet as it stands, or the sheet to make with its header. Pure: the host reads the sheet and writes these cells.
import type { Rulebook } from "../../rules/types";
import { formatCents } from "../exact";
import { type SheetSnapshot, WorkbookError } from "../model";
import { BONUS_ITEM, locateAdjustments } from "../read/adjustments";
import { NUMERALS } from "../text";

/** What the office decided, as the pane asks it. */
export interface AdjustmentEntry {
  readonly unit: string;
  /** A leaf id, or BONUS_ITEM. */
  readonly item: string;
  /** The decided score, in hundredths. */
  readonly cents: number;
  readonly reason: string;
  readonly by?: string;
  /** YYYY-MM-DD. */
  readonly date: string;
}

/** The header of a 核定调整 sheet the tool makes (the template's too). */
export const ADJUSTMENT_HEADER = ["序号", "单位名称", "项目", "核定分", "理由", "核定人", "日期"] as const;

/** The cells to write: a sheet to make (with `header` on row 1) or the existing one, and the new row's cells. */
export interface AdjustmentRowPlan {
  readonly create: boolean;
  readonly header: readonly string[];
  /** 1-based row of the new entry. */
  readonly row: number;
  /** 1-based column → value. */
  readonly cells: readonly (readonly [number, string | number])[];
}

/** The item as the office reads it: 三.2 for a leaf of an indicator of many, 八 for a one-leaf indicator, 加分. */
export function itemLabel(rulebook: Rulebook, item: string): string {
  if (item === BONUS_ITEM) return "加分";
  const leaf = rulebook.leaves.find((l) => l.id === item);
  if (!leaf) return item;
  const i = rulebook.indicators.findIndex((ind) => ind.id === leaf.indicator);
  const numeral = NUMERALS[i] ?? leaf.indicator;
  const many = rulebook.leaves.filter((l) => l.indicator === leaf.indicator).length > 1;
  return many ? `${numeral}.${leaf.id.split(".")[1] ?? leaf.id}` : numeral;
}

/** Where the entry goes: below the last row with anything in the sheet's known columns, or on row 2 of a new sheet. */
export function adjustmentRow(
  sheet: SheetSnapshot | null,
  rulebook: Rulebook,
  entry: AdjustmentEntry,
): AdjustmentRowPlan {
  const values = (unit: number, item: number, score: number, reason: number, by?: number, date?: number) => {
    const cells: [number, string | number][] = [
      [unit, entry.unit],
      [item, itemLabel(rulebook, entry.item)],
      [score, Number(formatCents(entry.cents))],
      [reason, entry.reason],
    ];
    if (by !== undefined && entry.by) cells.push([by, entry.by]);
    if (date !== undefined) cells.push([date, entry.date]);
    return cells;
  };
  if (sheet === null) {
    return {
      create: true,
      header: [...ADJUSTMENT_HEADER],
      row: 2,
      cells: [[1, 1], ...values(2, 3, 4, 5, 6, 7)],
    };
  }
  const layout = locateAdjustments(sheet, rulebook);
  if (!layout) {
    throw new WorkbookError(
      `工作表“${sheet.name}”中未找到表头“单位名称”“项目”“核定分”“理由”，无法登记。请补上表头，或把该表改名后再登记。`,
    );
  }
  const cols = [layout.unit, layout.item, layout.score, layout.reason, layout.by, layout.date].filter(
    (c): c is number => c !== undefined,
  );
  let last = layout.headerRow;
  sheet.rows.forEach((r, i) => {
    if (i + 1 > layout.headerRow && cols.some((c) => r[c - 1] !== null && r[c - 1] !== undefined && r[c - 1] !== ""))
      last = i + 1;
  });
  const numberCol = (sheet.rows[layout.headerRow - 1] ?? []).findIndex((v) => v === "序号") + 1;
  const previous = numberCol > 0 ? sheet.rows[last - 1]?.[numberCol - 1] : undefined;
  const serial = typeof previous === "number" ? previous + 1 : last - layout.headerRow + 1;
  return {
    create: false,
    header: [],
    row: last + 1,
    cells: [
      ...(numberCol > 0 ? [[numberCol, serial] as [number, number]] : []),
      ...values(layout.unit, layout.item, layout.score, layout.reason, layout.by, layout.date),
    ],
  };
}
