// The office's judgement in the add-in as on the command line: the 核定调整 sheet is read by the Office host and applied
// the same way (rules-2020.md "The office's judgement: 核定调整"), its bad rows highlighted on their cells.
import ExcelJS from "exceljs";
import { scoreWorkbook, loadWorkbook } from "../../../src/hosts/xlsx/workbook";
import { OfficeWorkbook } from "../../../src/taskpane/office-workbook";
import { FakeExcel } from "../../../src/preview/excel";
import { SAMPLE, documentFrom } from "../../fakes/from-xlsx";
import { fakeEnv } from "../../fakes/env";

function withAdjustments(wb: ExcelJS.Workbook): void {
  const ws = wb.addWorksheet("核定调整");
  ws.addRow(["序号", "单位名称", "项目", "核定分", "理由", "核定人"]);
  ws.addRow([1, "县发改局", "三（2）", 20, "补报数据经核实", "李明"]);
  ws.addRow([2, "县发改局", "加分", 1, "首创信用承诺制"]);
  ws.addRow([3, "县公安局", "三", 30, "整项核定"]);
}

describe("核定调整 in the add-in", () => {
  it("scores as the command line does: adjustments applied, a bad row flagged on 核定调整 and not applied", async () => {
    const wb = await loadWorkbook(SAMPLE);
    withAdjustments(wb);
    const excel = new FakeExcel(documentFrom(wb));
    const outcome = await new OfficeWorkbook(fakeEnv(excel)).recalculate();
    const cliWb = await loadWorkbook(SAMPLE);
    withAdjustments(cliWb);
    const cli = (await scoreWorkbook(cliWb)).report;
    expect(outcome.report.units).toEqual(cli.units);
    expect(outcome.report.findings).toEqual(cli.findings);
    const fgw = outcome.report.units.find((u) => u.unit === "县发改局")!;
    expect(fgw.adjustments?.map((a) => [a.item, a.adjusted])).toEqual([
      ["3.2", 20],
      ["bonus", 1],
    ]);
    const bad = outcome.report.findings.find((f) => f.sheet === "核定调整")!;
    expect(bad).toEqual(expect.objectContaining({ kind: "invalid", cell: "C4" }));
    // highlighted on its own sheet, as a ledger cell is
    expect(excel.cellModel("核定调整", "C4")?.fill?.color).toBe("#FFC7CE");
    expect(outcome.report.units.find((u) => u.unit === "县公安局")!.adjustments).toBeUndefined();
  });
});
