// What the xlsx host writes back: score columns in spec order, highlights with notes and restored fills,
// the 考核排名 tab, and nothing of the office's own cells changed; scoring the output again changes nothing.
import ExcelJS from "exceljs";
import { HIGHLIGHT_COLORS, NOTE_PREFIX, MEMORY_SHEET, scoreHeaders } from "../../../src/core";
import { assess } from "../../../src/core";
import { openPackage, scoreWorkbook } from "../../../src/hosts/xlsx/workbook";
import { dumpSheet, load, noteText, reload } from "./util";

const fillColor = (c: ExcelJS.Cell): string | undefined =>
  c.fill && c.fill.type === "pattern" ? (c.fill.fgColor as { argb?: string } | undefined)?.argb : undefined;

describe("writing back to the workbook", () => {
  it("changes no input cell except the fill of highlighted evidence cells", async () => {
    const original = await load();
    const before = new Map(original.worksheets.map((ws) => [ws.name, dumpSheet(ws)]));
    const scored = await reload((await scoreWorkbook(await load())).workbook);
    const flagged = new Set(["AB6", "AE6", "Y10", "Z16", "AB16", "G19", "AB19", "R28", "S28", "AD36"]);
    for (const [name, cells] of before) {
      const ws = scored.getWorksheet(name) as ExcelJS.Worksheet;
      const after = dumpSheet(ws);
      for (const [addr, was] of cells) {
        const now = after.get(addr);
        expect({ addr, value: now?.value, numFmt: now?.numFmt, note: now?.note }).toEqual({
          addr,
          value: was.value,
          numFmt: was.numFmt,
          note: flagged.has(addr) ? now?.note : was.note,
        });
        // A highlighted cell gets a fill, and ExcelJS writes the workbook's default font beside it; every other
        // cell keeps its whole format.
        if (!(name === "考核表" && flagged.has(addr))) {
          expect({ addr, font: now?.font, border: now?.border, alignment: now?.alignment, fill: now?.fill }).toEqual({
            addr,
            font: was.font,
            border: was.border,
            alignment: was.alignment,
            fill: was.fill,
          });
        }
      }
    }
  });

  it("writes the 14 score columns right of the last used column, in spec order", async () => {
    const { workbook, assessment } = await scoreWorkbook(await load());
    const ws = workbook.getWorksheet("考核表") as ExcelJS.Worksheet;
    const headers = scoreHeaders(assessment);
    expect(headers).toHaveLength(14);
    // the sample's last used column is AH (34): scores from AI (35) to AV (48)
    headers.forEach((h, i) => expect(ws.getCell(3, 35 + i).value).toBe(h));
    const row = 8; // 县法院: total 88.5, rank 1, bonus 1
    expect(ws.getCell(row, 35 + 11).value).toBe(88.5);
    expect(ws.getCell(row, 35 + 12).value).toBe(1);
    expect(ws.getCell(row, 35 + 10).value).toBe(1);
    expect(String(noteText(ws.getCell(row, 35 + 11).note))).toContain("88.5");
    // 核查意见: 县公安局 misses 参与修复企业数 and 缺席活动次数
    expect(ws.getCell(6, 35 + 13).value).toBe("缺少材料 2 项：参与修复企业数、缺席活动次数");
    expect(ws.getCell(8, 35 + 13).value).toBeNull(); // a clean unit: the cell stays empty
  });

  it("highlights missing evidence with a note and a fill of its own kind", async () => {
    const { workbook } = await scoreWorkbook(await load());
    const ws = workbook.getWorksheet("考核表") as ExcelJS.Worksheet;
    expect(fillColor(ws.getCell("AB6"))).toBe(HIGHLIGHT_COLORS.missing);
    expect(String(noteText(ws.getCell("AB6").note))).toMatch(new RegExp(`^${NOTE_PREFIX}缺少材料`));
    expect(fillColor(ws.getCell("AA6"))).toBeUndefined();
    const ledger = workbook.getWorksheet("双公示台账") as ExcelJS.Worksheet;
    expect(fillColor(ledger.getCell("F4"))).toBe(HIGHLIGHT_COLORS.missing);
  });

  it("marks invalid data in the other fill, and keeps a note the user wrote", async () => {
    const wb = await load();
    const ws = wb.getWorksheet("考核表") as ExcelJS.Worksheet;
    ws.getCell("N4").value = 500; // 已报送 500 > 应报送 178: invalid on the part's cell
    ws.getCell("N4").note = "单位自报数";
    const { workbook, report } = await scoreWorkbook(wb);
    const cell = (workbook.getWorksheet("考核表") as ExcelJS.Worksheet).getCell("N4");
    expect(fillColor(cell)).toBe(HIGHLIGHT_COLORS.invalid);
    expect(noteText(cell.note)).toBe("单位自报数");
    expect(cell.value).toBe(500);
    const u = report.units.find((x) => x.row === 4);
    expect(u?.findings).toContainEqual(expect.objectContaining({ kind: "invalid", cell: "N4", field: "已报送条数" }));
    expect(u?.leaves["3.2"]).toBe(0);
  });

  it("gives a fixed cell its own fill back and takes the note away on the next run", async () => {
    const wb = await load();
    const sheet = wb.getWorksheet("考核表") as ExcelJS.Worksheet;
    sheet.getCell("AB6").fill = { type: "pattern", pattern: "solid", fgColor: { argb: "FF00B0F0" } };
    const once = await reload((await scoreWorkbook(wb)).workbook);
    const ws = once.getWorksheet("考核表") as ExcelJS.Worksheet;
    expect(fillColor(ws.getCell("AB6"))).toBe(HIGHLIGHT_COLORS.missing);
    ws.getCell("AB6").value = 5; // 参与修复 5 of 5
    const twice = await reload((await scoreWorkbook(once)).workbook);
    const fixed = (twice.getWorksheet("考核表") as ExcelJS.Worksheet).getCell("AB6");
    expect(fillColor(fixed)).toBe("FF00B0F0");
    expect(noteText(fixed.note)).toBeNull();
    expect((twice.getWorksheet("考核表") as ExcelJS.Worksheet).getCell(6, 35 + 7).value).toBe(5);
  });

  it("scoring the output again changes nothing", async () => {
    const once = await reload((await scoreWorkbook(await load())).workbook);
    const dumpAll = (wb: ExcelJS.Workbook) =>
      wb.worksheets.map((ws) => [ws.name, ws.state, [...dumpSheet(ws)]] as const);
    const first = dumpAll(once);
    const again = await reload((await scoreWorkbook(once)).workbook);
    expect(dumpAll(again)).toEqual(first);
    expect(again.worksheets.filter((ws) => ws.name === "考核排名")).toHaveLength(1);
  });

  it("builds the 考核排名 tab sorted by rank, frozen below its header, A4 landscape", async () => {
    const wb = await reload((await scoreWorkbook(await load())).workbook);
    const ws = wb.getWorksheet("考核排名") as ExcelJS.Worksheet;
    expect(ws.getCell("A1").value).toBe("衡东县2020年度社会信用体系建设工作考核排名");
    expect(ws.getCell("A2").value).toBe("排名");
    expect(ws.getCell("B3").value).toBe("县法院");
    const ranks: number[] = [];
    for (let r = 3; r <= 38; r++) ranks.push(Number(ws.getCell(r, 1).value));
    expect(ranks).toEqual([...ranks].sort((a, b) => a - b));
    expect(ws.pageSetup.orientation).toBe("landscape");
    expect(ws.pageSetup.paperSize).toBe(9);
    expect(ws.pageSetup.fitToWidth).toBe(1);
    expect(ws.views[0]).toEqual(expect.objectContaining({ state: "frozen", ySplit: 2 }));
  });

  it("remembers what it highlighted in a hidden sheet of the workbook", async () => {
    const { workbook, bytes } = await scoreWorkbook(await load());
    const wb = await reload(workbook);
    const state = wb.getWorksheet(MEMORY_SHEET) as ExcelJS.Worksheet;
    expect(state.state).toBe("veryHidden");
    const opened = await openPackage(bytes);
    expect(opened.book.sheets.find((s) => s.name === MEMORY_SHEET)?.state).toBe("veryHidden");
    const snap = opened.snapshot;
    expect(snap.memory?.assessmentSheet).toBe("考核表");
    expect(Object.keys(snap.memory?.highlights["考核表"] ?? {}).sort()).toEqual(
      ["AB6", "AE6", "Y10", "Z16", "AB16", "G19", "AB19", "R28", "S28", "AD36"].sort(),
    );
    // and the snapshot hides the tool's own sheet from the engine
    expect(snap.sheets.map((s) => s.name)).not.toContain(MEMORY_SHEET);
    expect(assess(snap).units).toHaveLength(36);
  });

  it("clears its scores from a row emptied since the last run, but never touches a 合计 row", async () => {
    const once = await reload((await scoreWorkbook(await load())).workbook);
    const ws = once.getWorksheet("考核表") as ExcelJS.Worksheet;
    // the office empties 县编办's row (39) and adds a 合计 row with its own formula in the 总分 column (AT)
    for (let c = 2; c <= 34; c++) ws.getCell(39, c).value = null;
    ws.getCell(40, 2).value = "合计";
    ws.getCell(40, 46).value = { formula: "SUM(AT4:AT38)", result: 2500 } as ExcelJS.CellFormulaValue;
    const twice = await reload((await scoreWorkbook(once)).workbook);
    const after = twice.getWorksheet("考核表") as ExcelJS.Worksheet;
    expect(after.getCell(3, 46).value).toBe("总分");
    expect(after.getCell(39, 46).value).toBeNull();
    expect(after.getCell(39, 47).value).toBeNull();
    expect(after.getCell(40, 46).value).toEqual(expect.objectContaining({ formula: "SUM(AT4:AT38)" }));
  });
});
