// The shared sample scored end to end through the xlsx host and compared, field by field, to the scores the spec
// gives it (samples/sample-2020.expected.json, a copy of ../shared/samples).
import { readFileSync } from "node:fs";
import { scoreWorkbook } from "../../../src/hosts/xlsx/workbook";
import { EXPECTED, load } from "./util";

interface ExpectedFinding {
  kind: string;
  cell?: string;
  field?: string;
  sheet?: string;
}
interface ExpectedUnit {
  unit: string;
  row: number;
  leaves: Record<string, number>;
  notApplicable: string[];
  indicators: Record<string, number>;
  bonus: number;
  total: number;
  rank: number;
  findings: ExpectedFinding[];
}
const expected = JSON.parse(readFileSync(EXPECTED, "utf8")) as {
  sheet: string;
  units: ExpectedUnit[];
  findings: ExpectedFinding[];
};

describe("the shared sample", () => {
  let report: Awaited<ReturnType<typeof scoreWorkbook>>["report"];
  beforeAll(async () => {
    report = (await scoreWorkbook(await load())).report;
  });

  it("reads the sheet and every unit row", () => {
    expect(report.rulebook).toBe("hengdong-2020");
    expect(report.sheet).toBe(expected.sheet);
    expect(report.units.map((u) => [u.unit, u.row])).toEqual(expected.units.map((u) => [u.unit, u.row]));
  });

  it.each(expected.units.map((u) => [u.unit, u] as const))(
    "%s: leaves, indicators, bonus, total, rank",
    (_name, eu) => {
      const u = report.units.find((x) => x.row === eu.row);
      expect(u).toBeDefined();
      expect(u?.leaves).toEqual(eu.leaves);
      expect([...(u?.notApplicable ?? [])].sort()).toEqual([...eu.notApplicable].sort());
      expect(u?.indicators).toEqual(eu.indicators);
      expect(u?.bonus).toBe(eu.bonus);
      expect(u?.total).toBe(eu.total);
      expect(u?.rank).toBe(eu.rank);
    },
  );

  it.each(expected.units.map((u) => [u.unit, u] as const))(
    "%s: missing and invalid findings with their cells (its ledger rows' with their sheet)",
    (_n, eu) => {
      const u = report.units.find((x) => x.row === eu.row);
      const got = (u?.findings ?? [])
        .filter((f) => f.kind !== "warning")
        .map((f) => ({ kind: f.kind, sheet: f.sheet, cell: f.cell, field: f.field }));
      expect(got).toEqual(eu.findings.map((f) => ({ kind: f.kind, sheet: f.sheet, cell: f.cell, field: f.field })));
      for (const f of u?.findings ?? []) expect(f.message).toMatch(/\S/);
    },
  );

  it("lists at the top level only the findings of no unit (a unit's ledger rows are under the unit)", () => {
    const got = report.findings
      .filter((f) => f.kind !== "warning")
      .map((f) => ({ kind: f.kind, sheet: f.sheet, cell: f.cell }));
    expect(got).toEqual(expected.findings);
  });

  it("explains every leaf of every unit in Chinese", () => {
    for (const u of report.units) {
      for (const id of Object.keys(u.leaves)) expect(u.explanations[id]).toMatch(/[\u4e00-\u9fff]/);
    }
    const fgw = report.units.find((u) => u.unit === "县发改局");
    // 3.2: 25 × 47 / 178 = 6.601… → 6.6
    expect(fgw?.explanations["3.2"]).toContain("47");
    expect(fgw?.explanations["3.2"]).toContain("178");
    expect(fgw?.explanations["3.2"]).toContain("6.6 分");
  });
});
