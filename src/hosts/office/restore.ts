/// <reference types="office-js" />
// 恢复计算结果: a score typed over by hand is given the tool's value back. One sync.
import type { ExcelRun } from "./env";

export async function writeCell(
  run: ExcelRun,
  sheet: string,
  address: string,
  value: number | string | null,
): Promise<void> {
  await run(async (context) => {
    context.workbook.worksheets.getItem(sheet).getRange(address).values = [[value ?? ""]];
    await context.sync();
  });
}
