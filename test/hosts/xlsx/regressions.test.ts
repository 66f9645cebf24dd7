// Regressions the workbook fuzzer (test/fuzz) found in the xlsx host's reading of cells and placing of scores. The
// inputs are built with ExcelJS; what the tool read and wrote is read back by its own reader (read.ts).
import ExcelJS from "exceljs";
import type { SheetSnapshot } from "../../../src/core";
import { readDetail } from "../../../src/hosts/xlsx/detail";
import { readPackage } from "../../../src/hosts/xlsx/package/package";
import { openPackage, scoreWorkbook } from "../../../src/hosts/xlsx/workbook";
import { load, reload } from "./util";

/** A sheet of a file's bytes, as the command line reads it. */
async function sheetOf(bytes: Uint8Array, name: string): Promise<SheetSnapshot> {
  return (await openPackage(bytes)).snapshot.sheets.find((s) => s.name === name) as SheetSnapshot;
}

/** The 1-based column of a header in the header row (3) of the scored 考核表. */
async function headerCol(bytes: Uint8Array, header: string): Promise<number> {
  return (await sheetOf(bytes, "考核表")).rows[2].indexOf(header) + 1;
}

describe("a formula is read by its cached result", () => {
  // A formula whose cached result is falsy (=SUM(…) giving 0) is that value, not a formula never calculated.
  it.each([
    [0, 0],
    [false, false],
    [7, 7],
  ])("a result of %p reads as %p", async (result, read) => {
    const wb = new ExcelJS.Workbook();
    wb.addWorksheet("S").getCell("B2").value = { formula: "SUM(A1:A2)", result } as ExcelJS.CellFormulaValue;
    const bytes = Buffer.from(await wb.xlsx.writeBuffer());
    expect((await sheetOf(bytes, "S")).rows[1][1]).toBe(read);
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

  it("keeps a note the office put on an empty cell right of the table, and places the scores beyond it", async () => {
    const wb = await load();
    const ws = wb.getWorksheet("考核表") as ExcelJS.Worksheet;
    ws.getCell("AJ3").note = "此列留作复核";
    ws.getCell("AI10").note = "县审计局：待补材料";
    const { bytes } = await scoreWorkbook(wb);
    const written = await sheetOf(bytes, "考核表");
    expect(written.notes?.get("AJ3")).toBe("此列留作复核");
    expect(written.rows[2][35] ?? null).toBeNull();
    expect(written.notes?.get("AI10")).toBe("县审计局：待补材料");
    expect(await headerCol(bytes, "一、工作机制建设（4分）")).toBe(37); // AK, right of AJ
  });

  it("writes no score into a merged range that reaches right of the table (it would overwrite the range's value)", async () => {
    const wb = await load();
    const ws = wb.getWorksheet("考核表") as ExcelJS.Worksheet;
    ws.getCell("AH5").value = "备注跨列";
    ws.mergeCells("AH5:AJ5");
    const { bytes, report } = await scoreWorkbook(wb);
    const out = await sheetOf(bytes, "考核表");
    expect(out.rows[4][33]).toBe("备注跨列");
    expect(await headerCol(bytes, "一、工作机制建设（4分）")).toBe(37);
    expect(out.rows[4][(await headerCol(bytes, "总分")) - 1]).toBe(report.units.find((u) => u.row === 5)?.total);
  });

  it("a merged title above the header row does not move the scores", async () => {
    const wb = await load();
    const ws = wb.getWorksheet("考核表") as ExcelJS.Worksheet;
    ws.unMergeCells("A1:AH1");
    ws.mergeCells("A1:AZ1");
    const { bytes } = await scoreWorkbook(wb);
    expect(await headerCol(bytes, "一、工作机制建设（4分）")).toBe(35);
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
    const { bytes, report } = await scoreWorkbook(wb);
    const out = await sheetOf(bytes, "考核表");
    // the formula is still there, reading as blank, and the scores start right of it
    expect(out.blankFormulas).toContain("AI4");
    const detail = readDetail(readPackage(bytes)).find((d) => d.name === "考核表");
    expect(detail?.cells.get("3,34")?.formula).toBe(value.formula);
    expect(out.rows[2][35]).toBe("一、工作机制建设（4分）");
    expect(report.units).toHaveLength(36);
  });
});
