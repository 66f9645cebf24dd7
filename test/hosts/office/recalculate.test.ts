// The real Office host, end to end on the fake Excel built from the shared sample: same report as the command line,
// two syncs, writes where the contract says, and memory kept in the workbook.
import { MEMORY_SHEET, decodeMemory } from "../../../src/core";
import { scoreWorkbook, loadWorkbook } from "../../../src/hosts/xlsx/workbook";
import { recalculate } from "../../support/outcome";
import { HINT_SHEET } from "../../../src/hosts/office/env";
import { FakeExcel, parseRect } from "../../../src/preview/excel";
import { SAMPLE, documentFrom } from "../../fakes/from-xlsx";

async function sample(): Promise<FakeExcel> {
  return new FakeExcel(documentFrom(await loadWorkbook(SAMPLE)));
}

describe("recalculate on the shared sample", () => {
  it("gives the command line's report: units, totals, ranks, findings", async () => {
    const excel = await sample();
    const outcome = await recalculate(excel.run, excel.settings);
    const cli = (await scoreWorkbook(await loadWorkbook(SAMPLE))).report;
    expect(outcome.report.units).toHaveLength(36);
    expect(outcome.report).toEqual(cli);
  });

  it("takes two syncs: one read, one write", async () => {
    const excel = await sample();
    const outcome = await recalculate(excel.run, excel.settings);
    expect(outcome.syncs).toBe(2);
    expect(excel.syncCount).toBe(2);
  });

  it("writes the same score columns as the command line", async () => {
    const excel = await sample();
    await recalculate(excel.run, excel.settings);
    const cliBook = (await scoreWorkbook(await loadWorkbook(SAMPLE))).workbook;
    const ws = cliBook.getWorksheet("考核表")!;
    const header = ws.getRow(3);
    let checked = 0;
    header.eachCell((cell, col) => {
      if (typeof cell.value !== "string" || !/分|排名|核查意见/.test(cell.value)) return;
      for (let row = 3; row <= 39; row++) {
        const want = ws.getCell(row, col).value ?? "";
        expect([row, col, excel.doc.sheet("考核表")!.get(row - 1, col - 1)?.value ?? ""]).toEqual([row, col, want]);
        checked++;
      }
    });
    expect(checked).toBeGreaterThanOrEqual(14 * 37);
  });

  it("highlights missing and invalid evidence in two fills and remembers the cells' own fills", async () => {
    const excel = await sample();
    const outcome = await recalculate(excel.run, excel.settings);
    const findings = outcome.report.units.flatMap((u) => u.findings).filter((f) => f.kind !== "warning");
    expect(findings.length).toBeGreaterThan(0);
    for (const f of findings) {
      const r = parseRect(f.cell!);
      // a unit's findings on its ledger rows carry their sheet
      const fill = excel.doc.sheet(f.sheet ?? "考核表")!.get(r.row, r.col)?.fill;
      expect(fill?.color).toBe(f.kind === "missing" ? "#FFE699" : "#FFC7CE");
    }
    const chunks = excel.doc.sheet(MEMORY_SHEET)!;
    expect(chunks.visibility).toBe("VeryHidden");
    const state = decodeMemory([chunks.get(0, 0)?.value]);
    expect(state?.assessmentSheet).toBe("考核表");
    expect(Object.keys(state?.highlights["考核表"] ?? {})).toHaveLength(
      new Set(findings.filter((f) => !f.sheet).map((f) => f.cell)).size,
    );
    expect(excel.settings.get(HINT_SHEET)).toBe("考核表");
  });

  it("builds the ranking tab: title, sorted table, frozen header, A4 print setup and a bar chart", async () => {
    const excel = await sample();
    const outcome = await recalculate(excel.run, excel.settings);
    const rk = excel.doc.sheet("考核排名")!;
    expect(rk.get(0, 0)?.value).toBe("衡东县2020年度社会信用体系建设工作考核排名");
    expect(rk.get(1, 0)?.value).toBe("排名");
    const ranks = Array.from({ length: 36 }, (_, i) => rk.get(i + 2, 0)?.value as number);
    expect(ranks).toEqual([...ranks].sort((a, b) => a - b));
    expect(rk.get(2, 1)?.value).toBe(outcome.ranking[0].unit);
    expect(rk.frozenRows).toBe(2);
    expect(rk.page).toMatchObject({ paperSize: "A4", orientation: "Landscape", printTitleRows: "$1:$2" });
    expect(rk.charts).toEqual([expect.objectContaining({ type: "BarClustered", source: "B2:C38" })]);
  });
});
