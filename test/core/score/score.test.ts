// rules-2020.md: 不适用 policies, total, ranking (并列 1-2-2-4, ties in Annex 1 order), self-assessment gap, settings.
import { WorkbookError } from "../../../src/core/model";
import { rankPositions } from "../../../src/core/score/rank";
import { findings, leaf, result, score, total, unit } from "../builders";

describe("不适用 policies", () => {
  // 四.2 (max 10): 县发改局 认定 0 → 不适用; 县公安局 5 of 11 → 10 × 5/11 = 4.545… → 4.55; 县司法局 4 of 4 → 10
  const units = [
    unit("县发改局", { 认定名单数: 0, 及时发布数: null }),
    unit("县公安局", { 认定名单数: 11, 及时发布数: 5 }),
    unit("县司法局", { 认定名单数: 4, 及时发布数: 4 }),
  ];

  test("full (the default): full marks, marked 不适用", () => {
    const a = score(units);
    const u = result(a, "县发改局");
    expect(leaf(u, "4.2")).toBe(10);
    expect(u.notApplicable).toEqual(["4.2"]);
    expect(total(u)).toBe(100);
  });

  test("zero: 0, still marked 不适用", () => {
    const u = result(score(units, { settings: { naPolicy: "zero" } }), "县发改局");
    expect(leaf(u, "4.2")).toBe(0);
    expect(u.notApplicable).toEqual(["4.2"]);
    expect(total(u)).toBe(90);
  });

  test("average: the mean of the rounded scores where it applies, half-up: (4.55 + 10) / 2 = 7.275 → 7.28", () => {
    const a = score(units, { settings: { naPolicy: "average" } });
    const u = result(a, "县发改局");
    expect(leaf(u, "4.2")).toBe(7.28);
    expect(u.notApplicable).toEqual(["4.2"]);
    // applying units keep their own scores
    expect(leaf(result(a, "县公安局"), "4.2")).toBe(4.55);
    expect(leaf(result(a, "县司法局"), "4.2")).toBe(10);
    // 100 − 10 + 7.28 = 97.28
    expect(total(u)).toBe(97.28);
  });

  test("average: the mean itself is rounded half-up: (3.33 + 5) / 2 = 4.165 → 4.17", () => {
    // 四.2: 县公安局 10 × 1/3 = 3.333… → 3.33; 县司法局 10 × 1/2 = 5
    const a = score(
      [
        unit("县发改局", { 认定名单数: 0, 及时发布数: 0 }),
        unit("县公安局", { 认定名单数: 3, 及时发布数: 1 }),
        unit("县司法局", { 认定名单数: 2, 及时发布数: 1 }),
      ],
      { settings: { naPolicy: "average" } },
    );
    expect(leaf(result(a, "县公安局"), "4.2")).toBe(3.33);
    expect(leaf(result(a, "县司法局"), "4.2")).toBe(5);
    expect(leaf(result(a, "县发改局"), "4.2")).toBe(4.17);
  });

  test("average is over the rounded scores: (3.13 + 9.38) / 2 = 6.255 → 6.26, not (3.125 + 9.375) / 2 = 6.25", () => {
    // 三.2: 25 × 1/8 = 3.125 → 3.13; 25 × 3/8 = 9.375 → 9.38
    const a = score(
      [
        unit("县发改局", { 应报送条数: 0, 已报送条数: 0, 合格条数: 0 }),
        unit("县公安局", { 应报送条数: 8, 已报送条数: 1, 合格条数: 1 }),
        unit("县司法局", { 应报送条数: 8, 已报送条数: 3, 合格条数: 3 }),
      ],
      { settings: { naPolicy: "average" } },
    );
    expect(leaf(result(a, "县公安局"), "3.2")).toBe(3.13);
    expect(leaf(result(a, "县司法局"), "3.2")).toBe(9.38);
    expect(leaf(result(a, "县发改局"), "3.2")).toBe(6.26);
  });

  test("average with no unit where it applies: full marks", () => {
    const a = score(
      [unit("县发改局", { 严重失信企业数: 0, 参与修复企业数: null }), unit("县公安局", { 严重失信企业数: 0 })],
      { settings: { naPolicy: "average" } },
    );
    expect(leaf(result(a, "县发改局"), "8")).toBe(5);
    expect(leaf(result(a, "县公安局"), "8")).toBe(5);
  });

  test("average: a unit whose denominator is blank applies (scores 0) and pulls the mean down", () => {
    // 县公安局 blank 认定 → 0 (applies); 县司法局 10: mean (0 + 10) / 2 = 5
    const a = score(
      [
        unit("县发改局", { 认定名单数: 0, 及时发布数: null }),
        unit("县公安局", { 认定名单数: null, 及时发布数: null }),
        unit("县司法局"),
      ],
      { settings: { naPolicy: "average" } },
    );
    expect(leaf(result(a, "县发改局"), "4.2")).toBe(5);
  });

  test("三.3 following 三.2 takes the policy of its own leaf: zero → both 0", () => {
    const u = result(
      score([unit("县发改局", { 应报送条数: 0, 已报送条数: 0, 合格条数: 0 })], { settings: { naPolicy: "zero" } }),
      "县发改局",
    );
    expect([leaf(u, "3.2"), leaf(u, "3.3")]).toEqual([0, 0]);
    expect(u.notApplicable).toEqual(["3.2", "3.3"]);
  });
});

describe("total = sum of the 17 rounded leaves + rounded bonus", () => {
  test("a worked unit", () => {
    const u = result(
      score([
        unit("县发改局", {
          联络员: null, // 一 3
          其他相关机制: "无", // 二 3
          目录完整: "否", // 三.1 1
          应报送条数: 178, // 三.2 25 × 47/178 = 6.60
          已报送条数: 47,
          合格条数: 40, // 三.3 3 × 40/47 = 2.553… → 2.55
          应公示条数: 0, // 三.4 不适用 → 3
          按时公示条数: 0,
          // 三.5 3, 四.1 5
          认定名单数: 11, // 四.2 10 × 5/11 = 4.55
          及时发布数: 5,
          // 四.3 5
          信用承诺数: 7, // 五 3.5
          信用报告数: 1, // 六 0.5
          信用审查数: 0, // 七 0
          严重失信企业数: 10, // 八 7/10 = 70% → 4
          参与修复企业数: 7,
          宣传活动次数: 3, // 九.1 1.5
          信息采用条数: 1, // 九.2 0.5
          缺席活动次数: 1, // 十 4
          创新加分: 1.5, // 1.5
          加分事由: "试点",
        }),
      ]),
      "县发改局",
    );
    // 三 = 1 + 6.60 + 2.55 + 3 + 3 = 16.15; 四 = 5 + 4.55 + 5 = 14.55; 九 = 1.5 + 0.5 = 2
    const ind = Object.fromEntries([...u.indicators].map(([k, c]) => [k, c / 100]));
    expect(ind).toEqual({
      "1": 3,
      "2": 3,
      "3": 16.15,
      "4": 14.55,
      "5": 3.5,
      "6": 0.5,
      "7": 0,
      "8": 4,
      "9": 2,
      "10": 4,
    });
    expect(u.bonus / 100).toBe(1.5);
    // 3 + 3 + 16.15 + 14.55 + 3.5 + 0.5 + 0 + 4 + 2 + 4 = 50.7; + 1.5 = 52.2
    expect(total(u)).toBe(52.2);
  });
});

describe("ranking", () => {
  // totals by design: 县发改局 100, 县公安局 99, 县司法局 99, 县法院 97 → ranks 1, 2, 2, 4
  test("并列: 1, 2, 2, 4", () => {
    const a = score([
      unit("县法院", { 联络员: null, 牵头股室: null, 分管领导: null }), // 97
      unit("县司法局", { 联络员: null }), // 99
      unit("县公安局", { 牵头股室: null }), // 99
      unit("县发改局"), // 100
    ]);
    expect(a.units.map((u) => [u.record.key, total(u), u.rank])).toEqual([
      ["县发改局", 100, 1],
      ["县公安局", 99, 2], // Annex 1: 县公安局 (3rd) before 县司法局 (4th)
      ["县司法局", 99, 2],
      ["县法院", 97, 4],
    ]);
  });

  test("within a tie: Annex 1 order, then units off the roster in sheet order", () => {
    const a = score([
      unit("县乙办"), // off roster, sheet row 2
      unit("县编办"), // Annex 1: 36th
      unit("县甲办"), // off roster, sheet row 4
      unit("县发改局"), // Annex 1: 1st
      unit("人民银行衡东县支行"), // Annex 1: 2nd
    ]);
    expect(a.units.map((u) => [u.record.key, u.rank])).toEqual([
      ["县发改局", 1],
      ["人民银行衡东县支行", 1],
      ["县编办", 1],
      ["县乙办", 1],
      ["县甲办", 1],
    ]);
  });

  test("every unit is ranked: one with findings, both rows of a duplicate; a nameless row is not a unit", () => {
    const a = score([
      unit("县发改局", { 联络员: null }), // 99
      unit("县公安局"), // 100, row 3
      unit("县公安局", { 信用报告数: 0 }), // 95, row 4
      unit(null, { 信用承诺数: 0 }), // 90, no name
    ]);
    expect(a.units.map((u) => [u.record.row, total(u), u.rank])).toEqual([
      [3, 100, 1],
      [2, 99, 2],
      [4, 95, 3],
    ]);
  });

  test("ties are compared at 2 decimals: 99.99 and 99.99 tie, 99.99 and 100 do not", () => {
    // 三.2: 25 × 2999/3000 = 24.991… → 24.99 → total 99.99
    const a = score([
      unit("县公安局", { 应报送条数: 3000, 已报送条数: 2999, 合格条数: 2999 }),
      unit("县发改局", { 应报送条数: 3000, 已报送条数: 2999, 合格条数: 2999 }),
      unit("县司法局"),
    ]);
    expect(a.units.map((u) => [u.record.key, total(u), u.rank])).toEqual([
      ["县司法局", 100, 1],
      ["县发改局", 99.99, 2],
      ["县公安局", 99.99, 2],
    ]);
  });

  test("ranks on bare totals: 1 + the number of strictly greater totals", () => {
    const totals = [50, 70, 70, 70, 10, 90, 50];
    const { order, rank } = rankPositions(
      totals,
      totals.map((_, i) => i),
    );
    // 90 → 1; 70 ×3 → 2; 50 ×2 → 5; 10 → 7
    expect(order.map((i, pos) => [totals[i], rank[pos]])).toEqual([
      [90, 1],
      [70, 2],
      [70, 2],
      [70, 2],
      [50, 5],
      [50, 5],
      [10, 7],
    ]);
  });
});

describe("self-assessment gap (第五条)", () => {
  test("自评总分 5 or more away from 总分 is warned about", () => {
    const u = result(score([unit("县发改局", { 自评总分: 95 })]), "县发改局");
    // |95 − 100| = 5 ≥ 5
    expect(findings(u.findings, "warning", "自评总分")).toHaveLength(1);
  });

  test("4.99 away is not", () => {
    const u = result(score([unit("县发改局", { 自评总分: 95.01 })]), "县发改局");
    expect(findings(u.findings, "warning", "自评总分")).toEqual([]);
  });

  test("the gap is a setting; the self score never changes the total", () => {
    const u = result(score([unit("县发改局", { 自评总分: 98 })], { settings: { selfGap: 2 } }), "县发改局");
    expect(findings(u.findings, "warning", "自评总分")).toHaveLength(1);
    expect(total(u)).toBe(100);
  });
});

describe("settings from outside are checked", () => {
  test.each([
    [{ naPolicy: "maybe" as never }],
    [{ steps: "round" as never }],
    [{ bonusCap: -1 }],
    [{ bonusCap: Number.NaN }],
    [{ selfGap: -5 }],
  ])("%j is refused", (settings) => {
    expect(() => score([unit("县发改局")], { settings })).toThrow(WorkbookError);
  });

  test("bonus cap 0 is allowed: every bonus becomes 0, with a warning", () => {
    const u = result(
      score([unit("县发改局", { 创新加分: 2, 加分事由: "表彰" })], { settings: { bonusCap: 0 } }),
      "县发改局",
    );
    expect(u.bonus).toBe(0);
    expect(findings(u.findings, "warning", "创新加分")).toHaveLength(1);
  });
});

describe("explanations, built on demand", () => {
  // 县发改局: 应报送 0 → 三.2 不适用, 三.3 follows it; 认定 0 → 四.2 不适用; bonus 12 over the cap 10.
  // Average policy over 县公安局 and 县司法局: 三.2 25, 三.3 3, 四.2 (4.55 + 10) / 2 = 7.275 → 7.28.
  const a = score(
    [
      unit("县发改局", {
        应报送条数: 0,
        已报送条数: 0,
        合格条数: 0,
        认定名单数: 0,
        及时发布数: null,
        创新加分: 12,
        加分事由: "表彰",
      }),
      unit("县公安局", { 认定名单数: 11, 及时发布数: 5 }),
      unit("县司法局", { 认定名单数: 4, 及时发布数: 4 }),
    ],
    { settings: { naPolicy: "average" } },
  );
  const u = result(a, "县发改局");

  test("a 不适用 leaf says why, then how the policy scored it; a following leaf says whom it follows", () => {
    expect(u.notApplicable).toEqual(["3.2", "3.3", "4.2"]);
    expect(u.explain("3.2")).toBe("应报送条数为 0，不适用：按设置记适用单位（2 家）平均分 25 分");
    expect(u.explain("3.3")).toBe("已报送条数为 0，与 3.2 同为不适用：按设置记适用单位（2 家）平均分 3 分");
    expect(u.explain("4.2")).toBe("认定名单数为 0，不适用：按设置记适用单位（2 家）平均分 7.28 分");
  });

  test("a scored leaf, the bonus, and an id that is no leaf", () => {
    expect(u.explain("1")).toBe("已有 4 项：每项 1 分，得 4 分");
    expect(result(a, "县公安局").explain("4.2")).toBe("及时发布数 5 / 认定名单数 11 = 45.45%，10 × 45.45% = 4.55 分");
    expect(u.explainBonus()).toBe("创新加分 12 分，超过上限 10 分，按上限记 10 分");
    expect(result(a, "县公安局").explainBonus()).toBe("无创新加分");
    expect(u.explain("11")).toBeUndefined();
  });

  test("asking twice gives the same text, and asking changes no score", () => {
    const before = [...u.leaves];
    expect(u.explain("4.2")).toBe(u.explain("4.2"));
    expect([...u.leaves]).toEqual(before);
  });
});
