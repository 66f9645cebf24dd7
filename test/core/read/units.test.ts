// workbook.md "The assessment sheet" (unit rows) and rules-2020.md "Missing and invalid evidence", "Roster".
import type { CellValue } from "../../../src/core/model";
import { reviewSummary } from "../../../src/core/plan/report";
import {
  COLUMNS,
  type Rec,
  UNIT,
  book,
  bonus,
  colOf,
  findings,
  leaf,
  result,
  rowOf,
  run,
  score,
  sheet,
  total,
  unit,
} from "../builders";

const ROSTER_SIZE = 36;

describe("which rows are units", () => {
  test("blank rows are skipped silently, also between units", () => {
    const a = score([unit("县发改局"), {}, { [UNIT]: "  " }, unit("县公安局")]);
    expect(a.units.map((u) => [u.record.key, u.record.row])).toEqual(
      expect.arrayContaining([
        ["县发改局", 2],
        ["县公安局", 5],
      ]),
    );
    expect(a.units).toHaveLength(2);
    expect(a.units.flatMap((u) => u.findings).filter((f) => f.row === 3 || f.row === 4)).toEqual([]);
  });

  test("a row holding only a 序号 (an unknown column) is skipped", () => {
    const columns = ["序号", ...COLUMNS];
    const a = run(
      book([sheet([{ 序号: 1, ...unit("县发改局") }, { 序号: 2 }, { 序号: 3, 联系电话: "123" }], { columns })]),
    );
    expect(a.units).toHaveLength(1);
  });

  test.each(["合计", "小计", "总计", "平均", " 合 计 "])("a %j row is not a unit", (name) => {
    const a = score([unit("县发改局"), { [UNIT]: name, 应报送条数: 100, 已报送条数: 50, 信用承诺数: 20 }]);
    expect(a.units.map((u) => u.record.key)).toEqual(["县发改局"]);
  });

  // workbook.md: "A row with a known field filled but a blank unit name is not a unit: it is not scored or ranked …
  // and its name cell gets an invalid finding 缺少单位名称 at the top level of the report (its other cells are not
  // checked)".
  test("a blank unit name with data is not a unit: not scored or ranked, its name cell invalid at the top level", () => {
    const a = score([unit("县发改局", { 信用承诺数: 0 }), unit(null, { 联络员: null })]);
    expect(a.units.map((u) => [u.record.key, u.rank])).toEqual([["县发改局", 1]]);
    const f = a.findings.filter((x) => x.field === UNIT && x.kind === "invalid");
    expect(f).toHaveLength(1);
    expect([f[0].row, f[0].col, f[0].unit]).toEqual([3, 1, undefined]);
    expect(f[0].message).toBe("数据有误：缺少单位名称");
    // its blank 联络员 is not checked
    expect(a.findings.filter((x) => x.row === 3 && x.field !== UNIT)).toEqual([]);
  });

  test("a blank unit name with only one known field filled is still a row with data (flagged); an unknown one is not", () => {
    const records = [unit("县发改局"), { [UNIT]: null, 联络员: "王五" }, { [UNIT]: null, 联系电话: "12345" }];
    const a = run(book([sheet(records, { columns: [...COLUMNS, "联系电话"] })]));
    expect(a.units).toHaveLength(1);
    expect(a.findings.filter((x) => x.field === UNIT).map((x) => x.row)).toEqual([3]);
  });

  test("rows run to the end of the used range", () => {
    const records = Array.from({ length: 30 }, (_, i) => unit(i % 2 ? "县公安局" : "县发改局"));
    expect(score(records).units).toHaveLength(30);
  });
});

describe("roster checks (Annex 1)", () => {
  test("a unit on two rows is invalid on both, on its name cell, and both rows are scored and ranked", () => {
    const a = score([unit("县发改局"), unit("县公安局"), unit("县发改局", { 联络员: null })]);
    const dup = a.units.filter((u) => u.record.key === "县发改局");
    expect(dup.map((u) => u.record.row).sort()).toEqual([2, 4]);
    for (const u of dup) {
      const f = findings(u.findings, "invalid", UNIT);
      expect(f).toHaveLength(1);
      expect([f[0].row, f[0].col]).toEqual([u.record.row, 1]);
    }
    // 100 and 99 (联络员 missing → 一 = 3): ranks 1 (县发改局 row 2 and 县公安局, tied) and 3
    expect(dup.map((u) => u.rank).sort()).toEqual([1, 3]);
    expect(findings(result(a, "县公安局").findings, "invalid")).toEqual([]);
  });

  test("names are normalised before the duplicate check: 县发改局 and ' 县发改局 ' are the same unit", () => {
    const a = score([unit("县发改局"), unit(" 县 发改局 ")]);
    expect(a.units.every((u) => findings(u.findings, "invalid", UNIT).length === 1)).toBe(true);
  });

  test("a unit off the roster is scored and warned about, with the closest roster name: 县发改委 → 县发改局", () => {
    const a = score([unit("县发改委")]);
    const u = result(a, "县发改委");
    expect(total(u)).toBe(100);
    const w = findings(u.findings, "warning", UNIT);
    expect(w).toHaveLength(1);
    expect(w[0].message).toContain("县发改委");
    expect(w[0].message).toContain("县发改局");
    expect([w[0].row, w[0].col]).toEqual([2, 1]);
  });

  test.each([
    ["县公按局", "县公安局"],
    ["县住建委", "县住建局"],
    ["人民银行衡东支行", "人民银行衡东县支行"],
    ["衡东县税务局", "县税务局"],
  ])("%s → suggests %s", (typo, suggestion) => {
    const w = findings(result(score([unit(typo)]), typo).findings, "warning", UNIT);
    expect(w[0].message).toContain(`“${suggestion}”`);
  });

  test("a name that normalises onto the roster is on it (full-width, spaces)", () => {
    const u = result(score([unit("县 发改局\u3000")]), "县发改局");
    expect(u.record.rosterIndex).toBe(0);
    expect(findings(u.findings, "warning")).toEqual([]);
  });

  test("a roster unit absent from the sheet is warned about, one workbook-level warning each", () => {
    const a = score([unit("县发改局"), unit("县编办")]);
    const w = findings(a.findings, "warning");
    expect(w).toHaveLength(ROSTER_SIZE - 2);
    expect(w.some((f) => f.message.includes("县公安局"))).toBe(true);
    expect(w.some((f) => f.message.includes("县编办"))).toBe(false);
    expect(w.some((f) => f.message.includes("县发改局"))).toBe(false);
  });
});

describe("conditional requirements", () => {
  const one = (changes: Record<string, CellValue>) => result(score([unit("县发改局", changes)]), "县发改局");
  const kinds = (changes: Record<string, CellValue>, field: string) =>
    one(changes)
      .findings.filter((f) => f.field === field)
      .map((f) => f.kind);

  test("目录完整 only when 目录盖章确认 is yes", () => {
    expect(kinds({ 目录盖章确认: "否", 目录完整: null }, "目录完整")).toEqual([]);
    expect(kinds({ 目录盖章确认: null, 目录完整: null }, "目录完整")).toEqual([]);
    expect(kinds({ 目录盖章确认: "是", 目录完整: null }, "目录完整")).toEqual(["missing"]);
  });

  test("a part only when its whole is a valid number > 0", () => {
    expect(kinds({ 应报送条数: 0, 已报送条数: null, 合格条数: null }, "已报送条数")).toEqual([]);
    expect(kinds({ 应报送条数: 10, 已报送条数: null, 合格条数: null }, "已报送条数")).toEqual(["missing"]);
    expect(kinds({ 应报送条数: null, 已报送条数: null, 合格条数: null }, "已报送条数")).toEqual([]);
    expect(kinds({ 应报送条数: "无", 已报送条数: null, 合格条数: null }, "已报送条数")).toEqual([]);
    expect(kinds({ 应报送条数: "无", 已报送条数: null, 合格条数: null }, "应报送条数")).toEqual(["invalid"]);
    expect(kinds({ 应报送条数: null, 已报送条数: null, 合格条数: null }, "应报送条数")).toEqual(["missing"]);
  });

  test("the whole of 合格 is 已报送", () => {
    expect(kinds({ 应报送条数: 10, 已报送条数: 0, 合格条数: null }, "合格条数")).toEqual([]);
    expect(kinds({ 应报送条数: 10, 已报送条数: 5, 合格条数: null }, "合格条数")).toEqual(["missing"]);
  });

  test.each([
    ["按时公示条数", "应公示条数"],
    ["及时发布数", "认定名单数"],
    ["已发起响应数", "应发起响应数"],
    ["参与修复企业数", "严重失信企业数"],
  ])("%s only when %s > 0", (part, whole) => {
    expect(kinds({ [whole]: 0, [part]: null }, part)).toEqual([]);
    expect(kinds({ [whole]: 3, [part]: null }, part)).toEqual(["missing"]);
  });

  test("a part greater than its whole is invalid on the part's cell and scores as missing", () => {
    const u = one({ 应报送条数: 10, 已报送条数: 12, 合格条数: 12 });
    const f = findings(u.findings, "invalid", "已报送条数");
    expect(f).toHaveLength(1);
    expect([f[0].row, f[0].col]).toEqual([2, colOf("已报送条数")]);
    // 三.2: the part counts 0 → 25 × 0/10 = 0
    expect(leaf(u, "3.2")).toBe(0);
    // 三.3 follows 三.2 (已报送 invalid, 三.2 applies) → 0; 合格 is not required, so not flagged as missing
    expect(leaf(u, "3.3")).toBe(0);
    expect(findings(u.findings, "missing", "合格条数")).toEqual([]);
  });

  test.each([
    ["合格条数", { 已报送条数: 10, 合格条数: 11 }, "3.3"],
    ["按时公示条数", { 应公示条数: 10, 按时公示条数: 11 }, "3.4"],
    ["及时发布数", { 认定名单数: 4, 及时发布数: 5 }, "4.2"],
    ["已发起响应数", { 应发起响应数: 2, 已发起响应数: 3 }, "4.3"],
    ["参与修复企业数", { 严重失信企业数: 5, 参与修复企业数: 6 }, "8"],
  ])("%s > its whole: invalid, and the leaf scores as if the part were 0", (part, changes, leafId) => {
    const u = one(changes);
    expect(findings(u.findings, "invalid", part)).toHaveLength(1);
    // ratio leaves: max × 0/whole = 0; 八: rate 0% is 8 steps short of 80% → 5 − 8, floor 0
    expect(leaf(u, leafId)).toBe(0);
  });

  test("a part equal to its whole is fine", () => {
    const u = one({ 应报送条数: 10, 已报送条数: 10, 合格条数: 10 });
    expect(u.findings).toEqual([]);
    expect(leaf(u, "3.2")).toBe(25);
  });

  test("加分事由 only when 创新加分 > 0", () => {
    expect(kinds({ 创新加分: null, 加分事由: null }, "加分事由")).toEqual([]);
    expect(kinds({ 创新加分: 0, 加分事由: null }, "加分事由")).toEqual([]);
    expect(kinds({ 创新加分: 2, 加分事由: null }, "加分事由")).toEqual(["missing"]);
  });

  test("a 加分事由 that is a no-word is missing evidence, flagged on the 加分事由 cell, and the bonus counts 0", () => {
    for (const reason of ["无", "否", "暂无", "/"]) {
      const u = one({ 创新加分: 2, 加分事由: reason });
      const f = findings(u.findings, "missing", "加分事由");
      expect(f).toHaveLength(1);
      expect(f[0].col).toBe(colOf("加分事由"));
      expect(bonus(u)).toBe(0);
    }
  });

  test("optional fields are flagged when invalid, though never required", () => {
    expect(kinds({ 自评总分: "优秀" }, "自评总分")).toEqual(["invalid"]);
    expect(kinds({ 创新加分: -1 }, "创新加分")).toEqual(["invalid"]);
    expect(kinds({ 创新加分: "两分" }, "创新加分")).toEqual(["invalid"]);
    expect(kinds({ 加分事由: { error: "#N/A" } }, "加分事由")).toEqual(["invalid"]);
  });

  test("an invalid value is flagged wherever it stands, also in a field this row does not require", () => {
    // 目录完整 is not required when not stamped, but 可能 is no yes/no word
    expect(kinds({ 目录盖章确认: "否", 目录完整: "可能" }, "目录完整")).toEqual(["invalid"]);
    // a part whose whole is 0 is not required, but 无 is no count
    expect(kinds({ 应报送条数: 0, 已报送条数: "无", 合格条数: null }, "已报送条数")).toEqual(["invalid"]);
  });

  test("every finding carries its cell: the unit's row and the field's column", () => {
    const u = one({ 联络员: null, 信用报告数: "无" });
    expect(u.findings.map((f) => [f.kind, f.field, f.row, f.col])).toEqual([
      ["missing", "联络员", rowOf(0), colOf("联络员")],
      ["invalid", "信用报告数", rowOf(0), colOf("信用报告数")],
    ]);
    expect(u.findings.every((f) => f.unit === "县发改局")).toBe(true);
  });

  test("an absent (no-word) evidence value is not highlighted", () => {
    const u = one({ 联络员: "无", 实施意见: "暂无", 双公示台账: "未建立" });
    expect(u.findings).toEqual([]);
    // 一 3 of 4; 二 3 of 4; 三.5 0: 100 − 1 − 1 − 3 = 95
    expect(total(u)).toBe(95);
  });
});

describe("a large sheet reads each row as a small one does", () => {
  test("the same cells read the same on every row, across tables of field ids and with values read before", () => {
    // 9,000 units: more than one table of field ids (8,192 units); every value of a column is seen many times.
    const varied = (i: number) =>
      unit(`单位${i}`, {
        信用承诺数: i % 5 === 0 ? "无" : i % 3,
        已报送条数: i % 7 === 0 ? 9999 : 1, // more than 应报送条数: invalid
        联络员: i % 4 === 0 ? null : "王五",
      });
    const records = Array.from({ length: 9000 }, (_, i) => varied(i));
    const big = score(records);
    const view = (a: ReturnType<typeof score>, key: string) => {
      const u = result(a, key);
      return { fields: [...u.record.fields], leaves: [...u.leaves], findings: u.findings.map((f) => f.message) };
    };
    for (const i of [0, 1, 4, 5, 7, 35, 8191, 8192, 8193, 8999]) {
      const alone = score([varied(i)]);
      expect(view(big, `单位${i}`)).toEqual(view(alone, `单位${i}`));
    }
  });
});

// workbook.md "What is written back", 6: units that have not reported.
describe("尚未填报", () => {
  const blank: Rec = Object.fromEntries(COLUMNS.filter((c) => c !== UNIT).map((c) => [c, null]));
  const office = { 双公示台账: "已建立", 缺席活动次数: 0, 创新加分: null };

  test("a unit whose own fields are all blank (the office's may be filled) is scored as all missing, ranks last", () => {
    const a = score([unit("县发改局", { 信用承诺数: 0 }), { ...blank, [UNIT]: "县公安局", ...office }]);
    const u = result(a, "县公安局");
    expect(u.record.unreported).toBe(true);
    // one finding on its name instead of one per blank cell
    expect(u.findings.filter((f) => f.kind !== "warning").map((f) => [f.kind, f.col, f.message])).toEqual([
      ["missing", 1, "缺少材料：尚未填报（本单位填报的各项均为空）"],
    ]);
    expect(reviewSummary(u)).toBe("尚未填报");
    // scored as all missing: only the office's 三.5 (3) and 十 (5) earn points
    expect(total(u)).toBe(8);
    expect(u.rank).toBe(2);
    expect(result(a, "县发改局").record.unreported).toBe(false);
  });

  test("with a ledger, a unit that has not reported gets no 不适用 for its blank 应公示条数", () => {
    const a = score([unit("县发改局"), { ...blank, [UNIT]: "县公安局" }], {
      ledger: [{ unit: "县发改局", effective: "2020-03-02", published: "2020-03-03" }],
    });
    const u = result(a, "县公安局");
    expect(u.notApplicable).not.toContain("3.4");
    expect(leaf(u, "3.4")).toBe(0);
  });

  test("a blank template: nothing is ranked, and the run says 尚未填报：N 个单位", () => {
    const a = score([
      { ...blank, [UNIT]: "县发改局" },
      { ...blank, [UNIT]: "县公安局" },
    ]);
    expect(a.units.map((u) => u.rank)).toEqual([null, null]);
    expect(a.findings.map((f) => f.message)).toContain("尚未填报：2 个单位（各单位均未填报，未排名）");
  });

  test("one unit that has reported: the others are ranked below it", () => {
    const a = score([{ ...blank, [UNIT]: "县发改局" }, unit("县公安局", { 联络员: null })]);
    expect(a.units.map((u) => [u.record.key, u.rank])).toEqual([
      ["县公安局", 1],
      ["县发改局", 2],
    ]);
  });
});
