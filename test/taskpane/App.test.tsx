/** @jest-environment jsdom */
// The pane's states on the real Office host over the fake Excel built from the shared sample.
import "@testing-library/jest-dom";
import { act, fireEvent, render, screen, waitFor, within } from "@testing-library/react";
import { App, Unsupported } from "../../src/taskpane/App";
import { pickLocale } from "../../src/taskpane/strings";
import { columnLetters } from "../../src/core";
import { loadWorkbook } from "../../src/hosts/xlsx/workbook";
import { FakeExcel, FakeOfficeError } from "../../src/preview/excel";
import { SAMPLE, documentFrom } from "../fakes/from-xlsx";
import { GatedWorkbook } from "./stub";
import { OfficeWorkbook } from "../../src/taskpane/office-workbook";
import { fakeEnv } from "../fakes/env";

async function sample(): Promise<GatedWorkbook> {
  return new GatedWorkbook(new FakeExcel(documentFrom(await loadWorkbook(SAMPLE))));
}

async function renderPane(wb: GatedWorkbook, locale: "zh-CN" | "en-US" = "zh-CN", debounceMs = 50) {
  const view = render(<App workbook={wb} locale={locale} debounceMs={debounceMs} />);
  await screen.findByText(locale === "zh-CN" ? "评分设置" : "Scoring settings");
  return view;
}

describe("task pane", () => {
  it("idle: one primary action and the template button", async () => {
    const wb = await sample();
    await renderPane(wb);
    expect(screen.getByRole("button", { name: "计算得分" })).toBeEnabled();
    expect(screen.getByRole("button", { name: "生成考核模板" })).toBeInTheDocument();
    expect(screen.queryByRole("status")).not.toBeInTheDocument();
  });

  it("working: progress shown and the action disabled until the run ends", async () => {
    const wb = await sample();
    await renderPane(wb);
    const release = wb.hold();
    fireEvent.click(screen.getByRole("button", { name: "计算得分" }));
    expect(await screen.findByRole("status")).toHaveTextContent("正在计算");
    expect(screen.getByRole("button", { name: "计算得分" })).toBeDisabled();
    await act(async () => release());
    await screen.findByTestId("units-scored");
    expect(screen.queryByRole("status")).not.toBeInTheDocument();
  });

  it("results: units scored, clean, with findings and the top 3", async () => {
    const wb = await sample();
    await renderPane(wb);
    fireEvent.click(screen.getByRole("button", { name: "计算得分" }));
    expect(await screen.findByTestId("units-scored")).toHaveTextContent("36");
    const report = (await wb.host.recalculate()).report;
    const flagged = report.units.filter((u) => u.findings.some((f) => f.kind !== "warning")).length;
    expect(screen.getByTestId("units-flagged")).toHaveTextContent(String(flagged));
    expect(screen.getByTestId("units-clean")).toHaveTextContent(String(36 - flagged));
    const top = within(screen.getByRole("list", { name: "前三名" })).getAllByRole("listitem");
    const best = [...report.units].sort((a, b) => (a.rank ?? 0) - (b.rank ?? 0)).slice(0, 3);
    expect(top.map((li) => li.textContent)).toEqual(
      best.map((u) => `第 ${u.rank} 名 ${u.unit} · ${u.total.toFixed(2)} 分`),
    );
    expect(screen.getByText("得分已写入“考核表”，排名见“考核排名”表。")).toBeInTheDocument();
    // how much of the ranking came from 不适用 leaves, under the policy named: on the sample under the default (full
    // marks), 32 units gain 472 points in all, the top unit 县法院 43 of its 88.5 (samples/sample-2020.expected.json)
    expect(screen.getByTestId("na-summary")).toHaveTextContent(
      "不适用项：记满分。32 个单位的总分中共有 472 分来自不适用细项，最多的是县法院（43 分）。",
    );
  });

  it("findings: grouped by unit; clicking one selects its cell in the sheet", async () => {
    const wb = await sample();
    await renderPane(wb);
    fireEvent.click(screen.getByRole("button", { name: "计算得分" }));
    await screen.findByTestId("units-scored");
    const report = (await wb.host.recalculate()).report;
    const unit = report.units.find((u) => u.findings.some((f) => f.kind === "missing" && !f.sheet))!;
    const finding = unit.findings.find((f) => f.kind === "missing" && !f.sheet)!;
    const group = screen.getByRole("group", { name: unit.unit });
    fireEvent.click(within(group).getByTitle(`定位到 ${finding.cell}`));
    await waitFor(() => expect(wb.calls.selectCell).toContain(`考核表!${finding.cell}`));
    await waitFor(() => expect(wb.excel.doc.selection).toEqual({ sheet: "考核表", address: finding.cell }));
    // a finding on the unit's ledger row is listed under the unit too, and goes to the ledger sheet
    const onLedger = report.units.flatMap((u) => u.findings.map((f) => [u, f] as const)).find(([, f]) => f.sheet)!;
    const ledgerGroup = screen.getByRole("group", { name: onLedger[0].unit });
    fireEvent.click(within(ledgerGroup).getByTitle(`定位到 ${onLedger[1].cell}`));
    await waitFor(() => expect(wb.calls.selectCell).toContain(`双公示台账!${onLedger[1].cell}`));
  });

  it("a flagged cell says what is at stake; a score on 考核排名 explains itself; 自评对比 lists the largest gaps", async () => {
    const wb = await sample();
    await renderPane(wb);
    fireEvent.click(screen.getByRole("button", { name: "计算得分" }));
    await screen.findByTestId("units-scored");
    // 县公安局 left 参与修复企业数 blank (AB6): 八 scores 0 of 5 (samples/sample-2020.expected.json)
    await act(async () => wb.excel.select("考核表", "AB6"));
    await waitFor(() => expect(screen.getByTestId("cell-detail")).toHaveTextContent("影响得分：八 当前得 0/5 分"));
    // 考核排名 row 3 is the first unit: 县法院, 88.5 with 1 point of bonus
    await act(async () => wb.excel.select("考核排名", "C3"));
    await waitFor(() => expect(screen.getByTestId("cell-detail")).toHaveTextContent("县法院 · 总分"));
    expect(screen.getByTestId("cell-detail")).toHaveTextContent("+ 加分 1 = 88.5 分");
    await act(async () => wb.excel.select("考核排名", "A3"));
    await waitFor(() => expect(screen.getByTestId("cell-detail")).toHaveTextContent("共 36 个单位，第 1 名"));
    // 自评对比: 县医保局 self-assessed 98 against 48.78, the largest gap, first (the list opens on demand)
    fireEvent.click(screen.getByRole("button", { name: /个单位的自评总分与总分相差 5 分及以上/ }));
    const gaps = within(screen.getByRole("list", { name: "自评对比" })).getAllByRole("listitem");
    expect(gaps[0]).toHaveTextContent("县医保局：自评 98 分，总分 48.78 分，相差 49.22 分");
    const sizes = gaps.map((li) => Number(/相差 ([\d.]+) 分/.exec(li.textContent ?? "")?.[1]));
    expect(sizes).toEqual([...sizes].sort((x, y) => y - x));
    expect(sizes.every((x) => x >= 5)).toBe(true);
    // a changed setting rebuilds 考核排名: its cells still explain themselves, and no error is shown
    const before = wb.calls.recalculate;
    fireEvent.change(screen.getByRole("combobox", { name: "不适用项（应报数量为 0 的细项）" }), {
      target: { value: "zero" },
    });
    await waitFor(() => expect(wb.calls.recalculate).toBeGreaterThan(before));
    await screen.findByText(/不适用项：记 0 分/);
    await act(async () => wb.excel.select("考核排名", "C3"));
    await waitFor(() => expect(screen.getByTestId("cell-detail")).toHaveTextContent("总分 = 十项得分之和"));
    expect(screen.queryByRole("alert")).toBeNull();
  });

  it("登记核定调整 from a selected score cell: the leaf picked, the row appended to a new 核定调整 sheet, rescored", async () => {
    const wb = await sample();
    await renderPane(wb);
    fireEvent.click(screen.getByRole("button", { name: "计算得分" }));
    await screen.findByTestId("units-scored");
    const first = await wb.host.recalculate();
    const [key] = Object.entries(first.cells).find(
      ([, v]) => v.kind === "score" && v.unit === "县发改局" && v.column.startsWith("三、"),
    )!;
    const runs = wb.calls.recalculate;
    await act(async () => wb.excel.select("考核表", key.split("!")[1]));
    fireEvent.click(await screen.findByRole("button", { name: "登记核定调整…" }));
    const form = screen.getByRole("region", { name: "登记核定调整" });
    // 三 has five leaves: the office picks one; 三.2 is 6.6 of 25 on the sample
    fireEvent.change(within(form).getByRole("combobox", { name: "项目" }), { target: { value: "3.2" } });
    expect(within(form).getByRole("combobox", { name: "项目" })).toHaveDisplayValue("三.2（当前 6.6 分，满分 25 分）");
    // a score above the leaf's max, and no reason: said on their fields, nothing written
    fireEvent.change(within(form).getByRole("spinbutton", { name: "核定分" }), { target: { value: "30" } });
    fireEvent.click(within(form).getByRole("button", { name: "登记" }));
    expect(await within(form).findByText("核定分不能超过该项满分 25 分。")).toBeInTheDocument();
    expect(within(form).getByText("请写明理由。")).toBeInTheDocument();
    expect(wb.excel.doc.sheet("核定调整")).toBeUndefined();
    fireEvent.change(within(form).getByRole("spinbutton", { name: "核定分" }), { target: { value: "20" } });
    fireEvent.change(within(form).getByRole("textbox", { name: "理由" }), { target: { value: "补报数据经核实" } });
    fireEvent.change(within(form).getByRole("textbox", { name: "核定人（可不填）" }), { target: { value: "李明" } });
    fireEvent.click(within(form).getByRole("button", { name: "登记" }));
    await waitFor(() => expect(wb.calls.recalculate).toBeGreaterThan(runs));
    await screen.findByRole("button", { name: "再登记一项核定调整…" });
    // the sheet made with the template's header, the entry on row 2
    expect(["A1", "B1", "C1", "D1", "E1", "F1", "G1"].map((a) => wb.excel.value("核定调整", a))).toEqual([
      "序号",
      "单位名称",
      "项目",
      "核定分",
      "理由",
      "核定人",
      "日期",
    ]);
    expect(["B2", "C2", "D2", "E2", "F2"].map((a) => wb.excel.value("核定调整", a))).toEqual([
      "县发改局",
      "三.2",
      20,
      "补报数据经核实",
      "李明",
    ]);
    const after = await wb.host.recalculate();
    const fgw = after.report.units.find((u) => u.unit === "县发改局")!;
    expect(fgw.leaves["3.2"]).toBe(20);
    expect(fgw.adjustments?.[0]).toEqual(
      expect.objectContaining({ item: "3.2", computed: 6.6, adjusted: 20, by: "李明" }),
    );
  });

  it("a score typed over by hand is kept, highlighted and listed; 恢复计算结果 and 登记为核定调整 settle it", async () => {
    const wb = await sample();
    await renderPane(wb);
    fireEvent.click(screen.getByRole("button", { name: "计算得分" }));
    await screen.findByTestId("units-scored");
    const first = await wb.host.recalculate();
    const cellOf = (prefix: string) =>
      Object.entries(first.cells)
        .find(([, v]) => v.kind === "score" && v.unit === "县发改局" && v.column.startsWith(prefix))![0]
        .split("!")[1];
    const six = cellOf("六、"); // 县发改局's 六 is 0.5 on the sample
    const total = cellOf("总分");
    await act(async () => {
      await wb.excel.edit("考核表", six, 5);
      await wb.excel.edit("考核表", total, 99);
    });
    fireEvent.click(screen.getByRole("button", { name: "计算得分" }));
    const list = await screen.findByRole("list", { name: "手工改动的得分" });
    expect(within(list).getAllByRole("listitem")).toHaveLength(1);
    expect(list).toHaveTextContent(`县发改局 · ${six} 六、信用报告（5分）：手工改为 5，计算结果为 0.5`);
    // kept as typed and highlighted blue; 总分 written over with a warning
    expect(wb.excel.value("考核表", six)).toBe(5);
    expect(wb.excel.cellModel("考核表", six)?.fill?.color).toBe("#DDEBF7");
    const second = await wb.host.recalculate();
    expect(wb.excel.value("考核表", total)).toBe(second.report.units.find((u) => u.unit === "县发改局")!.total);
    // the unit's 核查意见 says so (as a ribbon run, which has no pane, leaves it)
    const review = columnLetters(first.scoreColumns.at(-1)!);
    expect(String(wb.excel.value("考核表", `${review}4`))).toContain("手工改动 1 处未重写");
    // the pane's run said so among its notes
    fireEvent.click(screen.getByRole("button", { name: /^提示 \d+ 条$/ }));
    expect(screen.getByText(new RegExp(`^${total} 总分 手工改为 99，已按计算结果`))).toBeInTheDocument();
    expect(second.report.units.find((u) => u.unit === "县发改局")!.leaves["6"]).toBe(0.5);

    // 恢复计算结果: the tool's value back, the highlight gone, nothing listed
    fireEvent.click(within(list).getByRole("button", { name: "恢复计算结果" }));
    await waitFor(() => expect(screen.queryByRole("list", { name: "手工改动的得分" })).toBeNull());
    expect(wb.excel.value("考核表", six)).toBe(0.5);
    expect(wb.excel.cellModel("考核表", six)?.fill?.color ?? null).not.toBe("#DDEBF7");

    // typed over again, then 登记为核定调整: the typed number offered as 核定分, a reason asked
    await act(async () => wb.excel.edit("考核表", six, 4));
    fireEvent.click(screen.getByRole("button", { name: "计算得分" }));
    const again = await screen.findByRole("list", { name: "手工改动的得分" });
    fireEvent.click(within(again).getByRole("button", { name: "登记为核定调整" }));
    const form = within(again).getByRole("region", { name: "登记核定调整" });
    expect(within(form).getByRole("spinbutton", { name: "核定分" })).toHaveValue(4);
    fireEvent.change(within(form).getByRole("textbox", { name: "理由" }), {
      target: { value: "使用信用报告 8 份，已核实" },
    });
    fireEvent.click(within(form).getByRole("button", { name: "登记" }));
    await waitFor(() => expect(screen.queryByRole("list", { name: "手工改动的得分" })).toBeNull());
    expect(["B2", "C2", "D2"].map((a) => wb.excel.value("核定调整", a))).toEqual(["县发改局", "六", 4]);
    const third = await wb.host.recalculate();
    expect(third.report.units.find((u) => u.unit === "县发改局")!.leaves["6"]).toBe(4);
    expect(wb.excel.value("考核表", six)).toBe(4);
  });

  it("a 核定调整 row that names a unit but was not applied shows under that unit", async () => {
    const book = await loadWorkbook(SAMPLE);
    const ws = book.addWorksheet("核定调整");
    ws.addRow(["序号", "单位名称", "项目", "核定分", "理由"]);
    ws.addRow([1, "县发改局", "三", 30, "整项核定"]);
    const wb = new GatedWorkbook(new FakeExcel(documentFrom(book)));
    await renderPane(wb);
    fireEvent.click(screen.getByRole("button", { name: "计算得分" }));
    await screen.findByTestId("units-scored");
    const group = await screen.findByRole("group", { name: "县发改局" });
    expect(within(group).getByTitle("定位到 C2")).toHaveTextContent("核定调整 C2");
    expect(screen.queryByRole("group", { name: "工作簿" })).toBeNull();
  });

  it("selecting a score cell shows the engine's explanation; an evidence cell shows its finding", async () => {
    const wb = await sample();
    await renderPane(wb);
    fireEvent.click(screen.getByRole("button", { name: "计算得分" }));
    await screen.findByTestId("units-scored");
    const outcome = await wb.host.recalculate();
    const [key, info] = Object.entries(outcome.cells).find(([, v]) => v.kind === "score")!;
    const address = key.split("!")[1];
    await act(async () => wb.excel.select("考核表", address));
    await waitFor(() =>
      expect(screen.getByTestId("cell-detail")).toHaveTextContent(info.kind === "score" ? info.unit : ""),
    );
    expect(screen.getByTestId("cell-detail").textContent).toContain(
      info.kind === "score" ? info.text.split("\n")[0] : "",
    );
    const f = outcome.report.units.flatMap((u) => u.findings).find((x) => x.kind !== "warning" && !x.sheet)!;
    await act(async () => wb.excel.select("考核表", f.cell!));
    await waitFor(() => expect(screen.getByTestId("cell-detail")).toHaveTextContent(f.message));
  });

  it("error: an Office error is shown with its code and what to do, never swallowed", async () => {
    const wb = await sample();
    await renderPane(wb);
    wb.failNext = new FakeOfficeError("AccessDenied", "The operation is not allowed: the sheet is protected.");
    fireEvent.click(screen.getByRole("button", { name: "计算得分" }));
    const alert = await screen.findByRole("alert");
    expect(alert).toHaveTextContent("Excel 报告错误（AccessDenied）");
    expect(alert).toHaveTextContent("the sheet is protected");
    expect(alert).toHaveTextContent("撤消保护");
    expect(screen.getByRole("button", { name: "计算得分" })).toBeEnabled();
  });

  it("error: a workbook that is not an assessment workbook says why and offers the template", async () => {
    const excel = new FakeExcel();
    excel.doc.add("Sheet1");
    const wb = new GatedWorkbook(excel);
    await renderPane(wb);
    fireEvent.click(screen.getByRole("button", { name: "计算得分" }));
    expect(await screen.findByRole("alert")).toHaveTextContent("这不是考核工作簿");
    fireEvent.click(screen.getByRole("button", { name: "生成考核模板" }));
    expect(await screen.findByText(/已生成“考核表”/)).toBeInTheDocument();
    fireEvent.click(screen.getByRole("button", { name: "计算得分" }));
    expect(await screen.findByTestId("units-scored")).toHaveTextContent("36");
  });

  it("the ribbon's 重新计算 (a runtime of its own) brings the open pane up to date, where Excel says who wrote", async () => {
    const wb = await sample();
    wb.excel.apiVersion = "1.14";
    await renderPane(wb);
    fireEvent.click(screen.getByRole("button", { name: "计算得分" }));
    await screen.findByTestId("units-scored");
    await act(async () => {
      await wb.excel.settle();
      await new Promise((r) => setTimeout(r, 150));
    });
    expect(wb.calls.recalculate).toBe(1); // its own writes (ThisLocalAddin) start nothing
    // the office types into a cell flagged as missing (auto-recalculation off), then presses 重新计算 on the ribbon
    const first = (await wb.host.recalculate()).report;
    const fix = first.units.flatMap((u) => u.findings).find((f) => f.kind === "missing" && !f.sheet && f.cell)!;
    await wb.excel.edit("考核表", fix.cell!, "已提供");
    const ribbon = wb.excel.otherRuntime();
    const after = await new OfficeWorkbook(fakeEnv(ribbon)).recalculate();
    await act(async () => {
      await ribbon.settle();
      await new Promise((r) => setTimeout(r, 200));
    });
    await waitFor(() => expect(wb.calls.recalculate).toBe(2));
    const flagged = after.report.units.filter((u) => u.findings.some((f) => f.kind !== "warning")).length;
    await waitFor(() => expect(screen.getByTestId("units-flagged")).toHaveTextContent(String(flagged)));
    // and it lists what the ribbon's run found in that cell now, not what its own run found there
    const now = after.report.units.flatMap((u) => u.findings).find((f) => f.cell === fix.cell)!;
    expect(now.message).not.toBe(fix.message);
    expect(now.message).toMatch(/“已提供”/);
    expect(screen.getByTitle(`定位到 ${fix.cell}`)).toHaveTextContent(/“已提供”/);
  });

  it("before ExcelApi 1.14 the pane cannot tell the ribbon's writes from its own, and keeps its results", async () => {
    const wb = await sample();
    await renderPane(wb);
    fireEvent.click(screen.getByRole("button", { name: "计算得分" }));
    await screen.findByTestId("units-scored");
    const ribbon = wb.excel.otherRuntime();
    await new OfficeWorkbook(fakeEnv(ribbon)).recalculate({ naPolicy: "zero" });
    await act(async () => {
      await ribbon.settle();
      await new Promise((r) => setTimeout(r, 200));
    });
    expect(wb.calls.recalculate).toBe(1);
  });

  it("with auto recalculation off, an edit marks the results out of date until the next run", async () => {
    const wb = await sample();
    await renderPane(wb);
    fireEvent.click(screen.getByRole("button", { name: "计算得分" }));
    await screen.findByTestId("units-scored");
    await act(async () => {
      await wb.excel.settle();
      await new Promise((r) => setTimeout(r, 150));
    });
    // the add-in's own writes do not count as edits
    expect(screen.queryByTestId("stale")).toBeNull();
    await act(async () => wb.excel.edit("考核表", "V4", 3));
    expect(await screen.findByTestId("stale")).toHaveTextContent("结果已过期");
    expect(wb.calls.recalculate).toBe(1); // nothing rescored by itself
    fireEvent.click(screen.getByRole("button", { name: "计算得分" }));
    await waitFor(() => expect(wb.calls.recalculate).toBe(2));
    await act(async () => {
      await wb.excel.settle();
      await new Promise((r) => setTimeout(r, 150));
    });
    expect(screen.queryByTestId("stale")).toBeNull();
  });

  it("auto recalculation: an edit re-scores after the debounce; the add-in's own writes do not", async () => {
    const wb = await sample();
    await renderPane(wb);
    fireEvent.click(screen.getByRole("switch", { name: "编辑后自动重新计算" }));
    fireEvent.click(screen.getByRole("button", { name: "计算得分" }));
    await screen.findByTestId("units-scored");
    await act(async () => {
      await wb.excel.settle();
      await new Promise((r) => setTimeout(r, 150));
    });
    expect(wb.calls.recalculate).toBe(1);
    // kept in the workbook's memory, not in the runtime's copy of document settings
    expect(wb.excel.settings.get("xinyong.autoRecalc")).toBeUndefined();
    expect(await new OfficeWorkbook(fakeEnv(wb.excel)).autoRecalc()).toBe(true);
    await act(async () => {
      await wb.excel.edit("考核表", "V4", 3);
      await wb.excel.edit("考核表", "V4", 4);
    });
    await waitFor(() => expect(wb.calls.recalculate).toBeGreaterThanOrEqual(2));
    // The edit's run writes new scores and fills; the fills may raise onChanged (the fake says they do, as Excel may),
    // so at most one follow-up run, which finds nothing different and writes nothing: then it stays quiet.
    await act(async () => {
      await wb.excel.settle();
      await new Promise((r) => setTimeout(r, 150));
      await wb.excel.settle();
      await new Promise((r) => setTimeout(r, 150));
    });
    const settled = wb.calls.recalculate;
    expect(settled).toBeLessThanOrEqual(3);
    await act(async () => {
      await wb.excel.settle();
      await new Promise((r) => setTimeout(r, 300));
    });
    expect(wb.calls.recalculate).toBe(settled);
  });

  it("settings: each applies when changed and is saved in the workbook; a bad number is said on its field", async () => {
    const wb = await sample();
    await renderPane(wb);
    fireEvent.change(screen.getByRole("combobox", { name: "不适用项（应报数量为 0 的细项）" }), {
      target: { value: "zero" },
    });
    expect(await screen.findByText(/设置已保存在工作簿中/)).toBeInTheDocument();
    await waitFor(async () => expect(await wb.host.loadSettings()).toMatchObject({ naPolicy: "zero" }));
    const cap = screen.getByRole("spinbutton", { name: "创新加分上限（分）" });
    fireEvent.change(cap, { target: { value: "6" } });
    fireEvent.blur(cap);
    await waitFor(async () => expect(await wb.host.loadSettings()).toMatchObject({ naPolicy: "zero", bonusCap: 6 }));
    // the 自评差距 threshold is a setting too
    const gap = screen.getByRole("spinbutton", { name: "自评差距提示（分）" });
    fireEvent.change(gap, { target: { value: "10" } });
    fireEvent.keyDown(gap, { key: "Enter" });
    await waitFor(async () => expect(await wb.host.loadSettings()).toMatchObject({ selfGap: 10 }));
    // a value the setting cannot take: the message on the field, nothing saved, no error at the top
    fireEvent.change(cap, { target: { value: "-1" } });
    fireEvent.blur(cap);
    expect(await screen.findByText(/请填写不小于 0 的数/)).toBeInTheDocument();
    expect(await wb.host.loadSettings()).toMatchObject({ bonusCap: 6 });
    // the only alert is the field's own (Fluent's validation message), not an error at the top of the pane
    expect(screen.getAllByRole("alert").map((a) => a.textContent)).toEqual([
      "请填写不小于 0 的数，如 5 或 2.5；未保存。",
    ]);
    expect(screen.queryByText("出错了")).toBeNull();
  });

  it("speaks English when Office does", async () => {
    expect(pickLocale("en-US")).toBe("en-US");
    expect(pickLocale("en-GB")).toBe("en-US");
    expect(pickLocale("zh-CN")).toBe("zh-CN");
    const wb = await sample();
    await renderPane(wb, "en-US");
    expect(screen.getByRole("button", { name: "Score" })).toBeInTheDocument();
  });

  it("unsupported host: a clear message instead of the pane", () => {
    render(<Unsupported locale="zh-CN" />);
    expect(screen.getByRole("alert")).toHaveTextContent("需要较新的 Excel：Excel 2021 或更高版本");
    expect(screen.queryByRole("button")).not.toBeInTheDocument();
  });
});
