// rules-2020.md "Leaves": each leaf's rule, with the numbers worked by hand from the rule text.
// Every unit starts from FULL (all leaves at max, 100 points) and changes only the fields under test.
import type { CellValue } from "../../../src/core/model";
import type { StepsPolicy } from "../../../src/rules/settings";
import { COLUMNS, LEAF_MAX, bonus, book, findings, leaf, result, run, score, sheet, total, unit } from "../builders";

const U = "县发改局";
const scored = (changes: Record<string, CellValue>, steps?: StepsPolicy) =>
  result(score([unit(U, changes)], { settings: steps ? { steps } : {} }), U);
const pts = (id: string, changes: Record<string, CellValue>, steps?: StepsPolicy) => leaf(scored(changes, steps), id);

describe("the leaves' maxima add up to 100", () => {
  test("FULL scores every leaf at its max: 4+4+3+25+3+3+3+5+10+5+10+5+5+5+2+3+5 = 100", () => {
    const u = scored({});
    expect(Object.fromEntries([...u.leaves].map(([k, c]) => [k, c / 100]))).toEqual(LEAF_MAX);
    expect(total(u)).toBe(100);
    expect(u.notApplicable).toEqual([]);
    expect(u.findings).toEqual([]);
  });

  test("indicators: 三 = 3.1+…+3.5 = 37, 四 = 4.1+4.2+4.3 = 20, 九 = 9.1+9.2 = 5", () => {
    const u = scored({});
    expect(Object.fromEntries([...u.indicators].map(([k, c]) => [k, c / 100]))).toEqual({
      "1": 4,
      "2": 4,
      "3": 37,
      "4": 20,
      "5": 10,
      "6": 5,
      "7": 5,
      "8": 5,
      "9": 5,
      "10": 5,
    });
  });
});

describe("一 and 二: 1 point per item, 少1项扣1分", () => {
  test.each([
    ["一", "1", ["分管领导", "牵头股室", "责任股室", "联络员"]],
    ["二", "2", ["信用建设计划", "实施意见", "信用管理制度", "其他相关机制"]],
  ])("%s", (_, id, fields) => {
    expect(pts(id, {})).toBe(4);
    expect(pts(id, { [fields[3]]: null })).toBe(3); // missing
    expect(pts(id, { [fields[0]]: "无" })).toBe(3); // absent
    expect(pts(id, { [fields[1]]: "未明确", [fields[2]]: false })).toBe(2);
    expect(pts(id, Object.fromEntries(fields.map((f) => [f, null])))).toBe(0);
    expect(pts(id, { [fields[0]]: { error: "#N/A" } })).toBe(3); // invalid scores as missing
  });
});

describe("三.1: stamped and complete 3; stamped, not complete 1; not stamped 0", () => {
  test.each<[CellValue, CellValue, number]>([
    ["是", "是", 3],
    ["已盖章", "完整", 3],
    ["是", "否", 1],
    ["是", "不完整", 1],
    ["是", null, 1], // 目录完整 missing: not complete
    ["是", "可能", 1], // invalid: scores as missing
    ["否", "是", 0],
    ["未盖章", "完整", 0],
    [null, "是", 0],
    ["盖了", "是", 0], // invalid stamp
  ])("目录盖章确认 %j, 目录完整 %j → %d", (stamped, complete, p) => {
    expect(pts("3.1", { 目录盖章确认: stamped, 目录完整: complete })).toBe(p);
  });
});

describe("三.2: 25 × min(1, 已报送 ÷ 应报送)", () => {
  test.each<[CellValue, CellValue, number]>([
    [178, 47, 6.6], // 25 × 47/178 = 6.601… → 6.60
    [100, 100, 25],
    [3, 1, 8.33], // 25/3 = 8.333…
    [3, 2, 16.67], // 50/3 = 16.666…
    [8, 1, 3.13], // 25/8 = 3.125 → 3.13 (half-up)
    [10, 0, 0],
    [10, 7, 17.5], // 25 × 0.7
    ["12项", "6项", 12.5], // 25 × 6/12
  ])("应报送 %j, 已报送 %j → %d", (whole, part, p) => {
    expect(pts("3.2", { 应报送条数: whole, 已报送条数: part, 合格条数: 0 })).toBe(p);
  });

  test("应报送 0: 不适用, full marks by default", () => {
    const u = scored({ 应报送条数: 0, 已报送条数: 0, 合格条数: 0 });
    expect(u.notApplicable).toContain("3.2");
    expect(leaf(u, "3.2")).toBe(25);
  });

  test("a blank 应报送 scores 0, not 不适用", () => {
    const u = scored({ 应报送条数: null, 已报送条数: null, 合格条数: null });
    expect(leaf(u, "3.2")).toBe(0);
    expect(u.notApplicable).not.toContain("3.2");
    expect(findings(u.findings, "missing", "应报送条数")).toHaveLength(1);
  });

  test("an invalid 应报送 scores 0, not 不适用", () => {
    const u = scored({ 应报送条数: "无", 已报送条数: null, 合格条数: null });
    expect(leaf(u, "3.2")).toBe(0);
    expect(u.notApplicable).not.toContain("3.2");
  });

  test("a missing 已报送 counts 0: 25 × 0/10 = 0", () => {
    expect(pts("3.2", { 应报送条数: 10, 已报送条数: null, 合格条数: null })).toBe(0);
  });
});

describe("三.3: 3 × min(1, 合格 ÷ 已报送), following 三.2 when 已报送 is missing, invalid or 0", () => {
  test.each<[CellValue, CellValue, number]>([
    [100, 50, 1.5], // 3 × 1/2
    [8, 1, 0.38], // 3/8 = 0.375 → 0.38
    [3, 1, 1], // 3 × 1/3
    [7, 3, 1.29], // 9/7 = 1.2857… → 1.29
    [10, 0, 0],
  ])("已报送 %j, 合格 %j → %d", (sent, ok, p) => {
    expect(pts("3.3", { 应报送条数: 100, 已报送条数: sent, 合格条数: ok })).toBe(p);
  });

  test("应报送 0 (三.2 不适用) and 已报送 0: 三.3 is 不适用 too", () => {
    const u = scored({ 应报送条数: 0, 已报送条数: 0, 合格条数: 0 });
    expect(u.notApplicable).toEqual(["3.2", "3.3"]);
    expect(leaf(u, "3.3")).toBe(3);
  });

  test("应报送 0 and 已报送 blank: both 不适用, nothing flagged", () => {
    const u = scored({ 应报送条数: 0, 已报送条数: null, 合格条数: null });
    expect(u.notApplicable).toEqual(["3.2", "3.3"]);
    expect(u.findings).toEqual([]);
  });

  test("应报送 10 and 已报送 0: 三.2 applies (0), so 三.3 is 0, not 不适用", () => {
    const u = scored({ 应报送条数: 10, 已报送条数: 0, 合格条数: null });
    expect(leaf(u, "3.2")).toBe(0);
    expect(leaf(u, "3.3")).toBe(0);
    expect(u.notApplicable).toEqual([]);
  });

  test("应报送 10 and 已报送 blank: 三.3 is 0", () => {
    const u = scored({ 应报送条数: 10, 已报送条数: null, 合格条数: null });
    expect(leaf(u, "3.3")).toBe(0);
    expect(u.notApplicable).toEqual([]);
  });

  test("应报送 10 and 已报送 invalid: 三.3 is 0", () => {
    expect(pts("3.3", { 应报送条数: 10, 已报送条数: "很多", 合格条数: 5 })).toBe(0);
  });

  test("a blank 合格 with 已报送 > 0 counts 0 and is missing", () => {
    const u = scored({ 应报送条数: 10, 已报送条数: 10, 合格条数: null });
    expect(leaf(u, "3.3")).toBe(0);
    expect(findings(u.findings, "missing", "合格条数")).toHaveLength(1);
  });
});

describe("三.4 without a ledger: 3 × 按时公示 ÷ 应公示", () => {
  test.each<[CellValue, CellValue, number]>([
    [8, 6, 2.25], // 3 × 6/8
    [10, 10, 3],
    [3, 1, 1], // 3 × 1/3
    [6, 1, 0.5],
    [7, 1, 0.43], // 3/7 = 0.428… → 0.43
    [4, 0, 0],
  ])("应公示 %j, 按时 %j → %d", (due, onTime, p) => {
    expect(pts("3.4", { 应公示条数: due, 按时公示条数: onTime })).toBe(p);
  });

  test("应公示 0: 不适用", () => {
    const u = scored({ 应公示条数: 0, 按时公示条数: null });
    expect(u.notApplicable).toEqual(["3.4"]);
    expect(leaf(u, "3.4")).toBe(3);
  });

  test("a blank 应公示: 0 and missing", () => {
    const u = scored({ 应公示条数: null, 按时公示条数: null });
    expect(leaf(u, "3.4")).toBe(0);
    expect(u.notApplicable).toEqual([]);
    expect(findings(u.findings, "missing", "应公示条数")).toHaveLength(1);
  });
});

describe("三.5 and 四.1: full marks when the evidence is present", () => {
  test.each<[string, string, number, CellValue, number]>([
    ["3.5", "双公示台账", 3, "已建立", 3],
    ["3.5", "双公示台账", 3, "是", 3],
    ["3.5", "双公示台账", 3, "未建立", 0],
    ["3.5", "双公示台账", 3, "无", 0],
    ["3.5", "双公示台账", 3, null, 0],
    ["4.1", "红黑名单制度", 5, "衡东发〔2020〕5号", 5],
    ["4.1", "红黑名单制度", 5, "尚未出台", 0],
    ["4.1", "红黑名单制度", 5, { error: "#REF!" }, 0],
  ])("%s %s = %j → %d", (id, field, _max, v, p) => {
    expect(pts(id, { [field]: v })).toBe(p);
  });
});

describe("四.2 and 四.3: ratio leaves", () => {
  test("四.2: 认定 11, 及时发布 5 → 10 × 5/11 = 4.545… → 4.55", () => {
    expect(pts("4.2", { 认定名单数: 11, 及时发布数: 5 })).toBe(4.55);
  });
  test("四.2: 认定 16, 及时发布 1 → 10/16 = 0.625 → 0.63 (half-up)", () => {
    expect(pts("4.2", { 认定名单数: 16, 及时发布数: 1 })).toBe(0.63);
  });
  test("四.3: 应发起响应 11, 已发起响应 8 → 5 × 8/11 = 3.636… → 3.64", () => {
    expect(pts("4.3", { 应发起响应数: 11, 已发起响应数: 8 })).toBe(3.64);
  });
  test("认定 0 and 应发起响应 0: 不适用", () => {
    const u = scored({ 认定名单数: 0, 及时发布数: 0, 应发起响应数: 0, 已发起响应数: null });
    expect(u.notApplicable).toEqual(["4.2", "4.3"]);
    expect([leaf(u, "4.2"), leaf(u, "4.3")]).toEqual([10, 5]);
  });
  test("a blank denominator: 0, not 不适用", () => {
    const u = scored({ 认定名单数: null, 及时发布数: null, 应发起响应数: null, 已发起响应数: null });
    expect([leaf(u, "4.2"), leaf(u, "4.3")]).toEqual([0, 0]);
    expect(u.notApplicable).toEqual([]);
  });
});

describe("五 六 七 九: 0.5 per item, capped", () => {
  test.each<[string, string, CellValue, number]>([
    ["5", "信用承诺数", 0, 0],
    ["5", "信用承诺数", 7, 3.5], // 7 × 0.5
    ["5", "信用承诺数", 19, 9.5],
    ["5", "信用承诺数", 20, 10],
    ["5", "信用承诺数", 25, 10], // 12.5 capped at 10
    ["5", "信用承诺数", null, 0],
    ["6", "信用报告数", 1, 0.5],
    ["6", "信用报告数", 10, 5],
    ["6", "信用报告数", 11, 5], // 5.5 capped at 5
    ["6", "信用报告数", 0, 0], // 未开展不得分
    ["7", "信用审查数", 3, 1.5],
    ["7", "信用审查数", 12, 5], // 6 capped at 5
    ["7", "信用审查数", "3家", 1.5],
    ["9.1", "宣传活动次数", 3, 1.5],
    ["9.1", "宣传活动次数", 4, 2],
    ["9.1", "宣传活动次数", 10, 2], // 5 capped at 2
    ["9.1", "宣传活动次数", 0, 0],
    ["9.2", "信息采用条数", 5, 2.5],
    ["9.2", "信息采用条数", 6, 3],
    ["9.2", "信息采用条数", 9, 3], // 4.5 capped at 3
    ["9.2", "信息采用条数", "无", 0], // invalid
  ])("%s: %s %j → %d", (id, field, v, p) => {
    expect(pts(id, { [field]: v })).toBe(p);
  });

  test("a huge count is capped, not overflowed", () => {
    expect(pts("5", { 信用承诺数: 9007199254740991 })).toBe(10);
  });
});

describe("八: rate ≥ 80% full; below, minus 1 per 10 points short (steps setting)", () => {
  // [严重失信, 参与, ceil, floor, prorata], each worked from shortfall = 80 − rate in percentage points
  test.each<[number, number, number, number, number]>([
    [10, 10, 5, 5, 5], // 100%
    [10, 8, 5, 5, 5], // 80%: no shortfall
    [100, 79, 4, 5, 4.9], // 79%: short 1 → ceil 1 step, floor 0 steps, prorata 0.1
    [100, 75, 4, 5, 4.5], // 75%: short 5 → ceil 1, floor 0, prorata 0.5 (spec: 75% prorata → −0.5)
    [10, 7, 4, 4, 4], // 70%: short exactly 10 → 1 step in every mode (spec: 70% → −1)
    [100, 70, 4, 4, 4],
    [100, 69, 3, 4, 3.9], // 69%: short 11 → ceil 2, floor 1, prorata 1.1 (spec: 69% → −2)
    [10, 3, 0, 0, 0], // 30%: short 50 → 5 steps → 0 (spec: 30% → −5)
    [10, 0, 0, 0, 0], // 0%: short 80 → 8 steps, floor 0
    [3, 2, 3, 4, 3.67], // 66.67%: short 13.33 → ceil 2, floor 1, prorata 1.333… → 1.33
    [7, 5, 4, 5, 4.14], // 71.43%: short 8.571… → ceil 1, floor 0, prorata 0.857… → 0.86
  ])("严重失信 %i, 参与 %i → ceil %d, floor %d, prorata %d", (whole, part, ceil, floor, prorata) => {
    const c = { 严重失信企业数: whole, 参与修复企业数: part };
    expect(pts("8", c, "ceil")).toBe(ceil);
    expect(pts("8", c, "floor")).toBe(floor);
    expect(pts("8", c, "prorata")).toBe(prorata);
  });

  test("ceil is the default: 79% → 4", () => {
    expect(pts("8", { 严重失信企业数: 100, 参与修复企业数: 79 })).toBe(4);
  });

  test("严重失信 0: 不适用", () => {
    const u = scored({ 严重失信企业数: 0, 参与修复企业数: null });
    expect(u.notApplicable).toEqual(["8"]);
    expect(leaf(u, "8")).toBe(5);
  });

  test("a blank 严重失信: 0, not 不适用", () => {
    const u = scored({ 严重失信企业数: null, 参与修复企业数: null });
    expect(leaf(u, "8")).toBe(0);
    expect(u.notApplicable).toEqual([]);
  });

  test("a blank 参与 with 严重失信 5 counts 0: 0% → 0", () => {
    const u = scored({ 严重失信企业数: 5, 参与修复企业数: null });
    expect(leaf(u, "8")).toBe(0);
    expect(findings(u.findings, "missing", "参与修复企业数")).toHaveLength(1);
  });
});

describe("十: 5 − 1 per absence, floor 0; missing or invalid scores 0", () => {
  test.each<[CellValue, number]>([
    [0, 5],
    [1, 4],
    [2, 3],
    [5, 0],
    [7, 0], // 5 − 7 floored at 0
    ["1次", 4],
    [null, 0], // bad data never earns points
    ["无", 0], // 无 is no count (无则填0)
    [-1, 0],
  ])("缺席 %j → %d", (v, p) => {
    expect(pts("10", { 缺席活动次数: v })).toBe(p);
  });

  test("a blank 缺席 is flagged missing", () => {
    expect(findings(scored({ 缺席活动次数: null }).findings, "missing", "缺席活动次数")).toHaveLength(1);
  });
});

describe("创新加分 (第四条): as entered, capped at 10, needs a reason", () => {
  test("2 points with a reason: 2, total 100 + 2 = 102 (the base is 100, a total can exceed it)", () => {
    const u = scored({ 创新加分: 2, 加分事由: "获省级信用示范" });
    expect(bonus(u)).toBe(2);
    expect(total(u)).toBe(102);
  });

  test("12 points: cut to the cap 10, with a warning on the 创新加分 cell", () => {
    const u = scored({ 创新加分: 12, 加分事由: "获国家级表彰" });
    expect(bonus(u)).toBe(10);
    expect(total(u)).toBe(110);
    const w = findings(u.findings, "warning", "创新加分");
    expect(w).toHaveLength(1);
  });

  test("exactly the cap: 10, no warning", () => {
    const u = scored({ 创新加分: 10, 加分事由: "获国家级表彰" });
    expect(bonus(u)).toBe(10);
    expect(findings(u.findings, "warning", "创新加分")).toEqual([]);
  });

  test("the cap is a setting: cap 3, entered 5 → 3", () => {
    const u = result(score([unit(U, { 创新加分: 5, 加分事由: "表彰" })], { settings: { bonusCap: 3 } }), U);
    expect(bonus(u)).toBe(3);
  });

  test("the bonus is rounded half-up: 2.555 → 2.56 (as text, so no binary error hides the tie)", () => {
    expect(bonus(scored({ 创新加分: "2.555", 加分事由: "表彰" }))).toBe(2.56);
  });

  test("as text: '2.5' → 2.5", () => {
    expect(bonus(scored({ 创新加分: "2.5", 加分事由: "表彰" }))).toBe(2.5);
  });

  test.each<[string, CellValue]>([
    ["blank reason", null],
    ["no-word reason", "无"],
    ["暂无", "暂无"],
  ])("%s: the bonus counts 0", (_, reason) => {
    const u = scored({ 创新加分: 2, 加分事由: reason });
    expect(bonus(u)).toBe(0);
    expect(total(u)).toBe(100);
  });

  test("without a 加分事由 column the bonus has no reason and counts 0", () => {
    const columns = COLUMNS.filter((c) => c !== "加分事由");
    const u = result(run(book([sheet([unit(U, { 创新加分: 2 })], { columns })])), U);
    expect(bonus(u)).toBe(0);
    // the row is told why: a missing 加分事由 with no cell to point at
    const f = findings(u.findings, "missing", "加分事由");
    expect(f).toHaveLength(1);
    expect(f[0].col).toBeUndefined();
  });

  test.each<CellValue>([-1, "abc", { error: "#N/A" }])("invalid 创新加分 %j counts 0", (v) => {
    const u = scored({ 创新加分: v, 加分事由: "表彰" });
    expect(bonus(u)).toBe(0);
    expect(findings(u.findings, "invalid", "创新加分")).toHaveLength(1);
  });
});
