// workbook.md "The JSON report": shape, A1 cells, `sheet` only on findings from another sheet, ≤ 2 decimals.
import { assess } from "../../../src/core/assess";
import type { CellValue } from "../../../src/core/model";
import { buildReport } from "../../../src/core/plan/report";
import { COLUMNS, book, ledgerSheet, sheet, unit } from "../builders";

const LEAF_IDS = [
  "1",
  "2",
  "3.1",
  "3.2",
  "3.3",
  "3.4",
  "3.5",
  "4.1",
  "4.2",
  "4.3",
  "5",
  "6",
  "7",
  "8",
  "9.1",
  "9.2",
  "10",
];
const INDICATOR_IDS = ["1", "2", "3", "4", "5", "6", "7", "8", "9", "10"];

const title: CellValue[] = ["衡东县2020年度社会信用体系建设工作考核评分表"];
const groups: CellValue[] = [null, "一、工作机制建设（4分）"];

function sampleLike() {
  return assess(
    book([
      sheet(
        [
          unit("县发改局", { 应报送条数: 178, 已报送条数: 47, 合格条数: 47, 认定名单数: 0, 及时发布数: 0 }),
          unit("人民银行衡东县支行", { 联络员: null, 信用报告数: "无" }),
          unit("县公安局", { 创新加分: 1.5, 加分事由: "试点" }),
        ],
        { above: [title, groups] },
      ),
      ledgerSheet([{ unit: "县公安局", effective: "2020-03-02", published: null }]),
    ]),
  );
}

describe("the JSON report", () => {
  const r = buildReport(sampleLike());

  test("top level: rulebook, sheet, settings, units, findings", () => {
    expect(r.rulebook).toBe("hengdong-2020");
    expect(r.sheet).toBe("考核表");
    expect(r.settings).toEqual({ naPolicy: "full", steps: "ceil", bonusCap: 10, selfGap: 5 });
    expect(Array.isArray(r.units)).toBe(true);
    expect(Array.isArray(r.findings)).toBe(true);
  });

  test("units in sheet order with their 1-based sheet row (header on row 3 under a title and group row)", () => {
    expect(r.units.map((u) => [u.unit, u.row])).toEqual([
      ["县发改局", 4],
      ["人民银行衡东县支行", 5],
      ["县公安局", 6],
    ]);
  });

  test("each unit: 17 leaves by id, 10 indicators, notApplicable, bonus, total, rank, findings", () => {
    for (const u of r.units) {
      expect(Object.keys(u.leaves).sort()).toEqual([...LEAF_IDS].sort());
      expect(Object.keys(u.indicators).sort()).toEqual([...INDICATOR_IDS].sort());
      expect(typeof u.bonus).toBe("number");
      expect(typeof u.total).toBe("number");
      expect(typeof u.rank).toBe("number");
    }
    const fgj = r.units[0];
    // 三.2 = 25 × 47/178 = 6.60 (6.6 in JSON); 三.4 from its own figures (no ledger rows): 10 of 10 → 3;
    // 四.2 不适用 (认定 0) → 10
    expect(fgj.leaves["3.2"]).toBe(6.6);
    expect(fgj.leaves["3.4"]).toBe(3);
    expect(fgj.notApplicable).toEqual(["4.2"]);
    // 三 = 3 + 6.6 + 3 + 3 + 3 = 18.6; total 100 − 25 + 6.6 = 81.6
    expect(fgj.indicators["3"]).toBe(18.6);
    expect(fgj.total).toBe(81.6);
    // 县公安局: 100 + 1.5 bonus, but 3.4 from the ledger: 1 row, unpublished → 0: 100 − 3 + 1.5 = 98.5
    expect(r.units[2].bonus).toBe(1.5);
    expect(r.units[2].total).toBe(98.5);
    // ranks: 县公安局 98.5 (1), 人民银行 100 − 1 − 5 = 94 (2), 县发改局 81.6 (3)
    expect(r.units.map((u) => u.rank)).toEqual([3, 2, 1]);
  });

  test("findings carry an A1 cell on the assessment sheet and no `sheet`", () => {
    // (the main sheet's 3.4 columns differ from the ledger: a warning, left out here)
    const f = r.units[1].findings.filter((x) => x.kind !== "warning");
    // 联络员 is column E; 信用报告数 is the 23rd field, after 单位名称 in A: column 24, X
    expect(COLUMNS.indexOf("信用报告数") + 1).toBe(24);
    expect(f.map((x) => [x.kind, x.field, x.cell])).toEqual([
      ["missing", "联络员", "E5"],
      ["invalid", "信用报告数", "X5"],
    ]);
    expect(f.every((x) => !("sheet" in x) && typeof x.message === "string" && x.message !== "")).toBe(true);
  });

  test("a finding on the ledger carries its own sheet, under its unit", () => {
    expect(r.findings.filter((f) => f.kind === "missing")).toEqual([]);
    const ledger = r.units[2].findings.filter((f) => f.sheet !== undefined);
    expect(ledger).toEqual([expect.objectContaining({ kind: "missing", sheet: "双公示台账", cell: "F2" })]);
  });

  test("a workbook-level finding about an absent column has no cell", () => {
    const cols = COLUMNS.filter((c) => c !== "联络员");
    const rep = buildReport(assess(book([sheet([unit("县发改局")], { columns: cols })])));
    const f = rep.findings.find((x) => x.field === "联络员");
    expect(f).toEqual(expect.objectContaining({ kind: "missing", field: "联络员" }));
    expect(f && "cell" in f).toBe(false);
  });

  test("kinds are missing, invalid or warning", () => {
    const all = [...r.findings, ...r.units.flatMap((u) => u.findings)];
    expect(all.length).toBeGreaterThan(0);
    for (const f of all) expect(["missing", "invalid", "warning"]).toContain(f.kind);
  });

  test("every number in the report has at most 2 decimals, and the report survives JSON unchanged", () => {
    const text = JSON.stringify(r);
    const numbers: number[] = [];
    const walk = (v: unknown): void => {
      if (typeof v === "number") numbers.push(v);
      else if (Array.isArray(v)) v.forEach(walk);
      else if (typeof v === "object" && v !== null) Object.values(v).forEach(walk);
    };
    walk(JSON.parse(text));
    // 3 units × (17 leaves + 10 indicators + row, bonus, total, rank) = 93, at least
    expect(numbers.length).toBeGreaterThanOrEqual(93);
    for (const n of numbers) expect(String(n)).toMatch(/^-?\d+(\.\d{1,2})?$/);
    expect(JSON.parse(text)).toEqual(r);
  });

  test("awkward ratios still print with 2 decimals: 25 × 1/3 = 8.33, 3 × 2/7 = 0.86, 10 × 1/7 = 1.43", () => {
    const rep = buildReport(
      assess(
        book([
          sheet([
            unit("县发改局", {
              应报送条数: 3,
              已报送条数: 1,
              合格条数: 1,
              应公示条数: 7,
              按时公示条数: 2,
              认定名单数: 7,
              及时发布数: 1,
            }),
          ]),
        ]),
      ),
    );
    const u = rep.units[0];
    expect([u.leaves["3.2"], u.leaves["3.4"], u.leaves["4.2"]]).toEqual([8.33, 0.86, 1.43]);
    // total: 100 − 25 + 8.33 − 3 + 0.86 − 10 + 1.43 = 72.62
    expect(u.total).toBe(72.62);
  });
});
