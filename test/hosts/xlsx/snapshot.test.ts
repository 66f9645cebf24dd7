// Regressions the workbook fuzzer (test/fuzz) found in the xlsx host's reading of cells.
import ExcelJS from "exceljs";
import { snapshot } from "../../../src/hosts/xlsx/snapshot";
import { openPackage, scoreWorkbook } from "../../../src/hosts/xlsx/workbook";
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
    const u = (await scoreWorkbook(await reload(wb))).report.units.find((x) => x.row === 4);
    expect(u?.leaves["10"]).toBe(5);
    expect(u?.findings.filter((f) => f.cell === "AE4")).toEqual([]);
  });
});

describe("score columns never land on the office's own cells", () => {
  // The sample's last used column is AH (34): scores start in AI unless something of the office's stands further right.
  const headerCol = (ws: ExcelJS.Worksheet, header: string): number => {
    let col = 0;
    ws.getRow(3).eachCell((c, i) => {
      if (c.value === header && col === 0) col = i;
    });
    return col;
  };

  it("keeps a note the office put on an empty cell right of the table, and places the scores beyond it", async () => {
    const wb = await load();
    const ws = wb.getWorksheet("考核表") as ExcelJS.Worksheet;
    ws.getCell("AJ3").note = "此列留作复核";
    ws.getCell("AI10").note = "县审计局：待补材料";
    const { workbook, bytes } = await scoreWorkbook(wb);
    const out = workbook.getWorksheet("考核表") as ExcelJS.Worksheet;
    // read with the host's own reader: ExcelJS loses a note on an empty cell without a style when it reads a file
    const written = (await openPackage(bytes)).snapshot.sheets.find((s) => s.name === "考核表");
    expect(written?.notes?.get("AJ3")).toBe("此列留作复核");
    expect(written?.rows[2][35] ?? null).toBeNull();
    expect(written?.notes?.get("AI10")).toBe("县审计局：待补材料");
    expect(headerCol(out, "一、工作机制建设（4分）")).toBe(37); // AK, right of AJ
  });

  it("writes no score into a merged range that reaches right of the table (it would overwrite the range's value)", async () => {
    const wb = await load();
    const ws = wb.getWorksheet("考核表") as ExcelJS.Worksheet;
    ws.getCell("AH5").value = "备注跨列";
    ws.mergeCells("AH5:AJ5");
    const { workbook, report } = await scoreWorkbook(wb);
    const out = workbook.getWorksheet("考核表") as ExcelJS.Worksheet;
    expect(out.getCell("AH5").value).toBe("备注跨列");
    expect(headerCol(out, "一、工作机制建设（4分）")).toBe(37);
    expect(out.getCell(5, headerCol(out, "总分")).value).toBe(report.units.find((u) => u.row === 5)?.total);
  });

  it("a merged title above the header row does not move the scores", async () => {
    const wb = await load();
    const ws = wb.getWorksheet("考核表") as ExcelJS.Worksheet;
    ws.unMergeCells("A1:AH1");
    ws.mergeCells("A1:AZ1");
    const out = (await scoreWorkbook(wb)).workbook.getWorksheet("考核表") as ExcelJS.Worksheet;
    expect(headerCol(out, "一、工作机制建设（4分）")).toBe(35);
  });
});

describe("score columns never land on the office's formulas that read as blank", () => {
  it.each([
    ["never calculated", { formula: "SUM(B4:AH4)" }],
    ['computing ""', { formula: 'IF(B4="","",1)', result: "" }],
  ])("keeps a formula %s right of the table, and places the scores beyond it", async (_what, value) => {
    const wb = await load();
    const ws = wb.getWorksheet("考核表") as ExcelJS.Worksheet;
    ws.getCell("AI4").value = value as ExcelJS.CellFormulaValue;
    const { workbook, report } = await scoreWorkbook(wb);
    const out = workbook.getWorksheet("考核表") as ExcelJS.Worksheet;
    expect(out.getCell("AI4").formula).toBe(value.formula);
    expect(out.getCell("AJ3").value).toBe("一、工作机制建设（4分）");
    expect(report.units).toHaveLength(36);
  });
});
