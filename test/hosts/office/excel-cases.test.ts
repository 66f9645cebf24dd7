// What real workbooks and real Excel do to the add-in, each on the fake Excel with the real host: a protected sheet, a
// sheet renamed or deleted between runs, a filtered sheet, merged cells, co-authoring, an edit while a run is under
// way, and a sheet larger than one request. Each ends in a clear message or the command line's own result.
import ExcelJS from "exceljs";
import { MEMORY_SHEET, address, decodeMemory } from "../../../src/core";
import { scoreWorkbook, loadWorkbook } from "../../../src/hosts/xlsx/workbook";
import { OfficeWorkbook } from "../../../src/taskpane/office-workbook";
import { recalculate } from "../../support/outcome";
import { HINT_SHEET } from "../../../src/hosts/office/env";
import { ProtectionError } from "../../../src/hosts/office/errors";
import { describeProblem } from "../../../src/taskpane/problems";
import type { Outcome } from "../../../src/taskpane/outcome";
import { HENGDONG_2020 } from "../../../src/rules/hengdong-2020";
import { FakeExcel, type FakeDocument, MERGED_AREAS_MAX, parseRect } from "../../../src/preview/excel";
import { SAMPLE, documentFrom } from "../../fakes/from-xlsx";
import { fakeEnv } from "../../fakes/env";
import { bigWorkbook } from "../../fakes/big";

type Mutate = (wb: ExcelJS.Workbook) => void;

/** The fake Excel over the sample (changed by `mutate`), with its merged areas as Excel keeps them. */
function fakeOf(wb: ExcelJS.Workbook): FakeExcel {
  const doc = documentFrom(wb);
  for (const ws of wb.worksheets) {
    const merges = (ws as unknown as { model: { merges?: string[] } }).model.merges ?? [];
    doc.sheet(ws.name)!.merges = merges.map((m) => parseRect(m));
  }
  return new FakeExcel(doc);
}

async function open(mutate?: Mutate) {
  const wb = await loadWorkbook(SAMPLE);
  mutate?.(wb);
  const excel = fakeOf(wb);
  return { excel, book: new OfficeWorkbook(fakeEnv(excel)) };
}

/** The command line's report on the same workbook. */
async function cli(mutate?: Mutate) {
  const wb = await loadWorkbook(SAMPLE);
  mutate?.(wb);
  return (await scoreWorkbook(wb)).report;
}

/** Every cell of every sheet, to prove nothing changed. */
function cellsOf(doc: FakeDocument): string {
  return JSON.stringify(doc.sheets.map((s) => [s.name, [...s.cells.entries()].sort()]));
}

function fill(excel: FakeExcel, sheet: string, a1: string) {
  return excel.cellModel(sheet, a1)?.fill ?? null;
}

function memory(excel: FakeExcel) {
  const s = excel.doc.sheet(MEMORY_SHEET)!;
  return decodeMemory([...s.cells.entries()].filter(([k]) => k.endsWith(",0")).map(([, c]) => c.value));
}

/** A missing-evidence finding on the assessment sheet whose field takes any text (so "已提供" fixes it). */
function missingEvidence(o: Outcome) {
  const evidence = new Set(HENGDONG_2020.fields.filter((f) => f.kind === "evidence").map((f) => f.id));
  return o.report.units
    .flatMap((u) => u.findings)
    .find((x) => x.kind === "missing" && !x.sheet && evidence.has(x.field!))!;
}

const TOTAL = "AT"; // 总分: the 12th of the score columns placed from AI

describe("a protected assessment sheet", () => {
  it("is reported before anything is written, naming the sheet and how to unprotect it", async () => {
    const { excel, book } = await open();
    excel.doc.sheet("考核表")!.protection = { protected: true };
    const before = cellsOf(excel.doc);
    const err = await book.recalculate().catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ProtectionError);
    expect((err as Error).message).toContain("工作表“考核表”受保护，请先撤销保护（审阅 → 撤销工作表保护）再计算");
    const p = describeProblem(err);
    expect(p.title.zh).toMatch(/未写入/);
    expect(p.hint?.en).toMatch(/Unprotect the sheet “考核表”/);
    // One read, no write: no score, no fill, no 考核排名, no memory.
    expect(excel.syncCount).toBe(1);
    expect(cellsOf(excel.doc)).toBe(before);
    expect(excel.doc.sheet("考核排名")).toBeUndefined();
    expect(excel.doc.sheet(MEMORY_SHEET)).toBeUndefined();
  });

  it("protected after a first run: the scores and memory stay as they were, and unprotected it scores again", async () => {
    const { excel, book } = await open();
    const first = await book.recalculate();
    excel.doc.sheet("考核表")!.protection = { protected: true };
    const before = cellsOf(excel.doc);
    await expect(book.recalculate()).rejects.toBeInstanceOf(ProtectionError);
    expect(cellsOf(excel.doc)).toBe(before);
    excel.doc.sheet("考核表")!.protection = { protected: false };
    expect((await book.recalculate()).report).toEqual(first.report);
  });

  it("a workbook whose structure is protected (no 考核排名 tab can be made) is reported the same way", async () => {
    const { excel, book } = await open();
    excel.doc.protection.protected = true;
    const before = cellsOf(excel.doc);
    const err = await book.recalculate().catch((e: unknown) => e);
    expect((err as Error).message).toMatch(/^工作簿结构受保护.*审阅 → 保护工作簿/);
    expect(cellsOf(excel.doc)).toBe(before);
  });

  it("a protected ledger: scores as usual, its cells are not highlighted, and the user is told so", async () => {
    const { excel, book } = await open();
    excel.doc.sheet("双公示台账")!.protection = { protected: true };
    const outcome = await book.recalculate();
    expect(outcome.report.units).toEqual((await cli()).units);
    // a unit's ledger findings are listed under the unit
    const ledgerCells = outcome.report.units
      .flatMap((u) => u.findings)
      .filter((f) => f.sheet === "双公示台账" && f.kind !== "warning");
    expect(ledgerCells.length).toBeGreaterThan(0);
    for (const f of ledgerCells) expect(fill(excel, "双公示台账", f.cell!)).toBeNull();
    expect(outcome.report.findings).toContainEqual(
      expect.objectContaining({
        kind: "warning",
        sheet: "双公示台账",
        message: expect.stringMatching(/受保护.*未标色/),
      }),
    );
    expect(memory(excel)!.highlights["双公示台账"]).toBeUndefined();
    // Unprotected, the next run highlights them.
    excel.doc.sheet("双公示台账")!.protection = { protected: false };
    await book.recalculate();
    for (const f of ledgerCells) expect(fill(excel, "双公示台账", f.cell!)).toMatchObject({ color: "#FFE699" });
  });
});

describe("sheet identity across sessions", () => {
  it("a sheet that took an old id after a reopen gets no remembered fill back: its header is not the one remembered", async () => {
    const { excel, book } = await open();
    const first = await book.recalculate();
    const oldId = memory(excel)!.office?.sheetIds?.["考核表"];
    expect(oldId).toBeDefined();
    const flagged = first.report.units.flatMap((u) => u.findings).filter((x) => x.kind !== "warning" && !x.sheet);
    // closed and reopened: new ids. The assessment sheet is renamed, and a new sheet of another table happens to be
    // given the assessment sheet's old id, its cells where the highlights were coloured by the office.
    excel.doc.reopen();
    excel.doc.sheet("考核表")!.name = "2020年度考核";
    const other = excel.doc.add("备用");
    other.id = oldId!;
    other.cell(0, 0).value = "项目";
    other.cell(0, 1).value = "金额";
    for (const f of flagged) {
      const at = parseRect(f.cell!);
      other.cell(at.row, at.col).fill = { color: "#DDEBF7", pattern: "Solid" };
    }
    const again = await book.recalculate();
    expect(again.sheet).toBe("2020年度考核");
    for (const f of flagged) expect(fill(excel, "备用", f.cell!)).toEqual({ color: "#DDEBF7", pattern: "Solid" });
    // the memory dropped what it could not prove, and the run went on
    expect(memory(excel)!.highlights["备用"]).toBeUndefined();
  });
});

describe("a sheet renamed or deleted between runs", () => {
  it("renamed: found again by its header in three syncs, the memory follows it, and its highlights still clear", async () => {
    const { excel, book } = await open();
    const first = await book.recalculate();
    const f = missingEvidence(first);
    excel.doc.sheet("考核表")!.name = "2020年度考核";
    excel.syncCount = 0;
    const again = await book.recalculate();
    expect(again.sheet).toBe("2020年度考核");
    expect(again.syncs).toBe(3);
    expect(again.report.units).toEqual(first.report.units);
    expect(excel.settings.get(HINT_SHEET)).toBe("2020年度考核");
    const state = memory(excel)!;
    expect(state.assessmentSheet).toBe("2020年度考核");
    expect(state.highlights["考核表"]).toBeUndefined();
    expect(state.highlights["2020年度考核"][f.cell!]).toEqual({ fill: null, note: false, shown: "missing" });
    // The highlight carried over is still the tool's: fixed, the cell gets its own (no) fill back.
    await excel.edit("2020年度考核", f.cell!, "已提供");
    excel.syncCount = 0;
    await book.recalculate();
    expect(excel.syncCount).toBe(2);
    expect(fill(excel, "2020年度考核", f.cell!)).toBeNull();
  });

  it("the ledger renamed is no ledger any more: its highlights are taken away, no error", async () => {
    const { excel, book } = await open();
    const first = await book.recalculate();
    const ledgerCell = first.report.units
      .flatMap((u) => u.findings)
      .find((x) => x.sheet === "双公示台账" && x.kind !== "warning")!;
    expect(fill(excel, "双公示台账", ledgerCell.cell!)).not.toBeNull();
    excel.doc.sheet("双公示台账")!.name = "台账（旧）";
    const again = await book.recalculate();
    expect(again.ledgerSheet).toBeNull();
    expect(fill(excel, "台账（旧）", ledgerCell.cell!)).toBeNull();
    expect(Object.keys(memory(excel)!.highlights)).toEqual(["考核表"]);
  });

  it("deleted: the memory's highlights for a sheet that is gone are dropped, no error", async () => {
    const { excel, book } = await open();
    await book.recalculate();
    expect(memory(excel)!.highlights["双公示台账"]).toBeDefined();
    excel.doc.sheets = excel.doc.sheets.filter((s) => s.name !== "双公示台账");
    const again = await book.recalculate();
    expect(again.ledgerSheet).toBeNull();
    expect(memory(excel)!.highlights["双公示台账"]).toBeUndefined();
    expect(again.report.units).toEqual(
      (
        await cli((wb) => {
          wb.removeWorksheet(wb.getWorksheet("双公示台账")!.id);
        })
      ).units,
    );
  });

  it("the assessment sheet gone altogether: the clear 'not an assessment workbook' message", async () => {
    const { excel, book } = await open();
    await book.recalculate();
    excel.doc.sheets = excel.doc.sheets.filter((s) => s.name !== "考核表");
    const err = await book.recalculate().catch((e: unknown) => e);
    expect((err as Error).message).toMatch(/^这不是考核工作簿：没有名为“考核表”的工作表/);
    expect(describeProblem(err).hint?.zh).toMatch(/生成考核模板/);
  });
});

describe("a filtered sheet", () => {
  it("reads and scores the rows a filter hides, and writes their scores there", async () => {
    const { excel, book } = await open();
    const sheet = excel.doc.sheet("考核表")!;
    sheet.autoFilter = { row: 2, col: 0, rows: 37, cols: 34 };
    for (let r = 9; r < 30; r++) sheet.hiddenRows.add(r); // rows 10 to 30 filtered out
    const outcome = await book.recalculate();
    expect(outcome.report).toEqual(await cli());
    const hidden = outcome.report.units.filter((u) => u.row >= 10 && u.row <= 30);
    expect(hidden.length).toBeGreaterThan(10);
    for (const u of hidden) expect(excel.value("考核表", `${TOTAL}${u.row}`)).toBe(u.total);
  });
});

describe("merged cells in the data area", () => {
  it("a unit name merged over two rows: the second row has data and no name, so it is no unit: 缺少单位名称", async () => {
    const mutate: Mutate = (wb) => wb.getWorksheet("考核表")!.mergeCells("B6:B7");
    const { excel, book } = await open(mutate);
    const outcome = await book.recalculate();
    expect(outcome.report).toEqual(await cli(mutate));
    // workbook.md: a row of data without a unit name is not scored or ranked; its name cell is flagged at the top level
    expect(outcome.report.units.find((u) => u.row === 7)).toBeUndefined();
    const b7 = outcome.report.findings.find((f) => f.cell === "B7")!;
    expect(b7).toEqual(expect.objectContaining({ kind: "invalid", message: "数据有误：缺少单位名称" }));
    expect([null, undefined, ""]).toContain(excel.value("考核表", `${TOTAL}7`));
  });

  it("an evidence cell merged over two rows: the second row sees it blank, a missing finding", async () => {
    const mutate: Mutate = (wb) => wb.getWorksheet("考核表")!.mergeCells("C8:C9");
    const { book } = await open(mutate);
    const outcome = await book.recalculate();
    expect(outcome.report).toEqual(await cli(mutate));
    expect(outcome.report.units.find((u) => u.row === 9)!.findings).toContainEqual(
      expect.objectContaining({ kind: "missing", cell: "C9" }),
    );
  });

  it("a title merged over where the score columns go does not stop the header row being written", async () => {
    const mutate: Mutate = (wb) => {
      const ws = wb.getWorksheet("考核表")!;
      ws.unMergeCells("A1:AH1");
      ws.mergeCells("A1:BA1");
    };
    const { excel, book } = await open(mutate);
    expect(excel.doc.sheet("考核表")!.merges).toContainEqual({ row: 0, col: 0, rows: 1, cols: 53 });
    const outcome = await book.recalculate();
    expect(outcome.scoreColumns[0]).toBe(35);
    expect(excel.value("考核表", "AI3")).toBe("一、工作机制建设（4分）");
    expect(outcome.report).toEqual(await cli(mutate));
  });

  it("a merged cell reaching right of the data: with ExcelApi 1.13 the score columns go right of it", async () => {
    // AH (自评总分) merged with the next two columns on a unit row: a score column at AI would cut through it, which
    // Excel refuses. Merged areas are read where the host has ExcelApi 1.13.
    const mutate: Mutate = (wb) => wb.getWorksheet("考核表")!.mergeCells("AH10:AJ10");
    const { excel, book } = await open(mutate);
    excel.apiVersion = "1.13";
    const outcome = await book.recalculate();
    expect(outcome.scoreColumns[0]).toBe(37); // AK
    expect(outcome.report.units).toEqual((await cli(mutate)).units);
  });

  it("thousands of merged areas (Excel answers none above 512): read in row bands, the score columns still avoid them", async () => {
    // 1,200 remarks below the table, each merged over A:C, and the one merge that matters (AH10:AJ10) among them.
    const mutate: Mutate = (wb) => {
      const ws = wb.getWorksheet("考核表")!;
      ws.mergeCells("AH10:AJ10");
      for (let r = 60; r < 1260; r++) {
        ws.getCell(`A${r}`).value = `备注 ${r}`;
        ws.mergeCells(`A${r}:C${r}`);
      }
    };
    const { excel, book } = await open(mutate);
    excel.apiVersion = "1.13";
    expect(excel.doc.sheet("考核表")!.merges.length).toBeGreaterThan(MERGED_AREAS_MAX);
    const outcome = await book.recalculate();
    expect(outcome.scoreColumns[0]).toBe(37); // AK: right of AH10:AJ10, found in its band
    expect(outcome.report.units).toEqual((await cli(mutate)).units);
    // the first read failed on the merged areas and was asked again; then bands of halving size until they answer
    expect(outcome.syncs).toBeGreaterThan(2);
    expect(outcome.syncs).toBeLessThan(12);
  });

  it("a merge starting left of the score columns and reaching into them: its cells are left alone, the rest written", async () => {
    const { excel, book } = await open();
    excel.apiVersion = "1.13";
    const first = await book.recalculate();
    const [c0] = first.scoreColumns; // AI
    // the office merges a remark from AG across AI and AJ on row 12 (getMergedAreasOrNullObject on a range that
    // starts at AI would not report it: office-js#3611)
    const sheet = excel.doc.sheet("考核表")!;
    sheet.merges.push({ row: 11, col: c0 - 3, rows: 1, cols: 4 });
    sheet.cell(11, c0 - 1).value = null;
    sheet.cell(11, c0).value = null;
    await excel.edit("考核表", address(7, 22), 2); // something to score again
    const again = await book.recalculate();
    const merge = `${address(12, c0 - 2)}:${address(12, c0 + 1)}`;
    expect(again.report.findings).toContainEqual(
      expect.objectContaining({ kind: "warning", cell: address(12, c0 - 2), message: expect.stringContaining(merge) }),
    );
    expect(excel.value("考核表", address(12, c0))).toBe(""); // left empty: not written
    expect(excel.value("考核表", address(12, c0 + 1))).toBe("");
    // the cells right of the merge on that row, and every other row, are written
    const row12 = again.report.units.find((u) => u.row === 12)!;
    expect(excel.value("考核表", address(12, first.scoreColumns[first.scoreColumns.length - 3]))).toBe(row12.total);
    const row7 = again.report.units.find((u) => u.row === 7)!;
    expect(excel.value("考核表", address(7, c0))).toBe(row7.indicators[Object.keys(row7.indicators)[0]]);
  });

  it("the command line leaves the same merged cells alone and says the same", async () => {
    // a block of the tool's headers already at AI:AV (an earlier version's), and a remark merged from AG into it
    const headers = [...HENGDONG_2020.indicators.map((i) => i.column), "加分", "总分", "排名", "核查意见"];
    const mutate: Mutate = (wb) => {
      const ws = wb.getWorksheet("考核表")!;
      headers.forEach((h, i) => (ws.getCell(3, 35 + i).value = h));
      ws.mergeCells("AG12:AJ12");
    };
    const { excel } = await open(mutate);
    excel.apiVersion = "1.13";
    const outcome = await new OfficeWorkbook(fakeEnv(excel)).recalculate();
    const line = await cli(mutate);
    expect(outcome.report).toEqual(line);
    expect(line.findings).toContainEqual(
      expect.objectContaining({ kind: "warning", cell: "AG12", message: expect.stringContaining("AG12:AJ12") }),
    );
    const wb = await loadWorkbook(SAMPLE);
    mutate(wb);
    const written = (await scoreWorkbook(wb)).workbook.getWorksheet("考核表")!;
    expect(written.getCell("AI12").value).toBeNull();
    expect(written.getCell("AK12").value).toEqual(expect.any(Number));
    expect(excel.value("考核表", "AK12")).toBe(written.getCell("AK12").value);
  });

  it("below ExcelApi 1.13 that write is refused; the user is told to unmerge, and the memory already knows the fills", async () => {
    const mutate: Mutate = (wb) => wb.getWorksheet("考核表")!.mergeCells("AH10:AJ10");
    const { excel, book } = await open(mutate);
    const err = await book.recalculate().catch((e: unknown) => e);
    const p = describeProblem(err);
    expect(p.code).toBe("InvalidOperation");
    expect(p.hint?.zh).toMatch(/取消合并/);
    // The memory went first: every highlight already in the sheet is in it, with the cell's own fill.
    const state = memory(excel)!;
    const highlighted = [...excel.doc.sheet("考核表")!.cells.entries()].filter(([, c]) => c.fill?.color === "#FFE699");
    expect(highlighted.length).toBeGreaterThan(0);
    for (const [k] of highlighted) {
      const [r, c] = k.split(",").map(Number);
      expect(state.highlights["考核表"][address(r + 1, c + 1)]).toBeDefined();
    }
    expect(state.scoredRows).toEqual([]);
  });
});

describe("co-authoring", () => {
  it("an edit from another user (source Remote) is reported like the user's own, and rescoring follows it", async () => {
    const { excel, book } = await open();
    const first = await book.recalculate();
    await excel.settle(); // the first run's own fill writes raise onChanged in the fake; delivered before listening
    const runs: Promise<Outcome>[] = [];
    const seen: string[] = [];
    await book.onDataChanged((c) => {
      seen.push(c.address);
      runs.push(book.recalculate());
    });
    const f = missingEvidence(first);
    await excel.edit("考核表", f.cell!, "已提供", "Remote");
    expect(seen).toEqual([f.cell]);
    const after = await runs[0];
    await excel.settle();
    expect(after.report.units.find((u) => u.findings.some((x) => x.cell === f.cell))).toBeUndefined();
    // The add-in's own write that follows (the cell's fill given back) may be reported too, without triggerSource;
    // the run it starts finds nothing different and writes nothing, so nothing more follows.
    expect(seen.slice(1).every((a) => a === f.cell)).toBe(true);
    const follow = await Promise.all(runs.slice(1));
    expect(follow.every((o) => o.syncs === 1)).toBe(true);
    await excel.settle();
    expect(runs).toHaveLength(seen.length);
  });

  it("the scores another user's add-in writes arrive as Remote edits in the score columns, and are left alone", async () => {
    const { excel, book } = await open();
    await book.recalculate();
    const seen: string[] = [];
    await book.onDataChanged((c) => {
      seen.push(c.address);
    });
    await excel.edit("考核表", `${TOTAL}4`, 88, "Remote");
    await excel.edit("考核表", "AI4:AV40", null, "Remote");
    expect(seen).toEqual([]);
  });

  it("with ExcelApi 1.14 the add-in's own writes are told apart by triggerSource, whoever ran", async () => {
    // The pane listens; the ribbon's 重新计算 (another OfficeWorkbook, the same add-in) writes the scores.
    for (const [version, reported] of [
      ["1.9", true],
      ["1.14", false],
    ] as const) {
      const { excel, book } = await open();
      excel.apiVersion = version;
      const seen: string[] = [];
      await book.onDataChanged((c) => {
        seen.push(c.address);
      });
      await new OfficeWorkbook(fakeEnv(excel)).recalculate();
      await excel.settle();
      // Below 1.14 the pane cannot tell them from the user's before it knows the score columns (one extra run).
      expect([version, seen.length > 0]).toEqual([version, reported]);
    }
  });
});

describe("a user edit while a recalculation is running", () => {
  it("is not lost: one more run follows on the edited values, and the scores written last match them", async () => {
    const { excel, book } = await open();
    const probe = await (await open()).book.recalculate();
    const f = missingEvidence(probe);
    const unit = probe.report.units.find((u) => u.findings.includes(f))!;
    const runs: Promise<Outcome>[] = [];
    await book.onDataChanged(() => {
      runs.push(book.recalculate()); // what 编辑后自动重新计算 does, after its pause
    });
    // The user fixes the cell after the read and before the write: twice, in fact.
    excel.syncCount = 0;
    excel.onSync = async (n) => {
      if (n !== 2) return;
      excel.onSync = null;
      await excel.edit("考核表", f.cell!, "已提供");
      await excel.edit("考核表", f.cell!, "已提供（附件）");
    };
    const first = await book.recalculate();
    expect(runs).toHaveLength(2);
    expect(runs[1]).toBe(runs[0]); // coalesced: one follow-up run for both edits
    const last = await runs[0];
    expect(excel.syncCount).toBe(4);
    // The first run scored what it read (the cell still missing), the follow-up the edit.
    expect(first.report.units.find((u) => u.row === unit.row)!.total).toBe(unit.total);
    const edited = await cli((wb) => {
      wb.getWorksheet("考核表")!.getCell(f.cell!).value = "已提供（附件）";
    });
    expect(last.report).toEqual(edited);
    const fixed = edited.units.find((u) => u.row === unit.row)!;
    expect(fixed.total).toBeGreaterThan(unit.total);
    expect(excel.value("考核表", `${TOTAL}${unit.row}`)).toBe(fixed.total);
    expect(fill(excel, "考核表", f.cell!)).toBeNull();
  });
});

describe("a sheet larger than one request", () => {
  it("1,200 rows read in blocks give the command line's report, and a fill read on demand comes back", async () => {
    const wb = await bigWorkbook(1200);
    const excel = fakeOf(wb);
    // A cell far below the first block that the office coloured, and that will be highlighted.
    const first = await recalculate(excel.run, excel.settings);
    expect(first.report).toEqual((await scoreWorkbook(await bigWorkbook(1200))).report);
    expect(first.syncs).toBe(4); // the first read, one block for rows 97-1203, the fills to remember, one write
    const evidence = new Set(HENGDONG_2020.fields.filter((f) => f.kind === "evidence").map((f) => f.id));
    const late = first.report.units
      .filter((u) => u.row > 600)
      .flatMap((u) => u.findings)
      .find((x) => x.kind === "missing" && evidence.has(x.field!))!;
    expect(late).toBeDefined();
    // A fresh copy where that cell has the office's own fill before the tool first sees it.
    const fresh = fakeOf(await bigWorkbook(1200));
    const at = parseRect(late.cell!);
    fresh.doc.sheet("考核表")!.cell(at.row, at.col).fill = { color: "#DDEBF7", pattern: "Solid" };
    const book = new OfficeWorkbook(fakeEnv(fresh));
    await book.recalculate();
    expect(fill(fresh, "考核表", late.cell!)).toMatchObject({ color: "#FFE699" });
    await fresh.edit("考核表", late.cell!, "张三");
    await book.recalculate();
    expect(fill(fresh, "考核表", late.cell!)).toEqual({ color: "#DDEBF7", pattern: "Solid" });
  }, 60_000);

  it("Excel on the web's GeneralException for a block too large is taken the same way: asked again in halves", async () => {
    const excel = fakeOf(await bigWorkbook(1200));
    excel.payloadLimit = 600 * 1024;
    excel.oversizeAnswer = "GeneralException";
    const outcome = await recalculate(excel.run, excel.settings);
    expect(outcome.report).toEqual((await scoreWorkbook(await bigWorkbook(1200))).report);
    expect(Math.max(...excel.syncs.map((s) => s.bytesIn))).toBeLessThanOrEqual(600 * 1024);
  }, 60_000);

  it("a response too large even for one row ends in a clear message, with either code", async () => {
    for (const answer of ["ResponsePayloadSizeLimitExceeded", "GeneralException"] as const) {
      const excel = fakeOf(await bigWorkbook(300));
      excel.oversizeAnswer = answer;
      // the first read goes through; from the second sync on, not even one row fits
      let reads = 0;
      excel.onSync = (n) => {
        if (n >= 2) excel.payloadLimit = 500;
        if (n >= 2) reads++;
      };
      const err = await recalculate(excel.run, excel.settings).catch((e: unknown) => e);
      const p = describeProblem(err);
      expect(p.code).toBe(answer);
      expect(p.hint?.zh).toMatch(/删除考核表中不用的行列，或在桌面版 Excel 或命令行中计算/);
      // halved down to single rows before giving up: more than one retry
      expect(reads).toBeGreaterThan(3);
    }
  }, 60_000);

  it("a block Excel refuses as too large is asked for again in halves", async () => {
    const excel = fakeOf(await bigWorkbook(1200));
    excel.payloadLimit = 600 * 1024; // the first read fits, the 1,107-row block (about 1 MB) does not
    const outcome = await recalculate(excel.run, excel.settings);
    expect(outcome.report).toEqual((await scoreWorkbook(await bigWorkbook(1200))).report);
    expect(Math.max(...excel.syncs.map((s) => s.bytesIn))).toBeLessThanOrEqual(600 * 1024);
  }, 60_000);
});

describe("the 1904 date system", () => {
  /** The sample as a 1904 workbook: ExcelJS writes its dates as 1904 serials with workbookPr date1904. */
  const as1904: Mutate = (wb) => {
    wb.properties.date1904 = true;
  };

  it("scores the same in Excel and on the command line, and the same as in the 1900 system", async () => {
    const wb = await loadWorkbook(SAMPLE);
    let dated = 0;
    wb.getWorksheet("双公示台账")!.eachRow((r) => r.eachCell((c) => void (c.value instanceof Date && dated++)));
    expect(dated).toBeGreaterThan(10); // the ledger's dates decide 3.4 (working days)
    const usual = await cli();
    const line = await cli(as1904);
    expect(line).toEqual(usual);
    // In Excel the cells hold 1904 serials (1,462 less); only DATE(1904,1,1) tells the add-in which system it is.
    const { excel, book } = await open();
    excel.doc.date1904 = true;
    let shifted = 0;
    for (const s of excel.doc.sheets) {
      for (const c of s.cells.values()) {
        if (typeof c.value === "number" && /[ymd]/i.test(c.numberFormat) && c.value >= 1462) {
          c.value -= 1462;
          shifted++;
        }
      }
    }
    expect(shifted).toBeGreaterThanOrEqual(dated);
    const outcome = await book.recalculate();
    expect(outcome.report).toEqual(usual);
    expect(outcome.syncs).toBe(2); // the probe rides in the first read
  });

  it("without the probe's answer, 1904 serials would be read four years early: the test can fail", async () => {
    const { excel, book } = await open();
    for (const s of excel.doc.sheets) {
      for (const c of s.cells.values()) {
        if (typeof c.value === "number" && /[ymd]/i.test(c.numberFormat) && c.value >= 1462) c.value -= 1462;
      }
    }
    // date1904 left false: the workbook says 1900, so the shifted serials are other dates and the scores differ
    const outcome = await book.recalculate();
    expect(outcome.report).not.toEqual(await cli());
  });
});
