/// <reference types="office-js" />
// 生成考核模板: the core's blank 2020 template (templateSheets) written into the open workbook. One sync to see which
// sheets exist, one to write. ExcelApi 1.7 (getRangeByIndexes, freezePanes).
import { WorkbookError, templateSheets } from "../../core";
import { HENGDONG_2020 } from "../../rules/hengdong-2020";
import type { ExcelRun } from "./env";
import { applyLook } from "./look";

const POINTS_PER_CHAR = 7;

export async function generateTemplate(run: ExcelRun, rulebook = HENGDONG_2020): Promise<{ sheet: string }> {
  const sheets = templateSheets(rulebook);
  return run(async (context) => {
    const all = context.workbook.worksheets;
    all.load("items/name");
    await context.sync();
    const taken = sheets.filter((t) => all.items.some((s) => s.name.trim() === t.name));
    if (taken.length > 0) {
      throw new WorkbookError(
        `工作簿中已有工作表“${taken.map((t) => t.name).join("”“")}”，不再生成模板。请在新的空白工作簿中生成考核模板。`,
      );
    }
    for (const t of sheets) {
      const ws = all.add(t.name);
      const width = Math.max(...t.rows.map((r) => r.length));
      const grid = t.rows.map((r) => Array.from({ length: width }, (_, c) => r[c] ?? null));
      ws.getRangeByIndexes(0, 0, grid.length, width).values = grid as (string | number)[][];
      for (const [r0, c0, r1, c1] of t.merges) {
        const m = ws.getRangeByIndexes(r0 - 1, c0 - 1, r1 - r0 + 1, c1 - c0 + 1);
        m.merge(false);
        applyLook(m, { alignment: { horizontal: "center" } });
      }
      const head = ws.getRangeByIndexes(0, 0, t.headerRow, width);
      applyLook(head, { bold: true, alignment: { vertical: "center", wrap: true } });
      t.widths.forEach((w, i) => {
        ws.getRangeByIndexes(0, i, 1, 1).format.columnWidth = w * POINTS_PER_CHAR;
      });
      ws.freezePanes.freezeRows(t.frozenRows);
    }
    all.getItem(sheets[0].name).activate();
    await context.sync();
    return { sheet: sheets[0].name };
  });
}
