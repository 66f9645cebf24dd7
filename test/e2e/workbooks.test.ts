// The preview with other workbooks and in English, in a real browser: 生成考核模板 on an empty workbook (keyboard
// only), a workbook without an assessment sheet dropped on the page (a clear message, as the command line gives),
// a workbook picked with the file chooser, the English pane, and the pages' Content-Security-Policy.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import ExcelJS from "exceljs";
import { HIGHLIGHT_COLORS } from "../../src/core";
import { noteText } from "../hosts/xlsx/util";
import {
  SAMPLE,
  SCREENSHOTS,
  type Session,
  cliScore,
  cliTemplate,
  cutOff,
  eventually,
  gridCells,
  openPreview,
  openSession,
  pane,
  paneFrame,
  paneReady,
  screenshot,
  seriousViolations,
  sheetValues,
  showSheet,
  tabTo,
} from "./harness";

jest.setTimeout(180_000);

let s: Session;
let dir: string;

beforeAll(async () => {
  s = await openSession();
  dir = fs.mkdtempSync(path.join(os.tmpdir(), "xinyong-e2e-books-"));
}, 300_000);

afterAll(async () => {
  await s?.close();
  if (dir) fs.rmSync(dir, { recursive: true, force: true });
  console.log(`Screenshots of the task pane's states: ${SCREENSHOTS}`);
});

afterEach(() => {
  expect(s.offsite).toEqual([]);
  expect(s.errors).toEqual([]);
});

/** A workbook with an address list and no assessment sheet. */
async function notAnAssessment(): Promise<string> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet("通讯录");
  ws.addRow(["姓名", "电话"]);
  ws.addRow(["张三", 13800000000]);
  const file = path.join(dir, "通讯录.xlsx");
  await wb.xlsx.writeFile(file);
  return file;
}

/** Drops a file on the page as a user drags it from the desktop. */
async function drop(file: string): Promise<void> {
  const page = s.page;
  const bytes = fs.readFileSync(file).toString("base64");
  const transfer = await page.evaluateHandle(
    ({ name, bytes }) => {
      const data = Uint8Array.from(atob(bytes), (c) => c.charCodeAt(0));
      const dt = new DataTransfer();
      dt.items.add(
        new File([data], name, { type: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet" }),
      );
      return dt;
    },
    { name: path.basename(file), bytes },
  );
  await page.dispatchEvent("main", "dragover", { dataTransfer: transfer });
  await page.dispatchEvent("main", "drop", { dataTransfer: transfer });
}

describe("other workbooks", () => {
  it("生成考核模板 on an empty workbook, with the keyboard alone, builds the command line's template", async () => {
    const page = s.page;
    await openPreview(s);
    await page.getByRole("button", { name: "空白工作簿" }).click();
    await eventually(
      () => gridCells(page),
      (g) => expect(g.sheet).toBe("Sheet1"),
    );
    await paneReady(page);
    await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
    await tabTo(page, (el) => el.tag === "button" && el.name === "生成考核模板");
    await page.keyboard.press("Enter");
    await pane(page).getByText("已生成“考核表”，请填写后点击“计算得分”。").waitFor();
    const template = await cliTemplate();
    for (const ws of template.worksheets) {
      await showSheet(page, ws.name);
      const shown = (await gridCells(page)).cells;
      const values = Object.fromEntries(
        Object.entries(shown)
          .filter(([, c]) => c.value !== undefined)
          .map(([a1, c]) => [a1, c.value]),
      );
      expect(values).toEqual(sheetValues(ws));
    }
    expect(await seriousViolations(page)).toEqual([]);
    await showSheet(page, "考核表");
    // Filling it in: double-click a cell, type, Enter, as in Excel; the selection moves down.
    await page.locator('td[data-cell="C4"]').dblclick();
    await page.keyboard.type("陈磊");
    await page.keyboard.press("Enter");
    await eventually(
      () => gridCells(page),
      (g) => {
        expect(g.cells.C4.value).toBe("陈磊");
        expect(g.cells.C5.selected).toBe(true);
      },
    );
    await screenshot(page, "10-template");
  });

  it("a workbook without an assessment sheet, dropped on the page: the pane says why, as the command line does", async () => {
    const page = s.page;
    const file = await notAnAssessment();
    const cli = await cliScore(file);
    expect(cli.code).toBe(2);
    await drop(file);
    await eventually(
      () => page.getByTestId("workbook-name").textContent(),
      (t) => expect(t).toContain("通讯录.xlsx"),
    );
    await paneReady(page);
    await pane(page).getByRole("button", { name: "计算得分" }).click();
    const alert = pane(page).getByRole("alert");
    await alert.waitFor();
    const text = (await alert.textContent()) ?? "";
    expect(text).toContain("无法计算");
    expect(text).toContain(
      cli.stderr
        .replace(/^错误：/, "")
        .trim()
        .split("\n")[0],
    );
    expect(text).toContain("生成考核模板");
    expect(await pane(page).getByRole("button", { name: "计算得分" }).isEnabled()).toBe(true);
    expect(await seriousViolations(page)).toEqual([]);
    expect(await cutOff(page)).toEqual([]);
    await screenshot(page, "11-not-an-assessment");
  });

  it("a file that is not a workbook is refused with a message, and the open workbook stays", async () => {
    const page = s.page;
    const file = path.join(dir, "名单.xlsx");
    fs.writeFileSync(file, "序号,单位名称\n1,县法院\n");
    await page.getByTestId("open-file").setInputFiles(file);
    await page.getByRole("alert").filter({ hasText: "名单.xlsx" }).waitFor();
    expect(await page.getByRole("alert").textContent()).toContain("不是 Excel 工作簿");
    expect(await page.getByTestId("workbook-name").textContent()).toContain("通讯录.xlsx");
  });

  it("a workbook the command line scored opens with its fills and notes", async () => {
    const page = s.page;
    const run = await cliScore(SAMPLE);
    const file = path.join(dir, "已评分.xlsx");
    await run.workbook!.xlsx.writeFile(file);
    const finding = run.report!.units.flatMap((u) => u.findings).find((f) => f.kind === "missing" && !f.sheet)!;
    const note = noteText(run.workbook!.getWorksheet("考核表")!.getCell(finding.cell!).note)!;
    expect(note).toContain(finding.message);
    await page.getByTestId("open-file").setInputFiles(file);
    await eventually(
      () => page.getByTestId("workbook-name").textContent(),
      (t) => expect(t).toContain("已评分.xlsx"),
    );
    await page.locator(`td[data-cell="${finding.cell}"]`).click();
    expect(await page.getByTestId("note").textContent()).toBe(`批注：${note}`);
    expect((await gridCells(page)).cells[finding.cell!].fill).toBe(`#${HIGHLIGHT_COLORS.missing.slice(2)}`);
    expect(await page.locator(`td[data-cell="${finding.cell}"]`).getAttribute("title")).toBe(`批注：${note}`);
    await screenshot(page, "12-scored-file-with-notes");
  });

  it("in English: the pane speaks English, scores a workbook picked with the file chooser, and fits its width", async () => {
    const page = s.page;
    const scored = await cliScore(SAMPLE);
    await page.getByRole("combobox", { name: "任务窗格语言" }).selectOption("en-US");
    await paneReady(page, /Scoring settings/);
    await page.getByTestId("open-file").setInputFiles(SAMPLE);
    await eventually(
      () => page.getByTestId("workbook-name").textContent(),
      (t) => expect(t).toContain("sample-2020.xlsx"),
    );
    await paneReady(page, /Scoring settings/);
    await pane(page).getByRole("button", { name: "Score" }).click();
    await pane(page).getByTestId("units-scored").waitFor();
    const top = await pane(page).getByRole("list", { name: "Top 3" }).getByRole("listitem").allTextContents();
    const best = [...scored.report!.units].sort((a, b) => (a.rank ?? 0) - (b.rank ?? 0)).slice(0, 3);
    expect(top).toEqual(best.map((u) => `#${u.rank} ${u.unit} · ${u.total.toFixed(2)} pts`));
    expect(await pane(page).getByRole("heading", { name: "Findings" }).count()).toBe(1);
    expect(await seriousViolations(page)).toEqual([]);
    expect(await cutOff(page)).toEqual([]);
    await screenshot(page, "13-english");
    await screenshot(page, "14-pane-english", true);
    await page.getByRole("combobox", { name: "Task pane language" }).selectOption("zh-CN");
    await paneReady(page);
  });

  it("while scoring: progress is shown and announced, 计算得分 waits, and nothing fails accessibility", async () => {
    const page = s.page; // the sample, with the pane back in Chinese
    // Hold the simulated Excel's next batch until the working state has been looked at.
    await page.evaluate(() => {
      const host = (window as unknown as { xinyongPreview: { excel: { run: (b: unknown) => Promise<unknown> } } })
        .xinyongPreview;
      const run = host.excel.run;
      host.excel.run = (batch) =>
        new Promise((resolve) => {
          (window as unknown as { release: () => void }).release = () => {
            host.excel.run = run;
            resolve(run(batch));
          };
        });
    });
    await pane(page).getByRole("button", { name: "计算得分" }).click();
    const status = pane(page).getByRole("status");
    await status.waitFor();
    expect(await status.textContent()).toContain("正在计算");
    expect(await pane(page).getByRole("button", { name: "计算得分" }).isDisabled()).toBe(true);
    expect(await seriousViolations(page)).toEqual([]);
    await screenshot(page, "15-working");
    await page.evaluate(() => (window as unknown as { release: () => void }).release());
    await pane(page).getByTestId("units-scored").waitFor();
    expect(await status.count()).toBe(0);
  });

  it("both pages carry a Content-Security-Policy that allows their own origin only", async () => {
    const page = s.page;
    const policies = [
      await page.evaluate(() =>
        document.querySelector('meta[http-equiv="Content-Security-Policy"]')?.getAttribute("content"),
      ),
      await paneFrame(page).evaluate(() =>
        document.querySelector('meta[http-equiv="Content-Security-Policy"]')?.getAttribute("content"),
      ),
    ];
    for (const p of policies) {
      expect(p).toContain("default-src 'self'");
      expect(p).toContain("script-src 'self';");
      expect(p).toContain("connect-src 'self'");
      expect(p).not.toMatch(/https?:|\*|'unsafe-(inline|eval)'/);
    }
  });
});
