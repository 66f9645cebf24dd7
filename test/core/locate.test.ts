// workbook.md "The assessment sheet": which sheet, which row, which column; header normalisation and aliases.
import { locateAssessment, locateLedger } from "../../src/core/locate/locate";
import { address, columnLetters, parseAddress } from "../../src/core/address";
import { normalizeHeader, normalizeName } from "../../src/core/locate/normalize";
import { type CellValue, WorkbookError } from "../../src/core/model";
import { HENGDONG_2020 } from "../../src/rules/hengdong-2020";
import {
  ALIASES,
  COLUMNS,
  FIELDS,
  UNIT,
  book,
  findings,
  leaf,
  ledgerSheet,
  result,
  run,
  sheet,
  total,
  unit,
} from "./builders";

const locate = (sheets: Parameters<typeof book>[0]) => locateAssessment(book(sheets), HENGDONG_2020);

describe("header normalisation", () => {
  test.each([
    ["应报送条数", "应报送条数"],
    ["应报送条数（条）", "应报送条数"], // full-width brackets, NFKC to ( )
    ["应报送条数(条)", "应报送条数"],
    ["信用承诺数（项）", "信用承诺数"],
    ["分管领导（分）", "分管领导"],
    ["应报送 条数", "应报送条数"],
    ["应报送\n条数", "应报送条数"],
    ["\u3000应报送条数\t", "应报送条数"], // ideographic space, tab
    ["应报送条数【条】", "应报送条数"],
    ["应报送条数[条]", "应报送条数"],
    ["应报送条数（单位条）", "应报送条数"], // exactly 4 characters inside
    ["ＡＢＣ１２", "ABC12"], // full-width letters and digits
  ])("%j → %j", (raw, norm) => {
    expect(normalizeHeader(raw)).toBe(norm);
  });

  test("a bracket group of more than 4 characters stays", () => {
    expect(normalizeHeader("应报送条数（单位：条数）")).toBe("应报送条数(单位:条数)");
  });

  test("only one trailing group is dropped", () => {
    expect(normalizeHeader("信用承诺数（项）（项）")).toBe("信用承诺数(项)");
  });

  test("a group that is not trailing stays", () => {
    expect(normalizeHeader("信用承诺（项）数")).toBe("信用承诺(项)数");
  });

  test("unit names are normalised without the bracket rule", () => {
    expect(normalizeName(" 县 发改局 ")).toBe("县发改局");
    expect(normalizeName("县发改局（盖章）")).toBe("县发改局(盖章)");
  });
});

describe("canonical headers and every alias of workbook.md's table", () => {
  test("the canonical headers map each field to its own column", () => {
    const layout = locate([sheet([])]);
    for (const key of COLUMNS) expect([key, layout.columns.get(key)]).toEqual([key, COLUMNS.indexOf(key) + 1]);
    expect(layout.unitCol).toBe(1);
    expect(layout.findings).toEqual([]);
  });

  test("alias headers are recognised as their field", () => {
    // one sheet per alias position: the n-th alias of every field that has that many
    for (let n = 0; n < 4; n++) {
      const headerText: Record<string, string> = {};
      for (const [id, aliases] of Object.entries(ALIASES)) if (aliases[n]) headerText[id] = aliases[n];
      const layout = locate([sheet([], { headerText })]);
      for (const id of Object.keys(headerText)) expect([id, layout.columns.get(id)]).toEqual([id, colOf(id)]);
    }
  });

  test("decorated and spaced headers match: 信用承诺数（项）, 应报送 条数, 已报送\\n条数(条)", () => {
    const layout = locate([
      sheet([], {
        headerText: { 信用承诺数: "信用承诺数（项）", 应报送条数: "应报送 条数", 已报送条数: "已报送\n条数(条)" },
      }),
    ]);
    expect(layout.columns.get("信用承诺数")).toBe(colOf("信用承诺数"));
    expect(layout.columns.get("应报送条数")).toBe(colOf("应报送条数"));
    expect(layout.columns.get("已报送条数")).toBe(colOf("已报送条数"));
  });

  test("column order is free and unknown columns are ignored", () => {
    const columns = ["序号", "联系电话", ...[...COLUMNS].reverse(), "备注"];
    const layout = locate([sheet([], { columns })]);
    expect(layout.unitCol).toBe(columns.indexOf(UNIT) + 1);
    expect(layout.columns.get("分管领导")).toBe(columns.indexOf("分管领导") + 1);
    expect(layout.columns.has("联系电话")).toBe(false);
  });

  test("a field given twice: the leftmost column is used, with a warning", () => {
    const columns = [...COLUMNS, "联络员"];
    const layout = locate([sheet([], { columns, headerText: {} })]);
    expect(layout.columns.get("联络员")).toBe(colOf("联络员"));
    const w = findings(layout.findings, "warning", "联络员");
    expect(w).toHaveLength(1);
    expect(w[0].col).toBe(columns.length);
  });

  test("a field given twice under an alias also uses the leftmost column", () => {
    const columns = [UNIT, "相关责任股室", ...FIELDS];
    const layout = locate([sheet([], { columns, headerText: { 相关责任股室: "相关责任股室" } })]);
    expect(layout.columns.get("责任股室")).toBe(2);
    expect(findings(layout.findings, "warning", "责任股室")).toHaveLength(1);
  });
});

function colOf(id: string): number {
  return COLUMNS.indexOf(id) + 1;
}

describe("the header row", () => {
  test("title and merged group rows above the header are ignored", () => {
    const title: CellValue[] = ["衡东县2020年度社会信用体系建设工作考核评分表", ...COLUMNS.slice(1).map(() => null)];
    const groups: CellValue[] = COLUMNS.map((_, i) => (i === 0 ? null : "一、工作机制建设（4分）"));
    const layout = locate([sheet([unit("县发改局")], { above: [title, groups] })]);
    expect(layout.headerRow).toBe(3);
  });

  test("found on row 10", () => {
    const above = Array.from({ length: 9 }, () => ["说明"] as CellValue[]);
    expect(locate([sheet([], { above })]).headerRow).toBe(10);
  });

  test("not found on row 11", () => {
    const above = Array.from({ length: 10 }, () => ["说明"] as CellValue[]);
    expect(() => locate([sheet([], { above })])).toThrow(WorkbookError);
  });

  test("needs the unit header and at least 5 distinct known fields", () => {
    const five = [UNIT, "分管领导", "牵头股室", "责任股室", "联络员", "信用承诺数"];
    expect(locate([sheet([], { columns: five })]).headerRow).toBe(1);
    // 4 fields: not a header row
    expect(() => locate([sheet([], { columns: five.slice(0, 5) })])).toThrow(WorkbookError);
    // a field twice counts once: unit + 4 distinct
    expect(() => locate([sheet([], { columns: [...five.slice(0, 5), "联络员"] })])).toThrow(WorkbookError);
    // 5 fields but no unit header
    expect(() => locate([sheet([], { columns: [...five.slice(1), "信用报告数"] })])).toThrow(WorkbookError);
  });

  test("the first qualifying row wins over a later one", () => {
    const layout = locate([sheet([], { above: [COLUMNS as CellValue[]] })]);
    expect(layout.headerRow).toBe(1);
  });
});

describe("the assessment sheet", () => {
  const withHeader = (name: string, visible = true) => sheet([unit("县发改局")], { name, visible });
  const noHeader = (name: string) => ({ name, visible: true, rows: [["说明"], ["本工作簿用于考核"]] });

  test("考核表 is preferred over an earlier sheet that also has a header row", () => {
    const layout = locate([withHeader("汇总"), withHeader("考核表")]);
    expect(layout.sheet.name).toBe("考核表");
  });

  test("the name is trimmed", () => {
    expect(locate([withHeader("汇总"), withHeader(" 考核表 ")]).sheet.name).toBe(" 考核表 ");
  });

  test("without 考核表: the first sheet in tab order whose header row is found", () => {
    const layout = locate([noHeader("说明"), withHeader("2020年考核"), withHeader("2019年考核")]);
    expect(layout.sheet.name).toBe("2020年考核");
  });

  test("hidden sheets are included", () => {
    const layout = locate([noHeader("说明"), withHeader("隐藏的表", false), withHeader("考核2")]);
    expect(layout.sheet.name).toBe("隐藏的表");
  });

  test("a 考核表 without a header row is an error, not a reason to look elsewhere", () => {
    expect(() => locate([withHeader("汇总"), noHeader("考核表")])).toThrow(WorkbookError);
    expect(() => locate([withHeader("汇总"), noHeader("考核表")])).toThrow(/考核表/);
  });

  test("no sheet with a header row is an error", () => {
    expect(() => locate([noHeader("Sheet1"), noHeader("Sheet2")])).toThrow(WorkbookError);
  });

  test("the tool's own 考核排名 tab is never taken for input", () => {
    const layout = locate([withHeader("考核排名"), withHeader("2020年考核")]);
    expect(layout.sheet.name).toBe("2020年考核");
  });
});

describe("absent columns", () => {
  test("a required column absent altogether: one workbook-level missing finding, no cell; every unit scores it missing", () => {
    const columns = COLUMNS.filter((c) => c !== "联络员");
    const a = run(book([sheet([unit("县发改局"), unit("县公安局")], { columns })]));
    const f = findings(a.findings, "missing", "联络员");
    expect(f).toHaveLength(1);
    expect(f[0].row).toBeUndefined();
    expect(f[0].col).toBeUndefined();
    expect(f[0].message).toContain("联络员");
    for (const key of ["县发改局", "县公安局"]) {
      const u = result(a, key);
      // 一: 3 of 4 roles → 3 points; the whole sheet misses one point each: 100 − 1 = 99
      expect(leaf(u, "1")).toBe(3);
      expect(total(u)).toBe(99);
      // no per-cell finding: there is no cell
      expect(findings(u.findings, "missing", "联络员")).toEqual([]);
    }
  });

  test("optional columns (创新加分, 加分事由, 自评总分) may be absent without a finding", () => {
    const columns = COLUMNS.filter((c) => !["创新加分", "加分事由", "自评总分"].includes(c));
    const layout = locate([sheet([], { columns })]);
    expect(layout.findings).toEqual([]);
  });

  test("the 3.4 columns are required without a ledger sheet …", () => {
    const columns = COLUMNS.filter((c) => !["应公示条数", "按时公示条数"].includes(c));
    const layout = locate([sheet([], { columns })]);
    expect(layout.findings.map((f) => [f.kind, f.field])).toEqual([
      ["missing", "应公示条数"],
      ["missing", "按时公示条数"],
    ]);
  });

  test("… and not required when the 双公示台账 sheet exists", () => {
    const columns = COLUMNS.filter((c) => !["应公示条数", "按时公示条数"].includes(c));
    const layout = locate([sheet([], { columns }), ledgerSheet([])]);
    expect(layout.findings).toEqual([]);
  });

  test("without the 3.4 columns and without a ledger, 3.4 scores 0 (a blank denominator is not 不适用)", () => {
    const columns = COLUMNS.filter((c) => !["应公示条数", "按时公示条数"].includes(c));
    const u = result(run(book([sheet([unit("县发改局")], { columns })])), "县发改局");
    expect(leaf(u, "3.4")).toBe(0);
    expect(u.notApplicable).not.toContain("3.4");
  });
});

describe("the ledger sheet", () => {
  const main = sheet([unit("县发改局")]);

  test("found by name (trimmed), header within the first 10 rows, below a title", () => {
    const l = locateLedger(
      book([main, ledgerSheet([], { name: " 双公示台账 ", above: [["2020年双公示台账"], []] })]),
      HENGDONG_2020,
    );
    expect(l?.headerRow).toBe(3);
    expect([l?.unitCol, l?.effectiveCol, l?.publishedCol]).toEqual([2, 5, 6]);
    expect([l?.categoryCol, l?.docNoCol]).toEqual([3, 4]);
  });

  test.each([
    ["决定日期", "网上公示日期"],
    ["作出决定日期", "公示日期"],
    ["生效日期（日）", "网上公示日期"],
  ])("accepts %s and %s", (eff, pub) => {
    const l = locateLedger(
      book([main, ledgerSheet([], { effectiveHeader: eff, publishedHeader: pub })]),
      HENGDONG_2020,
    );
    expect([l?.effectiveCol, l?.publishedCol]).toEqual([5, 6]);
  });

  test("no ledger sheet: null", () => {
    expect(locateLedger(book([main]), HENGDONG_2020)).toBeNull();
  });

  test("a 双公示台账 sheet without its header is an error naming what was looked for", () => {
    const bad = { name: "双公示台账", visible: true, rows: [["单位名称", "日期", "公示"]] };
    expect(() => locateLedger(book([main, bad]), HENGDONG_2020)).toThrow(WorkbookError);
    expect(() => locateLedger(book([main, bad]), HENGDONG_2020)).toThrow(/生效日期/);
    expect(() => locateLedger(book([main, bad]), HENGDONG_2020)).toThrow(/公示日期/);
  });

  test("a header on row 11 is not found", () => {
    const above = Array.from({ length: 10 }, () => ["说明"] as CellValue[]);
    expect(() => locateLedger(book([main, ledgerSheet([], { above })]), HENGDONG_2020)).toThrow(WorkbookError);
  });
});

describe("A1 addresses", () => {
  test.each([
    [1, "A"],
    [26, "Z"],
    [27, "AA"],
    [28, "AB"],
    [52, "AZ"],
    [53, "BA"],
    [702, "ZZ"],
    [703, "AAA"],
  ])("column %i is %s", (col, letters) => {
    expect(columnLetters(col)).toBe(letters);
    expect(parseAddress(`${letters}7`)).toEqual([7, col]);
  });

  test("address and parseAddress round-trip", () => {
    expect(address(6, 28)).toBe("AB6");
    expect(parseAddress("AB6")).toEqual([6, 28]);
    expect(parseAddress("6AB")).toBeNull();
    expect(parseAddress("ab6")).toBeNull();
  });
});
