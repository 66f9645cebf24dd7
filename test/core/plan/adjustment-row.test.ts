// Where a 核定调整 row registered from the pane goes (workbook.md "The office's judgement: 核定调整").
import { adjustmentRow, itemLabel } from "../../../src/core/plan/adjustment-row";
import { WorkbookError } from "../../../src/core/model";
import { HENGDONG_2020 } from "../../../src/rules/hengdong-2020";
import { assess } from "../../../src/core/assess";
import { adjustmentSheet, book, leaf, result, sheet, unit } from "../builders";

const entry = { unit: "县发改局", item: "3.2", cents: 2000, reason: "补报数据经核实", by: "李明", date: "2021-01-15" };

describe("a registered 核定调整 row", () => {
  test("item labels: 三.2 for a leaf of many, 八 for a one-leaf indicator, 加分", () => {
    expect(itemLabel(HENGDONG_2020, "3.2")).toBe("三.2");
    expect(itemLabel(HENGDONG_2020, "8")).toBe("八");
    expect(itemLabel(HENGDONG_2020, "9.1")).toBe("九.1");
    expect(itemLabel(HENGDONG_2020, "bonus")).toBe("加分");
  });

  test("no sheet: one is made with the template's header, the entry on row 2", () => {
    const p = adjustmentRow(null, HENGDONG_2020, entry);
    expect(p.create).toBe(true);
    expect(p.header).toEqual(["序号", "单位名称", "项目", "核定分", "理由", "核定人", "日期"]);
    expect(p.row).toBe(2);
    expect(p.cells).toEqual([
      [1, 1],
      [2, "县发改局"],
      [3, "三.2"],
      [4, 20],
      [5, "补报数据经核实"],
      [6, "李明"],
      [7, "2021-01-15"],
    ]);
  });

  test("an existing sheet: below its last row, in its own columns, numbered on", () => {
    const existing = adjustmentSheet([{ unit: "县公安局", item: "八", score: 4, reason: "已核实" }], {
      header: ["序号", "单位", "调整理由", "考核项目", "核定得分"],
    });
    // the builder writes its fixed columns; rebuild the rows to match this header order
    const rows = [existing.rows[0], [1, "县公安局", "已核实", "八", 4]];
    const p = adjustmentRow({ ...existing, rows }, HENGDONG_2020, { ...entry, by: undefined });
    expect(p.create).toBe(false);
    expect(p.row).toBe(3);
    expect(p.cells).toEqual([
      [1, 2],
      [2, "县发改局"],
      [4, "三.2"],
      [5, 20],
      [3, "补报数据经核实"],
    ]);
  });

  test("what it writes is read back as the same adjustment", () => {
    const p = adjustmentRow(null, HENGDONG_2020, entry);
    const row: (string | number | null)[] = [];
    for (const [c, v] of p.cells) row[c - 1] = v;
    const adj = { name: "核定调整", visible: true, rows: [p.header, row] };
    const a = assess(book([sheet([unit("县发改局", { 应报送条数: 178, 已报送条数: 47, 合格条数: 47 })]), adj]));
    expect(leaf(result(a, "县发改局"), "3.2")).toBe(20);
    expect(result(a, "县发改局").adjustments[0]).toEqual(expect.objectContaining({ by: "李明", date: "2021-01-15" }));
  });

  test("a sheet named 核定调整 without its header: refused, saying what is missing", () => {
    const bad = { name: "核定调整", visible: true, rows: [["备注"]] };
    expect(() => adjustmentRow(bad, HENGDONG_2020, entry)).toThrow(WorkbookError);
    expect(() => adjustmentRow(bad, HENGDONG_2020, entry)).toThrow(/未找到表头/);
  });
});
