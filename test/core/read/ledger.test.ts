// rules-2020.md "3.4 from the 双公示 ledger: 7 working days" and workbook.md "The 双公示 ledger".
import { assess } from "../../../src/core/assess";
import type { CellValue, Finding } from "../../../src/core/model";
import { buildReport } from "../../../src/core/plan/report";
import { HENGDONG_2020 } from "../../../src/rules/hengdong-2020";
import {
  LEDGER_COL,
  type LedgerRow,
  type Rec,
  book,
  findings,
  leaf,
  ledgerSheet,
  result,
  score,
  sheet,
  unit,
} from "../builders";

const U = "县公安局";
const row = (effective: CellValue, published: CellValue, u: CellValue = U): LedgerRow => ({
  unit: u,
  effective,
  published,
});
/** Sheet row of the i-th ledger entry (header on row 1). */
const lrow = (i: number) => i + 2;

function withLedger(entries: LedgerRow[], units: Rec[] = [unit(U)]) {
  return score(units, { ledger: entries });
}
/** The ledger's findings wherever they are listed: under their unit, or at the top level (no unit of the sheet). */
const ledgerFindings = (a: ReturnType<typeof withLedger>, kind: Finding["kind"]) =>
  [...a.findings, ...a.units.flatMap((u) => u.findings)]
    .filter((f) => f.sheet === "双公示台账" && f.kind === kind)
    .sort((x, y) => (x.row ?? 0) - (y.row ?? 0));
const cells = (fs: Finding[]) => fs.map((f) => `${String.fromCharCode(64 + (f.col ?? 0))}${f.row}`);

describe("on time: published on or before the 7th working day after the effective date", () => {
  test.each<[string, string, boolean]>([
    ["2020-01-20", "2020-02-06", true], // worked example: deadline Thu 6 Feb
    ["2020-01-20", "2020-02-07", false],
    ["2020-09-30", "2020-10-16", true], // deadline Fri 16 Oct (Sat 10 Oct counts)
    ["2020-09-30", "2020-10-17", false],
    ["2020-12-31", "2021-01-12", true], // deadline Tue 12 Jan 2021
    ["2020-12-31", "2021-01-13", false],
    ["2020-03-07", "2020-03-17", true], // Sat 7 Mar → Tue 17 Mar
    ["2020-03-07", "2020-03-18", false],
    ["2020-06-01", "2020-06-01", true], // the same day
  ])("effective %s, published %s → on time %s", (eff, pub, onTime) => {
    // one row: 3 × 1/1 = 3 or 3 × 0/1 = 0
    const a = withLedger([row(eff, pub)]);
    expect(leaf(result(a, U), "3.4")).toBe(onTime ? 3 : 0);
    expect(ledgerFindings(a, "missing").concat(ledgerFindings(a, "invalid"))).toEqual([]);
  });

  test("3 of 4 rows on time: 3 × 3/4 = 2.25", () => {
    const a = withLedger([
      row("2020-03-02", "2020-03-05"),
      row("2020-03-02", "2020-03-11"), // Mon 2 Mar → deadline Wed 11 Mar
      row("2020-03-02", "2020-03-12"), // late
      row("2020-05-06", "2020-05-09"), // Sat 9 May is a working day; well inside
    ]);
    expect(leaf(result(a, U), "3.4")).toBe(2.25);
  });

  test("1 of 3: 3 × 1/3 = 1", () => {
    const a = withLedger([row("2020-03-02", "2020-03-03"), row("2020-03-02", null), row("2020-03-02", "2020-12-01")]);
    expect(leaf(result(a, U), "3.4")).toBe(1);
  });

  test("dates in every form: text, Excel serial, date cell", () => {
    const a = withLedger([
      row("2020年1月20日", "2020/2/6"), // on time
      row(43850, 43867), // 43831 + 19 = 20 Jan; 43831 + 36 = 6 Feb: on time
      row({ date: "2020-01-20" }, { date: "2020-02-07" }), // late
    ]);
    // 3 × 2/3 = 2
    expect(leaf(result(a, U), "3.4")).toBe(2);
  });
});

describe("bad rows", () => {
  test("a blank 公示日期 is not yet published: late, and flagged missing on its cell", () => {
    const a = withLedger([row("2020-03-02", "2020-03-03"), row("2020-03-02", null)]);
    expect(leaf(result(a, U), "3.4")).toBe(1.5); // 3 × 1/2
    expect(cells(ledgerFindings(a, "missing"))).toEqual([`${LEDGER_COL.published}${lrow(1)}`]);
  });

  test("公示日期 before 生效日期: invalid on the 公示日期 cell, and late", () => {
    const a = withLedger([row("2020-03-02", "2020-03-01")]);
    expect(leaf(result(a, U), "3.4")).toBe(0);
    expect(cells(ledgerFindings(a, "invalid"))).toEqual([`${LEDGER_COL.published}${lrow(0)}`]);
  });

  test("an invalid 公示日期 (2020-02-30): invalid and late", () => {
    const a = withLedger([row("2020-02-20", "2020-02-30"), row("2020-02-20", "2020-02-21")]);
    expect(leaf(result(a, U), "3.4")).toBe(1.5); // 3 × 1/2
    expect(cells(ledgerFindings(a, "invalid"))).toEqual([`${LEDGER_COL.published}${lrow(0)}`]);
  });

  // rules-2020.md: "A row with a blank or invalid 生效日期 is flagged (missing / invalid) and counts as due and late".
  // (workbook.md says such a row is "left out of the count"; see the report. rules-2020.md governs scoring.)
  test("a blank 生效日期: flagged missing on its cell, counts as due and late", () => {
    const a = withLedger([row(null, "2020-03-03"), row("2020-03-02", "2020-03-03")]);
    expect(cells(ledgerFindings(a, "missing"))).toEqual([`${LEDGER_COL.effective}${lrow(0)}`]);
    expect(leaf(result(a, U), "3.4")).toBe(1.5); // 3 × 1/2
  });

  test("an invalid 生效日期: flagged invalid on its cell, counts as due and late", () => {
    const a = withLedger([row("去年", "2020-03-03"), row("2020-03-02", "2020-03-03")]);
    expect(cells(ledgerFindings(a, "invalid"))).toEqual([`${LEDGER_COL.effective}${lrow(0)}`]);
    expect(leaf(result(a, U), "3.4")).toBe(1.5);
  });

  test("rows effective outside 2020 are left out with a warning and not flagged further", () => {
    const a = withLedger([
      row("2019-12-31", null), // would be missing/late if counted
      row("2021-01-04", "2020-01-01"), // would be invalid if counted
      row("2020-03-02", "2020-03-03"),
    ]);
    expect(leaf(result(a, U), "3.4")).toBe(3); // only the 2020 row: 1 of 1
    expect(ledgerFindings(a, "missing")).toEqual([]);
    expect(ledgerFindings(a, "invalid")).toEqual([]);
    const w = ledgerFindings(a, "warning");
    expect(w.map((f) => f.row)).toEqual([lrow(0), lrow(1)]);
  });

  test("rows whose unit is not in the assessment sheet are left out with a warning and not flagged further", () => {
    const a = withLedger([row("2020-03-02", null, "县教育局"), row("2020-03-02", "2020-03-03")]);
    expect(ledgerFindings(a, "missing")).toEqual([]);
    const w = ledgerFindings(a, "warning");
    expect(w).toHaveLength(1);
    expect(w[0].message).toContain("县教育局");
    expect(w[0].row).toBe(lrow(0));
    expect(leaf(result(a, U), "3.4")).toBe(3);
  });

  test("a row with no unit and no dates is skipped; one with dates but no unit is invalid on its unit cell", () => {
    const a = withLedger([
      row(null, null, null),
      row("2020-03-02", "2020-03-03", null),
      row("2020-03-02", "2020-03-03"),
    ]);
    expect(cells(ledgerFindings(a, "invalid"))).toEqual([`${LEDGER_COL.unit}${lrow(1)}`]);
    expect(leaf(result(a, U), "3.4")).toBe(3);
  });

  test("ledger unit names are normalised like the sheet's", () => {
    const a = withLedger([row("2020-03-02", null, " 县 公安局 ")]);
    expect(leaf(result(a, U), "3.4")).toBe(0);
  });
});

describe("the ledger decides 三.4 for a unit with rows in it; a unit without is scored from its own figures", () => {
  // rules-2020.md: "A unit with no ledger rows in the year is scored from its own 应公示条数 and 按时公示条数 …
  // with a warning". 3 × 0/5 = 0: a unit must never gain 3.4 by leaving its rows out of the ledger.
  test("a unit with no ledger rows whose own form says 0 of 5: 0, with the warning", () => {
    const a = withLedger([row("2020-03-02", null)], [unit(U), unit("县发改局", { 应公示条数: 5, 按时公示条数: 0 })]);
    const u = result(a, "县发改局");
    expect(u.notApplicable).not.toContain("3.4");
    expect(leaf(u, "3.4")).toBe(0);
    const w = findings(u.findings, "warning", "应公示条数");
    expect(w.map((f) => f.message)).toEqual(["双公示台账中没有该单位的记录，3.4 按考核表填报数计"]);
    expect(u.explain("3.4")).toContain("双公示台账中没有该单位的记录");
  });

  test("3 of 114 published on time by its own form: 3 × 3/114 = 0.08", () => {
    const a = withLedger(
      [row("2020-03-02", "2020-03-03")],
      [unit(U), unit("县发改局", { 应公示条数: 114, 按时公示条数: 3 })],
    );
    expect(leaf(result(a, "县发改局"), "3.4")).toBe(0.08);
  });

  test("without rows: 按时 > 应公示 is invalid, and a blank 按时 with 应公示 > 0 is missing", () => {
    const a = withLedger(
      [row("2020-03-02", "2020-03-03")],
      [
        unit(U),
        unit("县发改局", { 应公示条数: 2, 按时公示条数: 3 }),
        unit("县司法局", { 应公示条数: 4, 按时公示条数: null }),
      ],
    );
    expect(findings(result(a, "县发改局").findings, "invalid", "按时公示条数")).toHaveLength(1);
    expect(leaf(result(a, "县发改局"), "3.4")).toBe(0);
    expect(findings(result(a, "县司法局").findings, "missing", "按时公示条数")).toHaveLength(1);
    expect(leaf(result(a, "县司法局"), "3.4")).toBe(0);
  });

  test("without rows: an invalid 应公示 is flagged and scores 0", () => {
    const a = withLedger([row("2020-03-02", "2020-03-03")], [unit(U), unit("县发改局", { 应公示条数: "很多" })]);
    const u = result(a, "县发改局");
    expect(findings(u.findings, "invalid", "应公示条数")).toHaveLength(1);
    expect(leaf(u, "3.4")).toBe(0);
    expect(u.notApplicable).not.toContain("3.4");
  });

  test("without rows: a blank 应公示 is 不适用 with a warning asking to confirm, and no missing finding; 0 too", () => {
    const a = withLedger(
      [row("2020-03-02", "2020-03-03")],
      [
        unit(U),
        unit("县发改局", { 应公示条数: null, 按时公示条数: null }),
        unit("县司法局", { 应公示条数: 0, 按时公示条数: null }),
      ],
    );
    const blank = result(a, "县发改局");
    expect(blank.notApplicable).toEqual(["3.4"]);
    expect(findings(blank.findings, "missing")).toEqual([]);
    expect(findings(blank.findings, "warning", "应公示条数")[0].message).toContain("请核实");
    const zero = result(a, "县司法局");
    expect(zero.notApplicable).toEqual(["3.4"]);
    expect(findings(zero.findings, "missing")).toEqual([]);
  });

  test("an empty ledger sheet: every unit from its own figures", () => {
    const a = withLedger([], [unit(U, { 应公示条数: 10, 按时公示条数: 5 })]);
    expect(result(a, U).notApplicable).toEqual([]);
    expect(leaf(result(a, U), "3.4")).toBe(1.5);
  });

  test("a row with a blank 生效日期 counts: the unit is scored from the ledger", () => {
    const a = withLedger([row(null, "2020-03-03")], [unit(U, { 应公示条数: 10, 按时公示条数: 10 })]);
    expect(leaf(result(a, U), "3.4")).toBe(0);
  });

  test("the main sheet's 3.4 columns are only compared: a difference is a warning, the ledger's count stands", () => {
    // main sheet says 10 of 10 (3 points); the ledger has 2 rows, 1 on time: 3 × 1/2 = 1.5
    const a = withLedger([row("2020-03-02", "2020-03-03"), row("2020-03-02", null)]);
    const u = result(a, U);
    expect(leaf(u, "3.4")).toBe(1.5);
    const w = findings(u.findings, "warning", "应公示条数");
    expect(w).toHaveLength(1);
    // the warning quotes both: the main sheet's figures and the ledger's
    expect(w[0].message).toContain("应公示条数 10 条");
    expect(w[0].message).toContain("应公示 2 条，按时公示 1 条");
  });

  test("equal counts: no warning", () => {
    const a = withLedger(
      [row("2020-03-02", "2020-03-03"), row("2020-03-02", null)],
      [unit(U, { 应公示条数: 2, 按时公示条数: 1 })],
    );
    expect(findings(result(a, U).findings, "warning", "应公示条数")).toEqual([]);
  });

  test("with a ledger, blank 3.4 columns on the main sheet are not missing", () => {
    const a = withLedger([row("2020-03-02", "2020-03-03")], [unit(U, { 应公示条数: null, 按时公示条数: null })]);
    expect(result(a, U).findings).toEqual([]);
    expect(leaf(result(a, U), "3.4")).toBe(3);
  });

  test("with a ledger, an invalid value in the main sheet's 3.4 columns is still flagged", () => {
    const a = withLedger([row("2020-03-02", "2020-03-03")], [unit(U, { 应公示条数: "很多" })]);
    expect(findings(result(a, U).findings, "invalid", "应公示条数")).toHaveLength(1);
    expect(leaf(result(a, U), "3.4")).toBe(3);
  });

  test("ledger findings are listed under their unit with their own sheet; the main sheet's carry none", () => {
    const a = withLedger([row("2020-03-02", null)], [unit(U, { 联络员: null })]);
    const r = buildReport(a);
    expect(r.findings.filter((f) => f.kind === "missing")).toEqual([]);
    expect(r.units[0].findings.filter((f) => f.sheet === "双公示台账")).toEqual([
      expect.objectContaining({ kind: "missing", sheet: "双公示台账", cell: `${LEDGER_COL.published}${lrow(0)}` }),
    ]);
    const uf = r.units[0].findings.find((f) => f.field === "联络员");
    expect(uf?.cell).toBe("E2");
    expect(uf && "sheet" in uf).toBe(false);
  });
});

describe("a deadline the calendar does not cover", () => {
  test("is an invalid finding on that row naming the year, and the row counts as late", () => {
    // A 2021 rulebook on the 2020–2021 calendar: Tue 28 Dec 2021 → 29, 30, 31 Dec, then 2022 (not covered)
    const rulebook = { ...HENGDONG_2020, year: 2021 };
    const a = assess(
      book([sheet([unit(U)]), ledgerSheet([row("2021-12-28", "2021-12-29"), row("2021-03-01", "2021-03-02")])]),
      { rulebook },
    );
    const inv = ledgerFindings(a, "invalid");
    expect(inv).toHaveLength(1);
    expect(inv[0].row).toBe(lrow(0));
    expect(inv[0].message).toContain("2022");
    // 3 × 1/2 = 1.5
    expect(leaf(result(a, U), "3.4")).toBe(1.5);
  });

  test("a calendar covering 2020 only: a deadline reaching into 2021 names 2021", () => {
    // Mon 28 Dec 2020: 29, 30, 31 Dec (1–3), then 2021
    const a = assess(book([sheet([unit(U)]), ledgerSheet([row("2020-12-28", "2020-12-29")])]), {
      calendar: { years: [2020], daysOff: [], workingWeekendDays: [], sources: [] },
    });
    const inv = ledgerFindings(a, "invalid");
    expect(inv).toHaveLength(1);
    expect(inv[0].message).toContain("2021");
  });
});

describe("ledger header aliases", () => {
  test("决定日期 and 网上公示日期", () => {
    const a = assess(
      book([
        sheet([unit(U)]),
        ledgerSheet([row("2020-01-20", "2020-02-06")], {
          effectiveHeader: "决定日期",
          publishedHeader: "网上公示日期",
        }),
      ]),
    );
    expect(leaf(result(a, U), "3.4")).toBe(3);
  });
});
