// The Office host through the pane's port, on the fake Excel: re-runs, fixes, remembered sheets, settings, events,
// the template, and errors that reach the caller.
import ExcelJS from "exceljs";
import { MEMORY_SHEET, WorkbookError, decodeMemory } from "../../src/core";
import { scoreWorkbook, loadWorkbook } from "../../src/hosts/xlsx/workbook";
import { OfficeWorkbook, insideColumns } from "../../src/taskpane/office-workbook";
import { HINT_SHEET } from "../../src/hosts/office/env";
import { describeProblem } from "../../src/taskpane/problems";
import { FakeExcel, FakeOfficeError, parseRect } from "../../src/preview/excel";
import { SAMPLE, documentFrom } from "../fakes/from-xlsx";
import { fakeEnv } from "../fakes/env";
import { HENGDONG_2020 } from "../../src/rules/hengdong-2020";
import type { Outcome } from "../../src/taskpane/outcome";

/** A missing-evidence finding on the assessment sheet whose field takes any text (so "已提供" fixes it). */
function missingEvidence(o: Outcome) {
  const evidence = new Set(HENGDONG_2020.fields.filter((f) => f.kind === "evidence").map((f) => f.id));
  return o.report.units
    .flatMap((u) => u.findings)
    .find((x) => x.kind === "missing" && !x.sheet && evidence.has(x.field!))!;
}

async function open(mutate?: (wb: ExcelJS.Workbook) => void) {
  const wb = await loadWorkbook(SAMPLE);
  mutate?.(wb);
  const excel = new FakeExcel(documentFrom(wb));
  return { excel, book: new OfficeWorkbook(fakeEnv(excel)) };
}

function fill(excel: FakeExcel, sheet: string, a1: string) {
  const r = parseRect(a1);
  return excel.doc.sheet(sheet)!.get(r.row, r.col)?.fill ?? null;
}

describe("a second run", () => {
  it("updates in place: no new columns, one ranking tab, and nothing written when nothing changed", async () => {
    const { excel, book } = await open();
    const first = await book.recalculate();
    const width = excel.doc.sheet("考核表")!.used(true)!.cols;
    const sheets = excel.doc.sheets.map((s) => s.name);
    excel.syncCount = 0;
    const second = await book.recalculate();
    // one read; every score, fill, the ranking tab and the memory are already what the run would write
    expect(second.syncs).toBe(1);
    expect(excel.syncCount).toBe(1);
    expect(excel.doc.sheet("考核表")!.used(true)!.cols).toBe(width);
    expect(excel.doc.sheets.map((s) => s.name)).toEqual(sheets);
    expect(second.report).toEqual(first.report);
  });

  it("gives a fixed cell its own fill back and drops its highlight", async () => {
    const { excel, book } = await open();
    const first = await book.recalculate();
    const f = missingEvidence(first);
    // The office had coloured that cell before the tool highlighted it: give it a fill, re-run, then fix it.
    const r = parseRect(f.cell!);
    const unit = first.report.units.find((u) => u.findings.includes(f))!;
    expect(excel.syncCount).toBe(2);
    // On a copy that has never been scored, the office had coloured that cell: highlight it, then fix it.
    const clean = await open();
    clean.excel.doc.sheet("考核表")!.cell(r.row, r.col).fill = { color: "#DDEBF7", pattern: "Solid" };
    await clean.book.recalculate();
    expect(fill(clean.excel, "考核表", f.cell!)).toMatchObject({ color: "#FFE699" });
    await clean.excel.edit("考核表", f.cell!, "已提供");
    const after = await clean.book.recalculate();
    expect(fill(clean.excel, "考核表", f.cell!)).toEqual({ color: "#DDEBF7", pattern: "Solid" });
    const fixed = after.report.units.find((u) => u.row === unit.row)!;
    expect(fixed.findings.some((x) => x.cell === f.cell)).toBe(false);
    const state = decodeMemory([clean.excel.doc.sheet(MEMORY_SHEET)!.get(0, 0)!.value]);
    expect(state!.highlights["考核表"][f.cell!]).toBeUndefined();
  });

  it("clears the highlight of a cell that had no fill of its own", async () => {
    const { excel, book } = await open();
    const first = await book.recalculate();
    const f = missingEvidence(first);
    expect(fill(excel, "考核表", f.cell!)).not.toBeNull();
    await excel.edit("考核表", f.cell!, "已提供");
    await book.recalculate();
    expect(fill(excel, "考核表", f.cell!)).toBeNull();
  });
});

describe("which sheet", () => {
  it("finds a sheet not named 考核表 in three syncs, then remembers it and takes two", async () => {
    const { excel, book } = await open((wb) => {
      wb.getWorksheet("考核表")!.name = "2020年度考核";
    });
    const first = await book.recalculate();
    expect(first.sheet).toBe("2020年度考核");
    expect(first.syncs).toBe(3);
    expect(excel.settings.get(HINT_SHEET)).toBe("2020年度考核");
    const again = await book.recalculate();
    expect(again.syncs).toBe(1); // the remembered sheet read in the first sync; nothing new to write
    expect(again.report).toEqual(first.report);
    expect(first.report).toEqual({
      ...(
        await scoreWorkbook(
          await loadWorkbook(SAMPLE).then((wb) => {
            wb.getWorksheet("考核表")!.name = "2020年度考核";
            return wb;
          }),
        )
      ).report,
    });
  });

  it("does not trust a stale hint: the remembered sheet must be the one the core takes", async () => {
    const { excel, book } = await open((wb) => {
      wb.getWorksheet("考核表")!.name = "甲";
    });
    excel.settings.set(HINT_SHEET, "双公示台账");
    const outcome = await book.recalculate();
    expect(outcome.sheet).toBe("甲");
    expect(outcome.syncs).toBe(3);
  });

  it("tells the user when the workbook is not an assessment workbook, after looking at every sheet", async () => {
    const excel = new FakeExcel();
    excel.doc.add("Sheet1").cell(0, 0).value = "随便写点";
    const book = new OfficeWorkbook(fakeEnv(excel));
    const err = await book.recalculate().catch((e: unknown) => e);
    expect(err).toBeInstanceOf(WorkbookError);
    expect((err as Error).message).toMatch(/这不是考核工作簿/);
    expect(excel.syncCount).toBe(2);
    expect(describeProblem(err).hint?.zh).toMatch(/生成考核模板/);
  });

  it("stops at a 考核表 without a header row: one read, and the core's message", async () => {
    const excel = new FakeExcel();
    excel.doc.add("Sheet1").cell(0, 0).value = "x";
    excel.doc.add("考核表").cell(0, 0).value = "单位名称";
    const err = await new OfficeWorkbook(fakeEnv(excel)).recalculate().catch((e: unknown) => e);
    expect((err as Error).message).toMatch(/工作表“考核表”中未找到/);
    expect(excel.syncCount).toBe(1);
  });
});

describe("Excel's values", () => {
  it("reads error values and formula results as the command line does", async () => {
    const mutate = (wb: ExcelJS.Workbook) => {
      const ws = wb.getWorksheet("考核表")!;
      ws.getCell("T5").value = { error: "#N/A" } as ExcelJS.CellErrorValue;
      ws.getCell("U6").value = { formula: "1+1", result: 2 } as ExcelJS.CellFormulaValue;
    };
    const { book } = await open(mutate);
    const outcome = await book.recalculate();
    const wb = await loadWorkbook(SAMPLE);
    mutate(wb);
    expect(outcome.report).toEqual((await scoreWorkbook(wb)).report);
    expect(outcome.report.units.find((u) => u.row === 5)!.findings).toContainEqual(
      expect.objectContaining({ kind: "invalid", cell: "T5" }),
    );
  });
});

describe("settings", () => {
  it("are saved in the workbook, used by the next run and travel to the command line", async () => {
    const { excel, book } = await open();
    expect(await book.loadSettings()).toEqual({ naPolicy: "full", steps: "ceil", bonusCap: 10, selfGap: 5 });
    await book.saveSettings({ naPolicy: "zero", steps: "floor", bonusCap: 5, selfGap: 5 });
    expect(await book.loadSettings()).toMatchObject({ naPolicy: "zero", steps: "floor", bonusCap: 5 });
    const outcome = await book.recalculate();
    // 县发改局's 4.2 is not applicable (认定名单数 0): zero scores it 0
    expect(outcome.report.units.find((u) => u.unit === "县发改局")?.leaves["4.2"]).toBe(0);
    const wb = await loadWorkbook(SAMPLE);
    expect(outcome.report).toEqual(
      (await scoreWorkbook(wb, { settings: { naPolicy: "zero", steps: "floor", bonusCap: 5 } })).report,
    );
    expect(excel.doc.sheet(MEMORY_SHEET)!.visibility).toBe("VeryHidden");
  });

  it("refuses a wrong setting with the core's reason", async () => {
    const { book } = await open();
    await expect(book.saveSettings({ naPolicy: "full", steps: "ceil", bonusCap: -1, selfGap: 5 })).rejects.toThrow(
      /加分上限/,
    );
  });

  it("keeps the 编辑后自动重新计算 switch in the workbook, where every runtime reads the same", async () => {
    const { excel, book } = await open();
    expect(await book.autoRecalc()).toBe(false);
    // another runtime (the ribbon's, or a co-author's Excel) started before the switch was turned on
    const ribbon = new FakeExcel(excel.doc);
    await book.setAutoRecalc(true);
    expect(await new OfficeWorkbook(fakeEnv(ribbon)).autoRecalc()).toBe(true);
    // its run, and its saving of its own (stale) copy of document settings, take nothing away
    await new OfficeWorkbook(fakeEnv(ribbon)).recalculate();
    expect(await book.autoRecalc()).toBe(true);
    expect(excel.doc.settings.has("xinyong.autoRecalc")).toBe(false);
    // and a run keeps the settings the pane saved, the switch with them
    await book.saveSettings({ naPolicy: "zero", steps: "ceil", bonusCap: 5, selfGap: 5 });
    await new OfficeWorkbook(fakeEnv(ribbon)).recalculate();
    expect(await book.autoRecalc()).toBe(true);
    expect((await new OfficeWorkbook(fakeEnv(new FakeExcel(excel.doc))).loadSettings()).naPolicy).toBe("zero");
    await book.setAutoRecalc(false);
    expect(await new OfficeWorkbook(fakeEnv(ribbon)).autoRecalc()).toBe(false);
  });
});

describe("events", () => {
  it("reports the user's edits on the assessment and ledger sheets, not the add-in's own writes", async () => {
    const { excel, book } = await open();
    await book.recalculate();
    // the first run's fills raise onChanged in the fake (as they may in Excel); they are delivered before listening
    await excel.settle();
    const seen: string[] = [];
    const stop = await book.onDataChanged((c) => {
      seen.push(`${c.sheet}!${c.address}`);
    });
    await book.recalculate();
    await excel.settle();
    expect(seen).toEqual([]);
    await excel.edit("考核表", "F4", "张三");
    await excel.edit("双公示台账", "B3", "县发改局");
    await excel.edit("考核排名", "A1", "x");
    expect(seen).toEqual(["考核表!F4", "双公示台账!B3"]);
    await stop();
    await excel.edit("考核表", "F5", "李四");
    expect(seen).toHaveLength(2);
  });

  it("reports the selected cell, first cell of a range", async () => {
    const { excel, book } = await open();
    const seen: string[] = [];
    await book.onSelectionChanged((c) => {
      seen.push(`${c.sheet}!${c.address}`);
    });
    await excel.select("考核表", "C7:D9");
    expect(seen).toEqual(["考核表!C7"]);
  });

  it("selects a cell for the user", async () => {
    const { excel, book } = await open();
    await book.selectCell("双公示台账", "E5");
    expect(excel.doc.selection).toEqual({ sheet: "双公示台账", address: "E5" });
    expect(excel.doc.active).toBe("双公示台账");
  });

  it("tells the tool's columns from the user's", () => {
    expect(insideColumns("AF4:AS40", [32, 33, 34, 35, 36, 37, 38, 39, 40, 41, 42, 43, 44, 45])).toBe(true);
    expect(insideColumns("AE4", [32, 33])).toBe(false);
    expect(insideColumns("4:4", [32])).toBe(false);
  });
});

describe("the template", () => {
  it("writes a blank 2020 template that the tool then scores", async () => {
    const excel = new FakeExcel();
    excel.doc.add("Sheet1");
    const book = new OfficeWorkbook(fakeEnv(excel));
    await book.generateTemplate();
    const ws = excel.doc.sheet("考核表")!;
    expect(ws.get(2, 1)?.value).toBe("单位名称");
    expect(ws.get(3, 1)?.value).toBe("县发改局");
    expect(ws.frozenRows).toBe(3);
    expect(ws.merges.length).toBeGreaterThan(1);
    expect(excel.doc.sheet("双公示台账")!.get(0, 1)?.value).toBe("单位名称");
    expect(excel.doc.active).toBe("考核表");
    const outcome = await book.recalculate();
    expect(outcome.report.units).toHaveLength(36);
    await expect(book.generateTemplate()).rejects.toThrow(/已有工作表/);
  });
});

describe("Office errors", () => {
  it("reach the caller with Excel's code, and the user gets a hint", async () => {
    const { excel, book } = await open();
    excel.doc.sheet("考核表")!.visibility = "Hidden";
    const err = await book.selectCell("考核表", "A1").catch((e: unknown) => e);
    expect(err).toBeInstanceOf(FakeOfficeError);
    const p = describeProblem(err);
    expect(p.code).toBe("InvalidOperation");
    expect(p.hint?.zh).toMatch(/编辑状态/);
  });

  it("a response above Excel on the web's limit is refused, not truncated", async () => {
    const { excel, book } = await open();
    excel.payloadLimit = 10_000;
    const err = await book.recalculate().catch((e: unknown) => e);
    expect(describeProblem(err).code).toBe("ResponsePayloadSizeLimitExceeded");
  });
});
