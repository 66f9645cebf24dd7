// The user's journey in a real browser (Debian's Chromium, through playwright-core): the browser preview with the
// add-in's task pane over the simulated workbook, loaded with the shared sample. Every number the pane writes is
// checked against the command line run on the same workbook. Accessibility (axe-core) in each state, no request
// leaves the local server, no CSP violation, and screenshots of each state in test-output/screenshots/.
import ExcelJS from "exceljs";
import type { Report } from "../../src/core";
import { HIGHLIGHT_COLORS } from "../../src/core";
import { noteText } from "../hosts/xlsx/util";
import {
  type CliRun,
  SAMPLE,
  SCREENSHOTS,
  type Session,
  cliScore,
  cutOff,
  edited,
  eventually,
  gridCells,
  openPreview,
  openSession,
  pane,
  renderedFonts,
  screenshot,
  seriousViolations,
  sheetValues,
  showSheet,
  tabTo,
} from "./harness";

jest.setTimeout(180_000);

const ASSESSMENT = "考核表";
const RANKING = "考核排名";
const LEDGER = "双公示台账";
const FILL = { missing: `#${HIGHLIGHT_COLORS.missing.slice(2)}`, invalid: `#${HIGHLIGHT_COLORS.invalid.slice(2)}` };

let s: Session;
let original: Record<string, string>;
/** Fills the sample's cells have of their own, by sheet. */
const originalFills: Record<string, Record<string, string>> = {};

beforeAll(async () => {
  s = await openSession();
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(SAMPLE);
  original = sheetValues(wb.getWorksheet(ASSESSMENT)!);
}, 300_000);

afterAll(async () => {
  await s?.close();
  console.log(`Screenshots of the task pane's states: ${SCREENSHOTS}`);
});

afterEach(() => {
  // Nothing left the machine, and nothing went wrong in the page or the pane.
  expect(s.offsite).toEqual([]);
  expect(s.errors).toEqual([]);
});

/** The cells the tool writes on the assessment sheet (not in the sample as given), as the command line wrote them. */
function toolCells(run: CliRun): Record<string, string> {
  const all = sheetValues(run.workbook!.getWorksheet(ASSESSMENT)!);
  return Object.fromEntries(Object.entries(all).filter(([a1]) => !(a1 in original)));
}

function gridValues(cells: Record<string, { value?: string }>, only: Iterable<string>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const a1 of only) if (cells[a1]?.value !== undefined) out[a1] = cells[a1].value!;
  return out;
}

/** The grid shows exactly the command line's score columns and ranking tab, and its highlights. */
async function expectLikeCli(run: CliRun): Promise<void> {
  const page = s.page;
  await showSheet(page, ASSESSMENT);
  const expected = toolCells(run);
  await eventually(
    () => gridCells(page),
    (g) => expect(gridValues(g.cells, Object.keys(expected))).toEqual(expected),
  );
  const { cells } = await gridCells(page);
  // No value outside the tool's columns was changed or added.
  const written = Object.entries(cells).filter(([a1, c]) => c.value !== undefined && !(a1 in expected));
  expect(Object.fromEntries(written.map(([a1, c]) => [a1, c.value]))).toEqual(
    Object.fromEntries(written.map(([a1]) => [a1, original[a1]])),
  );
  expectHighlights(cells, run.report!, ASSESSMENT);

  await showSheet(page, LEDGER);
  expectHighlights((await gridCells(page)).cells, run.report!, LEDGER);

  await showSheet(page, RANKING);
  const ranking = sheetValues(run.workbook!.getWorksheet(RANKING)!);
  const shown = await gridCells(page);
  expect(gridValues(shown.cells, Object.keys(shown.cells))).toEqual(ranking);
  await showSheet(page, ASSESSMENT);
}

/** Flagged cells carry the highlight of their finding; every other cell keeps the fill it had in the sample. */
function expectHighlights(cells: Record<string, { fill?: string }>, report: Report, sheet: string): void {
  const findings = [...report.units.flatMap((u) => u.findings), ...report.findings].filter(
    (f) => (f.sheet ?? report.sheet) === sheet && f.cell && f.kind !== "warning",
  );
  const want = {
    ...originalFills[sheet],
    ...Object.fromEntries(findings.map((f) => [f.cell!, FILL[f.kind as "missing" | "invalid"]])),
  };
  expect(fills(cells)).toEqual(want);
}

function fills(cells: Record<string, { fill?: string }>): Record<string, string> {
  return Object.fromEntries(
    Object.entries(cells)
      .filter(([, c]) => c.fill !== undefined)
      .map(([a1, c]) => [a1, c.fill!]),
  );
}

function firstMissing(report: Report) {
  const unit = report.units.find((u) => u.findings.some((f) => f.kind === "missing" && !f.sheet))!;
  return { unit, finding: unit.findings.find((f) => f.kind === "missing" && !f.sheet)! };
}

/** The settings the pane has from the settings step on, as command-line options. */
const SETTINGS = ["--bonus-cap", "1"];

/** Types a value into a grid cell and confirms it, as a user does. */
async function typeInto(cell: string, text: string): Promise<void> {
  const page = s.page;
  await page.locator(`td[data-cell="${cell}"]`).click();
  await page.keyboard.type(text);
  await page.keyboard.press("Enter");
}

/** The address of a unit's score cell under a score header, in the command line's scored workbook. */
function scoreCell(run: CliRun, row: number, header: string): string {
  const found: string[] = [];
  run.workbook!.getWorksheet(ASSESSMENT)!.eachRow((r) =>
    r.eachCell((c) => {
      if (c.value === header) found.push(c.address.replace(/\d+$/, ""));
    }),
  );
  // The sample's group headers above its fields carry the same text; the score column is the rightmost.
  expect(found.length).toBeGreaterThan(0);
  return `${found[found.length - 1]}${row}`;
}

/** A copy of a workbook with a 核定调整 sheet holding one row, as the office would type it. */
async function withAdjustment(file: string, row: [string, string, number, string]): Promise<string> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(file);
  const ws = wb.addWorksheet("核定调整");
  ws.addRow(["序号", "单位名称", "项目", "核定分", "理由", "核定人", "日期"]);
  ws.addRow([1, ...row]);
  const out = file.replace(/\.xlsx$/, "-核定.xlsx");
  await wb.xlsx.writeFile(out);
  return out;
}

describe("the journey, in Chinese", () => {
  let scored: CliRun;
  let fixedFile: string;

  it("opens: the sample in the grid, the pane ready, Chinese drawn with a CJK font, no accessibility problem", async () => {
    scored = await cliScore(SAMPLE);
    expect(scored.code).toBe(0);
    await openPreview(s);
    const page = s.page;
    expect(await page.getByTestId("workbook-name").textContent()).toContain("sample-2020.xlsx");
    const grid = await gridCells(page);
    expect(grid.sheet).toBe(ASSESSMENT);
    expect(gridValues(grid.cells, Object.keys(original))).toEqual(original);
    originalFills[ASSESSMENT] = fills(grid.cells);
    await showSheet(page, LEDGER);
    originalFills[LEDGER] = fills((await gridCells(page)).cells);
    await showSheet(page, ASSESSMENT);
    await pane(page).getByRole("button", { name: "计算得分" }).waitFor();
    expect(await renderedFonts(page, "h1", true)).toEqual([expect.stringMatching(/CJK|Hei|Song|WenQuanYi/)]);
    expect(await seriousViolations(page)).toEqual([]);
    await screenshot(page, "01-open");
  });

  it("计算得分 with the keyboard alone: score columns, highlights and 考核排名 appear with the command line's numbers", async () => {
    const page = s.page;
    await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
    const presses = await tabTo(page, (el) => el.tag === "button" && el.name === "计算得分");
    expect(presses).toBeLessThan(20);
    await page.keyboard.press("Enter");
    await pane(page).getByTestId("units-scored").waitFor();
    expect(await pane(page).getByTestId("units-scored").textContent()).toBe(String(scored.report!.units.length));
    const top = await pane(page).getByRole("list", { name: "前三名" }).getByRole("listitem").allTextContents();
    const best = [...scored.report!.units].sort((a, b) => (a.rank ?? 0) - (b.rank ?? 0)).slice(0, 3);
    expect(top).toEqual(best.map((u) => `第 ${u.rank} 名 ${u.unit} · ${u.total.toFixed(2)} 分`));
    await expectLikeCli(scored);
    expect(await seriousViolations(page)).toEqual([]);
    await screenshot(page, "02-scored");
    await screenshot(page, "03-pane-results", true);
    await showSheet(page, RANKING);
    await screenshot(page, "04-ranking-tab");
    await showSheet(page, ASSESSMENT);
  });

  it("selecting a score cell in the grid shows how it was computed: the command line's note on that cell", async () => {
    const page = s.page;
    const ws = scored.workbook!.getWorksheet(ASSESSMENT)!;
    const unit = scored.report!.units[0];
    // The 三、 indicator's score cell on the unit's row: its note explains each of its five leaves.
    let cell: ExcelJS.Cell | undefined;
    ws.getRow(unit.row).eachCell((c) => {
      const note = noteText(c.note);
      if (!cell && note?.startsWith("信用信息归集和报送")) cell = c;
    });
    const note = noteText(cell!.note)!;
    await page.locator(`td[data-cell="${cell!.address}"]`).click();
    const detail = pane(page).getByTestId("cell-detail");
    await eventually(
      () => detail.textContent(),
      (t) => expect(t).toContain(note),
    );
    expect(await detail.textContent()).toContain(unit.unit);
    await screenshot(page, "02b-score-explained");
  });

  it("clicking a finding selects its cell, and the pane says why it was flagged", async () => {
    const page = s.page;
    const { unit, finding } = firstMissing(scored.report!);
    const group = pane(page).getByRole("group", { name: unit.unit });
    await group.getByTitle(`定位到 ${finding.cell}`).click();
    await eventually(
      () => gridCells(page),
      (g) => {
        expect(g.sheet).toBe(ASSESSMENT);
        expect(g.cells[finding.cell!].selected).toBe(true);
      },
    );
    expect(await page.getByTestId("name-box").textContent()).toBe(finding.cell);
    await expect(pane(page).getByTestId("cell-detail").textContent()).resolves.toContain(finding.message);
    expect(await seriousViolations(page)).toEqual([]);
    await screenshot(page, "05-finding-selected");
  });

  it("findings reached and opened with the keyboard select their cells; the folded notes open with Enter", async () => {
    const page = s.page;
    const onSheet = scored.report!.units.flatMap((u) => u.findings).filter((f) => f.cell && !f.sheet);
    const problems = onSheet.filter((f) => f.kind !== "warning");
    const last = problems[problems.length - 1];
    await tabTo(page, (el) => el.tag === "button" && el.name.startsWith(`${last.cell} `));
    await page.keyboard.press("Enter");
    await eventually(
      () => gridCells(page),
      (g) => expect(g.cells[last.cell!].selected).toBe(true),
    );
    const warnings = [...scored.report!.units.flatMap((u) => u.findings), ...scored.report!.findings].filter(
      (f) => f.kind === "warning",
    );
    const toggle = pane(page).getByRole("button", { name: `提示 ${warnings.length} 条` });
    expect(await toggle.getAttribute("aria-expanded")).toBe("false");
    await tabTo(page, (el) => el.tag === "button" && el.name.startsWith("提示 "));
    await page.keyboard.press("Enter");
    expect(await toggle.getAttribute("aria-expanded")).toBe("true");
    const note = onSheet.find((f) => f.kind === "warning")!;
    await tabTo(page, (el) => el.tag === "button" && el.name.startsWith(`${note.cell} `));
    await page.keyboard.press("Enter");
    await eventually(
      () => gridCells(page),
      (g) => expect(g.cells[note.cell!].selected).toBe(true),
    );
    expect(await seriousViolations(page)).toEqual([]);
    await screenshot(page, "05b-notes-open", true);
    await page.keyboard.press("Shift+Tab");
    await tabTo(page, (el) => el.tag === "button" && el.name.startsWith("提示 "), 80, "Shift+Tab");
    await page.keyboard.press("Enter");
    expect(await toggle.getAttribute("aria-expanded")).toBe("false");
  });

  it("with 编辑后自动重新计算 on, fixing the cell in the grid (keyboard only) rescores the unit and the ranking", async () => {
    const page = s.page;
    const { finding } = firstMissing(scored.report!);
    // Switch auto-recalculation on with the keyboard.
    await pane(page).getByRole("button", { name: "计算得分" }).focus();
    await tabTo(page, (el) => el.name === "编辑后自动重新计算");
    await page.keyboard.press("Space");
    expect(await pane(page).getByRole("switch", { name: "编辑后自动重新计算" }).isChecked()).toBe(true);

    const fixed = await edited(SAMPLE, ASSESSMENT, { [finding.cell!]: 3 });
    const after = await cliScore(fixed);
    const before = scored.report!.units.find((u) => u.findings.includes(finding))!;
    const now = after.report!.units.find((u) => u.row === before.row)!;
    expect(now.total).not.toBe(before.total); // the fix is worth something

    // With the keyboard alone: open the finding from the pane, Shift+Tab back to its cell in the sheet, type, Enter.
    await tabTo(page, (el) => el.tag === "button" && el.name.startsWith(`${finding.cell} `));
    await page.keyboard.press("Enter");
    await tabTo(page, (el) => el.role === "gridcell", 80, "Shift+Tab");
    expect(await page.evaluate(() => (document.activeElement as HTMLElement).dataset.cell)).toBe(finding.cell);
    await page.keyboard.type("3");
    await page.keyboard.press("Enter");
    await expectLikeCli(after);
    const { cells } = await gridCells(page);
    expect(cells[finding.cell!]).toMatchObject({ value: "3", fill: undefined });
    await screenshot(page, "06-after-fix");
    scored = after;
    fixedFile = fixed;
  });

  it("a rulebook setting changed in the pane (keyboard only) rescores with it, as the command line does with that option", async () => {
    const page = s.page;
    const capped = await cliScore(fixedFile, ["--bonus-cap", "1"]);
    const changed = capped.report!.units.filter(
      (u) => u.total !== scored.report!.units.find((x) => x.row === u.row)!.total,
    );
    expect(changed.length).toBeGreaterThan(0); // some unit's bonus is above 1

    // With the keyboard alone: to the field, type, Enter (the setting applies at once).
    await tabTo(page, (el) => el.tag === "input" && el.name === "创新加分上限（分）", 120);
    await page.keyboard.press("Control+A");
    await page.keyboard.type("1");
    await page.keyboard.press("Enter");
    await pane(page).getByText("设置已保存在工作簿中").waitFor();
    await expectLikeCli(capped);
    expect(await seriousViolations(page)).toEqual([]);
    await screenshot(page, "07-setting-changed");
    await screenshot(page, "08-pane-settings", true);
    scored = capped;
  });

  it("自评对比 lists the units whose 自评总分 is off by the threshold or more, largest first, as the command line does", async () => {
    const page = s.page;
    // The command line's list: "  县医保局（第 N 行）：自评总分 98 与总分 … 相差 … 分", largest first.
    const cliUnits = [...scored.stderr.matchAll(/^ {2}(\S+?)（第 \d+ 行）：自评总分/gm)].map((m) => m[1]);
    expect(cliUnits.length).toBeGreaterThan(0);
    const section = pane(page).getByRole("region", { name: "自评对比" });
    const count = Number(/自评差距 5 分及以上（(\d+) 个单位）/.exec(scored.stderr)![1]);
    await section.getByRole("button", { name: `${count} 个单位的自评总分与总分相差 5 分及以上` }).click();
    const lines = await section.getByRole("listitem").allTextContents();
    // The terminal lists at most 20 and counts the rest; the pane lists them all (up to 50).
    expect(lines).toHaveLength(count);
    expect(lines.map((l) => l.split("：")[0]).slice(0, cliUnits.length)).toEqual(cliUnits);
    await screenshot(page, "16-self-gaps", true);
  });

  it("with auto-recalculation off, an edit marks the results stale until 计算得分, which clears the cue", async () => {
    const page = s.page;
    await pane(page).getByRole("switch", { name: "编辑后自动重新计算" }).click();
    expect(await pane(page).getByRole("switch", { name: "编辑后自动重新计算" }).isChecked()).toBe(false);
    const { finding } = firstMissing(scored.report!);
    // "1" is a count, a yes-word and evidence at once: whatever the field, the cell is no longer missing.
    const next = await edited(fixedFile, ASSESSMENT, { [finding.cell!]: 1 });
    const after = await cliScore(next, SETTINGS);
    await typeInto(finding.cell!, "1");
    await pane(page).getByText("结果已过期").waitFor();
    await screenshot(page, "17-stale", true);
    await pane(page).getByRole("button", { name: "计算得分" }).click();
    await expectLikeCli(after);
    expect(await pane(page).getByText("结果已过期").count()).toBe(0);
    scored = after;
    fixedFile = next;
  });

  it("a score typed over by hand is kept and listed; 恢复计算结果 puts the command line's value back", async () => {
    const page = s.page;
    const unit = scored.report!.units.find((u) => u.unit === "县发改局")!;
    const six = scoreCell(scored, unit.row, "六、信用报告（5分）");
    const computed = gridValues((await gridCells(page)).cells, [six])[six];
    await typeInto(six, "5");
    await pane(page).getByRole("button", { name: "计算得分" }).click();
    const edits = pane(page).getByRole("list", { name: "手工改动的得分" });
    await eventually(
      () => edits.textContent(),
      (t) => expect(t).toContain(`县发改局 · ${six} 六、信用报告（5分）：手工改为 5，计算结果为 ${computed}`),
    );
    const kept = (await gridCells(page)).cells[six];
    expect(kept).toMatchObject({ value: "5", fill: `#${HIGHLIGHT_COLORS.edited.slice(2)}` });
    await screenshot(page, "18-hand-edit", true);
    await edits.getByRole("button", { name: "恢复计算结果" }).click();
    await expectLikeCli(scored);
    expect(await pane(page).getByRole("list", { name: "手工改动的得分" }).count()).toBe(0);
  });

  it("登记核定调整 from a selected score: the row goes to 核定调整 and the scores are those of the command line", async () => {
    const page = s.page;
    const unit = scored.report!.units.find((u) => u.unit === "县发改局")!;
    const three = scoreCell(scored, unit.row, "三、信用信息归集和报送（37分）");
    await page.locator(`td[data-cell="${three}"]`).click();
    const detail = pane(page).getByRole("region", { name: "所选单元格" });
    await detail.getByRole("button", { name: "登记核定调整…" }).click();
    const form = pane(page).getByRole("region", { name: "登记核定调整" });
    await form.getByRole("combobox", { name: "项目" }).selectOption("3.2");
    await form.getByRole("spinbutton", { name: "核定分" }).fill("20");
    await form.getByRole("textbox", { name: "理由" }).fill("补报数据经核实");
    await screenshot(page, "19-adjustment-form", true);
    await form.getByRole("button", { name: "登记" }).click();
    const judged = await withAdjustment(fixedFile, ["县发改局", "3.2", 20, "补报数据经核实"]);
    const after = await cliScore(judged, SETTINGS);
    expect(after.report!.units.find((u) => u.unit === "县发改局")!.adjustments).toHaveLength(1);
    await expectLikeCli(after);
    await showSheet(page, "核定调整");
    const rows = (await gridCells(page)).cells;
    expect(gridValues(rows, ["B1", "C1", "D1", "B2", "D2", "E2"])).toEqual({
      B1: "单位名称",
      C1: "项目",
      D1: "核定分",
      B2: "县发改局",
      D2: "20",
      E2: "补报数据经核实",
    });
    await showSheet(page, ASSESSMENT);
    expect(await seriousViolations(page)).toEqual([]);
    await screenshot(page, "20-adjusted", true);
    scored = after;
  });

  it("at 320 px, the narrowest task pane, nothing in the pane is cut off", async () => {
    const page = s.page;
    await page.locator("aside").evaluate((el) => (el.style.width = "320px"));
    expect(await cutOff(page)).toEqual([]);
    await screenshot(page, "09-pane-320px", true);
    await page.locator("aside").evaluate((el) => (el.style.width = ""));
    expect(await cutOff(page)).toEqual([]);
  });

  it("nothing was asked of any server but the local one, and office.js was never loaded", () => {
    expect(s.requests.length).toBeGreaterThan(0);
    expect(s.requests.some((u) => /office\.js$/i.test(new URL(u).pathname))).toBe(false);
    expect(s.requests.some((u) => u.endsWith("/office-shim.js"))).toBe(true);
  });
});
