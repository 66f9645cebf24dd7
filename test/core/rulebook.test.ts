// The rulebook is data: the 2020 file is consistent, a broken file is caught, and a different year's rules work
// through the same engine with no code change (issue: "a 2021 rulebook must be a new data file").
import { assess } from "../../src/core/assess";
import { DEFAULT_RULEBOOK, RULEBOOKS, findRulebook, rulebookProblems } from "../../src/rules";
import { HENGDONG_2020 } from "../../src/rules/hengdong-2020";
import type { Rulebook } from "../../src/rules/types";
import { book, sheet, unit } from "./builders";

describe("the rulebook registry", () => {
  test("knows the 2020 rulebook, which is consistent and adds up to 100", () => {
    expect(RULEBOOKS.map((r) => r.id)).toContain("hengdong-2020");
    expect(findRulebook("hengdong-2020")).toBe(HENGDONG_2020);
    expect(DEFAULT_RULEBOOK).toBe(HENGDONG_2020);
    expect(rulebookProblems(HENGDONG_2020)).toEqual([]);
    expect(HENGDONG_2020.indicators.reduce((s, i) => s + i.max, 0)).toBe(100);
  });

  test("finds the mistakes a new data file is likely to have", () => {
    const broken: Rulebook = {
      ...HENGDONG_2020,
      year: 2023,
      leaves: HENGDONG_2020.leaves.map((l) =>
        l.id === "5"
          ? { ...l, max: 12, rule: { kind: "perCount", field: "承诺数", pointsEach: 0.5, label: "", unit: "项" } }
          : l,
      ),
    };
    const problems = rulebookProblems(broken);
    expect(problems).toContain("leaf 5 reads unknown field 承诺数");
    expect(problems).toContain("indicator 5's leaves add up to 12, not 10");
    expect(problems).toContain("the calendar does not cover 2023");
  });
});

describe("another year's rules, as data only", () => {
  // A made-up 2021 variant: 五 gives 1 point per commitment (cap 10), 十 takes 2 points per absence, a shorter roster.
  const R2021: Rulebook = {
    ...HENGDONG_2020,
    id: "test-2021",
    year: 2021,
    roster: ["县发改局", "县公安局"],
    leaves: HENGDONG_2020.leaves.map((l) => {
      if (l.id === "5")
        return { ...l, rule: { kind: "perCount", field: "信用承诺数", pointsEach: 1, label: "信用承诺", unit: "项" } };
      if (l.id === "10")
        return {
          ...l,
          rule: { kind: "deductPerCount", field: "缺席活动次数", pointsEach: 2, label: "缺席", unit: "次" },
        };
      return l;
    }),
  };

  test("is consistent", () => {
    expect(rulebookProblems(R2021)).toEqual([]);
  });

  test("scores with its own points and roster", () => {
    const snap = book([sheet([unit("县发改局", { 信用承诺数: 7, 缺席活动次数: 1 }), unit("县公安局")])]);
    const a = assess(snap, { rulebook: R2021 });
    const fgw = a.units.find((u) => u.record.key === "县发改局");
    expect(fgw?.leaves.get("5")).toBe(700); // 7 × 1 = 7 points
    expect(fgw?.leaves.get("10")).toBe(300); // 5 − 1 × 2 = 3 points
    // the same workbook under 2020: 7 × 0.5 = 3.5 and 5 − 1 = 4
    const old = assess(snap).units.find((u) => u.record.key === "县发改局");
    expect(old?.leaves.get("5")).toBe(350);
    expect(old?.leaves.get("10")).toBe(400);
    // no roster warnings for 2021's two units, none missing
    expect(a.findings.filter((f) => f.kind === "warning" && f.message.includes("名单"))).toEqual([]);
  });
});
