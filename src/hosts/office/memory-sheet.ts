/// <reference types="office-js" />
// The tool's memory in its very hidden sheet, read or changed on its own (outside a run): the settings and the
// 编辑后自动重新计算 switch live there, the one copy every runtime and co-author reads (excel-behaviour.md).
import { MEMORY_SHEET, type ToolMemory, decodeMemory, encodeMemory } from "../../core";
import { queueState } from "./apply";
import type { ExcelRun } from "./env";

/** The memory as it stands (null: none, or unreadable). */
export function readMemory(run: ExcelRun): Promise<ToolMemory | null> {
  return run(async (context) => {
    const sheet = context.workbook.worksheets.getItemOrNullObject(MEMORY_SHEET);
    const used = sheet.getUsedRange(true);
    used.load("values");
    await context.sync();
    return sheet.isNullObject ? null : decodeMemory(used.values.map((r) => r[0]));
  });
}

/** Reads the memory, changes it and writes it back in one Excel.run (the sheet made when missing). */
export function updateMemory(run: ExcelRun, change: (state: ToolMemory) => ToolMemory): Promise<void> {
  return run(async (context) => {
    const sheet = context.workbook.worksheets.getItemOrNullObject(MEMORY_SHEET);
    const used = sheet.getUsedRange(true);
    used.load("values");
    await context.sync();
    const state = sheet.isNullObject ? null : decodeMemory(used.values.map((r) => r[0]));
    const next = change(state ?? { version: 2 as const, highlights: {} });
    queueState(context.workbook, MEMORY_SHEET, encodeMemory(next), !sheet.isNullObject);
    await context.sync();
  });
}
