// Regressions the workbook fuzzer (test/fuzz) found in the xlsx host's reading of cells.
import ExcelJS from "exceljs";
import { snapshot } from "../../../src/hosts/xlsx/snapshot";
import { scoreWorkbook } from "../../../src/hosts/xlsx/workbook";
import { load, reload } from "./util";

describe("a formula is read by its cached result", () => {
  // ExcelJS's cell.value leaves out a falsy result, so =SUM(…) giving 0 read as a formula never calculated.
  it.each([
    [0, 0],
    [false, false],
    [7, 7],
  ])("a result of %p reads as %p, in memory and from a saved file", async (result, read) => {
    const wb = new ExcelJS.Workbook();
    wb.addWorksheet("S").getCell("B2").value = { formula: "SUM(A1:A2)", result } as ExcelJS.CellFormulaValue;
    expect(snapshot(wb).sheets[0].rows[1][1]).toBe(read);
    expect(snapshot(await reload(wb)).sheets[0].rows[1][1]).toBe(read);
  });

  it("a formula computing 0 absences scores 十 in full, with no missing finding", async () => {
    const wb = await load();
    const ws = wb.getWorksheet("考核表") as ExcelJS.Worksheet;
    // 县发改局 (row 4): 缺席活动次数 in AE, 1 absence in the sample; now a formula that computed 0
    ws.getCell("AE4").value = { formula: 'COUNTIF(AF4:AG4,"缺")', result: 0 } as ExcelJS.CellFormulaValue;
    const u = scoreWorkbook(await reload(wb)).report.units.find((x) => x.row === 4);
    expect(u?.leaves["10"]).toBe(5);
    expect(u?.findings.filter((f) => f.cell === "AE4")).toEqual([]);
  });
});
