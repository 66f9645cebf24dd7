// rules-2020.md, Settings: the `scale` (按比例折算) policy for 不适用 leaves.
import { assess } from "../../../src/core/assess";
import { totalNote } from "../../../src/core/plan/explain";
import { buildReport, notApplicablePoints } from "../../../src/core/plan/report";
import { adjustmentSheet, book, leaf, result, score, sheet, total, unit } from "../builders";

const U = "县发改局";
const NO_LISTS = { 认定名单数: 0, 及时发布数: 0 }; // 四.2 不适用 (max 10)
const PARTLY = { 应报送条数: 178, 已报送条数: 47, 合格条数: 47 }; // 三.2 = 6.6

describe("按比例折算", () => {
  test("a 不适用 leaf counts 0 (marked 不适用) and the leaf sum is converted to 100: 90 of 90 → 100", () => {
    const u = result(score([unit(U, NO_LISTS)], { settings: { naPolicy: "scale" } }), U);
    expect(u.notApplicable).toEqual(["4.2"]);
    expect(leaf(u, "4.2")).toBe(0);
    expect(u.scaled).toEqual({ sum: 9000, applicableMax: 9000 });
    expect(total(u)).toBe(100);
    // the indicator shows the unconverted sum
    expect(u.indicators.get("4")).toBe(1000);
  });

  test("71.6 of 90: round(71.6 × 100 ÷ 90) = 79.56 (half-up at 2 decimals), plus the bonus after", () => {
    const a = score([unit(U, { ...PARTLY, ...NO_LISTS, 创新加分: 2, 加分事由: "首创" })], {
      settings: { naPolicy: "scale" },
    });
    const u = result(a, U);
    expect(u.scaled).toEqual({ sum: 7160, applicableMax: 9000 });
    expect(total(u)).toBe(81.56);
    expect(totalNote(u)).toBe(
      "总分 = 十项得分之和 71.6 ÷ 适用细项满分 90 × 100 = 79.56（按比例折算，不适用：4.2）+ 加分 2 = 81.56 分",
    );
    const r = buildReport(a).units[0];
    expect(r.scaled).toEqual({ sum: 71.6, applicableMax: 90 });
    expect(r.leaves["4.2"]).toBe(0);
    expect(r.notApplicable).toEqual(["4.2"]);
  });

  test("two 不适用 leaves: 四.2 and 四.3 (max 15): 85 of 85 → 100", () => {
    const u = result(
      score([unit(U, { ...NO_LISTS, 应发起响应数: 0, 已发起响应数: 0 })], { settings: { naPolicy: "scale" } }),
      U,
    );
    expect(u.notApplicable).toEqual(["4.2", "4.3"]);
    expect(u.scaled).toEqual({ sum: 8500, applicableMax: 8500 });
    expect(total(u)).toBe(100);
  });

  test("a unit with no 不适用 leaf is not converted and carries no `scaled`", () => {
    const a = score([unit(U, PARTLY)], { settings: { naPolicy: "scale" } });
    expect(result(a, U).scaled).toBeNull();
    expect(total(result(a, U))).toBe(81.6);
    expect(buildReport(a).units[0]).not.toHaveProperty("scaled");
  });

  test("a leaf set by 核定调整 is not 不适用: its max stays in the divisor", () => {
    const a = assess(
      book([
        sheet([unit(U, { ...PARTLY, ...NO_LISTS })]),
        adjustmentSheet([{ unit: U, item: "4.2", score: 6, reason: "已认定名单，系统未录入" }]),
      ]),
      { settings: { naPolicy: "scale" } },
    );
    const u = result(a, U);
    expect(u.notApplicable).toEqual([]);
    expect(u.scaled).toBeNull();
    // 71.6 + 6, not converted
    expect(total(u)).toBe(77.6);
    // computed is the leaf's value under the policy in force: 0 under scale
    expect(u.adjustments[0].computed).toBe(0);
  });
});

describe("points from 不适用 leaves (the pane's summary)", () => {
  test.each([
    ["full", 1000],
    ["zero", 0],
    ["scale", 1000], // 90 converted to 100: the conversion added 10
  ] as const)("under %s, 四.2 不适用 on an otherwise full unit gives %i hundredths", (naPolicy, cents) => {
    const r = buildReport(score([unit(U, NO_LISTS)], { settings: { naPolicy } })).units[0];
    expect(notApplicablePoints(r)).toBe(cents);
  });
});
