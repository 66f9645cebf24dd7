// rules-2020.md "The office's judgement: 核定调整" and workbook.md "The office's judgement: 核定调整 (optional)".
import { assess } from "../../../src/core/assess";
import type { Finding } from "../../../src/core/model";
import { buildReport, reviewSummary } from "../../../src/core/plan/report";
import { itemNames, normalizeItem } from "../../../src/core/read/adjustments";
import { HENGDONG_2020 } from "../../../src/rules/hengdong-2020";
import type { Settings } from "../../../src/rules/settings";
import {
  ADJUSTMENT_COL,
  type AdjustmentRow,
  type Rec,
  adjustmentSheet,
  book,
  findings,
  leaf,
  result,
  sheet,
  total,
  unit,
} from "../builders";

const U = "县发改局";
/** 三.2 = 25 × 47/178 = 6.601… → 6.6; 三.3 = 3 × 47/47 = 3; everything else full: 100 − 25 + 6.6 = 81.6. */
const PARTLY: Rec = { 应报送条数: 178, 已报送条数: 47, 合格条数: 47 };

function scored(rows: AdjustmentRow[], units: Rec[] = [unit(U, PARTLY)], settings: Partial<Settings> = {}) {
  return assess(book([sheet(units), adjustmentSheet(rows)]), { settings });
}
const adj = (item: unknown, score: unknown, more: Partial<AdjustmentRow> = {}): AdjustmentRow => ({
  unit: U,
  item: item as AdjustmentRow["item"],
  score: score as AdjustmentRow["score"],
  reason: "经核实，已补报数据",
  ...more,
});
const sheetFindings = (a: ReturnType<typeof scored>, kind?: Finding["kind"]) =>
  a.findings.filter((f) => f.sheet === "核定调整" && (kind === undefined || f.kind === kind));
const cellOf = (f: Finding) => `${String.fromCharCode(64 + (f.col ?? 0))}${f.row}`;

describe("item names", () => {
  const names = itemNames(HENGDONG_2020);
  const meaning = (text: string) => names.get(normalizeItem(text));

  test.each([
    ["3.2", "3.2"],
    ["三.2", "3.2"],
    ["三2", "3.2"],
    ["三、2", "3.2"],
    ["三-2", "3.2"],
    ["三(2)", "3.2"],
    ["三（2）", "3.2"],
    [" 三 ． 2 ", "3.2"],
    ["信用信息归集与报送", "3.2"],
    ["信用信息归集与报送（25分）", "3.2"],
    ["8", "8"],
    ["八", "8"],
    ["八、信用修复（5分）", "8"],
    ["信用修复", "8"],
    ["信用修复、投诉和异议处理", "8"],
    ["参加县信用办活动", "10"],
    ["十、参加县信用办活动（5分）", "10"],
    ["信用承诺", "5"],
    ["五", "5"],
    ["9.1", "9.1"],
    ["九.1", "9.1"],
    ["加分", "bonus"],
    ["创新加分", "bonus"],
  ])("%j names %s", (text, id) => {
    expect(meaning(text)).toEqual({ leaf: id });
  });

  test.each(["三", "3", "信用信息归集和报送", "三、信用信息归集和报送（37分）", "四", "九"])(
    "%j is an indicator of many leaves, not an item",
    (text) => {
      expect(meaning(text)).toEqual(expect.objectContaining({ many: expect.any(String) }));
    },
  );
});

describe("an applied adjustment", () => {
  test("replaces its leaf after the policy: 3.2 computed 6.6, decided 20; the total follows, 3.3 does not", () => {
    const a = scored([adj("3.2", 20, { by: "李明", date: { date: "2021-01-15" } })]);
    const u = result(a, U);
    expect(leaf(u, "3.2")).toBe(20);
    expect(leaf(u, "3.3")).toBe(3);
    // 81.6 − 6.6 + 20 = 95
    expect(total(u)).toBe(95);
    expect(u.indicators.get("3")).toBe(3200); // 3 + 20 + 3 + 3 + 3
    expect(u.explain("3.2")).toBe("核定 20 分（计算得 6.6 分）：经核实，已补报数据（李明，2021-01-15）");
    expect(reviewSummary(u)).toBe("核定调整 1 项");
    const r = buildReport(a).units[0];
    expect(r.adjustments).toEqual([
      {
        item: "3.2",
        computed: 6.6,
        adjusted: 20,
        reason: "经核实，已补报数据",
        by: "李明",
        date: "2021-01-15",
        sheet: "核定调整",
        row: 2,
      },
    ]);
    expect(sheetFindings(a)).toEqual([]);
  });

  test("by and date are left out of the report when blank", () => {
    const r = buildReport(scored([adj("八", 4)])).units[0];
    expect(r.adjustments).toEqual([
      { item: "8", computed: 5, adjusted: 4, reason: "经核实，已补报数据", sheet: "核定调整", row: 2 },
    ]);
  });

  test("an adjustment equal to the computed value still counts", () => {
    const a = scored([adj("3.2", 6.6)]);
    expect(result(a, U).adjustments).toHaveLength(1);
    expect(reviewSummary(result(a, U))).toBe("核定调整 1 项");
  });

  test("核定分 is rounded half-up at 2 decimals: 2.675 → 2.68", () => {
    expect(leaf(result(scored([adj("3.1", "2.675")]), U), "3.1")).toBe(2.68);
  });

  test("a 不适用 leaf decided by the office is no longer 不适用", () => {
    // 认定 0: 四.2 不适用, full 10 by default; decided 6
    const a = scored([adj("4.2", 6)], [unit(U, { 认定名单数: 0, 及时发布数: 0 })]);
    const u = result(a, U);
    expect(u.notApplicable).toEqual([]);
    expect(leaf(u, "4.2")).toBe(6);
    expect(u.adjustments[0]).toEqual(expect.objectContaining({ computed: 1000, wasNotApplicable: true }));
  });

  test("the bonus: replaced, never cut to the cap; its explanation says so", () => {
    const a = scored([adj("加分", 2.5)], [unit(U, { 创新加分: 1, 加分事由: "首创信用承诺制" })]);
    const u = result(a, U);
    expect(u.bonus).toBe(250);
    expect(u.total).toBe(10250);
    expect(u.explainBonus()).toBe("核定 2.5 分（计算得 1 分）：经核实，已补报数据");
  });

  test("findings on the leaf's evidence stay: the evidence is still missing, the decision stands beside it", () => {
    const a = scored([adj("6", 5)], [unit(U, { 信用报告数: null })]);
    const u = result(a, U);
    expect(leaf(u, "6")).toBe(5);
    expect(findings(u.findings, "missing", "信用报告数")).toHaveLength(1);
  });

  test("`average` uses computed values, never adjusted ones", () => {
    // 三.2 applies to both: 6.6 and 25 → mean 15.8; 四.2 不适用 for the second, whose average is over the first only
    const units = [unit(U, PARTLY), unit("县公安局", { 认定名单数: 0, 及时发布数: 0 })];
    const plain = scored([], units, { naPolicy: "average" });
    const adjusted = scored([adj("4.2", 0)], units, { naPolicy: "average" });
    expect(leaf(result(adjusted, "县公安局"), "4.2")).toBe(leaf(result(plain, "县公安局"), "4.2"));
    expect(leaf(result(adjusted, U), "4.2")).toBe(0);
  });

  test("a unit on two rows: the adjustment applies to both", () => {
    const a = scored([adj("3.2", 20)], [unit(U, PARTLY), unit(U, PARTLY)]);
    expect(a.units.map((u) => leaf(u, "3.2"))).toEqual([20, 20]);
  });
});

describe("rows that are not applied", () => {
  test.each<[string, AdjustmentRow, Finding["kind"], string, RegExp]>([
    ["a blank unit", adj("3.2", 20, { unit: null }), "invalid", ADJUSTMENT_COL.unit, /缺少单位名称/],
    ["a unit not on the sheet", adj("3.2", 20, { unit: "县发改委" }), "invalid", ADJUSTMENT_COL.unit, /县发改局/],
    ["a blank item", adj(null, 20), "missing", ADJUSTMENT_COL.item, /项目/],
    ["an unknown item", adj("信用大数据", 20), "invalid", ADJUSTMENT_COL.item, /无法识别/],
    ["a many-leaf indicator", adj("三", 20), "invalid", ADJUSTMENT_COL.item, /请写明细项（如 三\.\d）/],
    ["a blank 核定分", adj("3.2", null), "missing", ADJUSTMENT_COL.score, /核定分/],
    ["a 核定分 that is no number", adj("3.2", "满分"), "invalid", ADJUSTMENT_COL.score, /不是数字/],
    ["a 核定分 above the leaf's max", adj("3.2", 26), "invalid", ADJUSTMENT_COL.score, /0 到3\.2 的满分 25/],
    ["a negative 核定分", adj("3.2", -1), "invalid", ADJUSTMENT_COL.score, /0 到/],
    ["a bonus above the cap", adj("加分", 11), "invalid", ADJUSTMENT_COL.score, /加分上限 10/],
    ["a blank 理由", adj("3.2", 20, { reason: null }), "missing", ADJUSTMENT_COL.reason, /理由/],
    ["a 理由 that is a no-word", adj("3.2", 20, { reason: "无" }), "missing", ADJUSTMENT_COL.reason, /理由/],
  ])("%s: a finding on its cell of 核定调整, at the top level, and nothing applied", (_n, row, kind, col, message) => {
    const a = scored([row]);
    const f = sheetFindings(a, kind);
    expect(f.map(cellOf)).toEqual([`${col}2`]);
    expect(f[0].message).toMatch(message);
    // the unit it names, when it is one of the sheet's (the pane shows the row under it); the report has no `unit`
    expect(f[0].unit).toBe(row.unit === U ? U : undefined);
    expect(buildReport(a).findings.every((x) => !("unit" in x))).toBe(true);
    const u = result(a, U);
    expect(u.adjustments).toEqual([]);
    expect(total(u)).toBe(81.6);
    // a row naming a unit of the sheet that was not applied is mentioned in its 核查意见
    const named = row.unit === U;
    expect(u.unappliedAdjustments).toBe(named ? 1 : 0);
    expect(reviewSummary(u)).toBe(named ? "核定调整 1 行未生效" : "");
  });

  test("a unit not on the sheet is never applied to the nearest roster name", () => {
    const a = scored([adj("3.2", 20, { unit: "县发改委" })]);
    expect(sheetFindings(a, "invalid")[0].message).toContain("是否为“县发改局”");
    expect(leaf(result(a, U), "3.2")).toBe(6.6);
  });

  test("a row whose unit, item, 核定分 and 理由 are all blank is skipped (序号, 核定人, 日期 alone do not count)", () => {
    const a = scored([{ unit: null, item: null, score: null, reason: null, by: "李明", date: "2021-01-15" }]);
    expect(sheetFindings(a)).toEqual([]);
  });

  test("two valid rows for one unit and item (信用承诺 and 五 are one): the later stands, the earlier is warned", () => {
    const a = scored([adj("信用承诺", 8), adj("五", 9)]);
    expect(leaf(result(a, U), "5")).toBe(9);
    const w = sheetFindings(a, "warning");
    expect(w.map(cellOf)).toEqual([`${ADJUSTMENT_COL.item}2`]);
    expect(w[0].message).toContain("被第 3 行取代");
  });

  test("an invalid later row leaves the earlier one standing", () => {
    const a = scored([adj("五", 8), adj("五", "很多")]);
    expect(leaf(result(a, U), "5")).toBe(8);
    expect(sheetFindings(a, "warning")).toEqual([]);
    expect(reviewSummary(result(a, U))).toBe("核定调整 1 项；核定调整 1 行未生效");
  });

  test("a 核定调整 sheet without its header: one workbook-level invalid finding naming what was looked for", () => {
    const a = assess(
      book([sheet([unit(U, PARTLY)]), adjustmentSheet([adj("3.2", 20)], { header: ["单位", "调整内容", "分数"] })]),
    );
    const f = sheetFindings(a);
    expect(f).toHaveLength(1);
    expect(f[0].kind).toBe("invalid");
    expect(f[0].row).toBeUndefined();
    expect(f[0].message).toMatch(/单位名称.*项目.*核定分.*理由/);
    expect(leaf(result(a, U), "3.2")).toBe(6.6);
  });

  test("the header's other names: 考核项目, 核定得分, 调整理由, 经办人, 核定日期", () => {
    const a = assess(
      book([
        sheet([unit(U, PARTLY)]),
        adjustmentSheet([adj("3.2", 20, { by: "王五" })], {
          header: ["序号", "单位", "考核项目", "核定得分", "调整理由", "经办人", "核定日期"],
        }),
      ]),
    );
    expect(leaf(result(a, U), "3.2")).toBe(20);
    expect(result(a, U).adjustments[0].by).toBe("王五");
  });
});
