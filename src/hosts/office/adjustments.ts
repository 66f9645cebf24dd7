/// <reference types="office-js" />
// 登记核定调整: one row appended to the 核定调整 sheet (made with its header when there is none), where the core says
// (core/plan/adjustment-row.ts). One sync to find the sheet, one to read it (when it exists), one to write.
// ExcelApi 1.4 (getItemOrNullObject, getUsedRangeOrNullObject).
import { type AdjustmentEntry, type CellValue, type SheetSnapshot, adjustmentRow } from "../../core";
import { HENGDONG_2020 } from "../../rules/hengdong-2020";
import type { ExcelRun } from "./env";
import { applyLook } from "./look";

export async function appendAdjustment(run: ExcelRun, entry: AdjustmentEntry, rulebook = HENGDONG_2020): Promise<void> {
  await run(async (context) => {
    const all = context.workbook.worksheets;
    all.load("items/name");
    await context.sync();
    const name = all.items.find((s) => s.name.trim() === rulebook.adjustments.sheet)?.name;
    let sheet: SheetSnapshot | null = null;
    if (name !== undefined) {
      const used = all.getItem(name).getUsedRangeOrNullObject(true);
      used.load("values,rowIndex,columnIndex");
      await context.sync();
      const rows: CellValue[][] = [];
      if (!used.isNullObject) {
        used.values.forEach((r, i) => {
          const row: CellValue[] = new Array<CellValue>(used.columnIndex).fill(null);
          for (const v of r)
            row.push(v === "" || v === null || v === undefined ? null : (v as string | number | boolean));
          rows[used.rowIndex + i] = row;
        });
      }
      for (let i = 0; i < rows.length; i++) rows[i] ??= [];
      sheet = { name, visible: true, rows };
    }
    const plan = adjustmentRow(sheet, rulebook, entry);
    const ws = plan.create ? all.add(rulebook.adjustments.sheet) : all.getItem(name as string);
    if (plan.create) {
      const head = ws.getRangeByIndexes(0, 0, 1, plan.header.length);
      head.values = [[...plan.header]];
      applyLook(head, { bold: true });
    }
    for (const [col, value] of plan.cells) ws.getRangeByIndexes(plan.row - 1, col - 1, 1, 1).values = [[value]];
    await context.sync();
  });
}
