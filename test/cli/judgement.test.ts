// The office's judgement on the command line (issue: 核定调整, hand edits, --self-gap, the scale policy), end to end
// on the bundled sample: workbook.md "What is written back" 5, "The JSON report", rules-2020.md "The office's judgement".
import { promises as fs } from "node:fs";
import os from "node:os";
import path from "node:path";
import ExcelJS from "exceljs";
import { type Io, main } from "../../src/cli/main";
import { SAMPLE } from "../hosts/xlsx/util";

function capture(): Io & { stdout: () => string; stderr: () => string } {
  let out = "";
  let err = "";
  return { out: (t) => void (out += t), err: (t) => void (err += t), stdout: () => out, stderr: () => err };
}

interface Unit {
  unit: string;
  row: number;
  total: number;
  leaves: Record<string, number>;
  notApplicable: string[];
  adjustments?: { item: string; computed: number; adjusted: number }[];
  scaled?: { sum: number; applicableMax: number };
  explanations: Record<string, string>;
  findings: { kind: string; message: string }[];
}
interface Report {
  settings: { naPolicy: string; selfGap: number };
  units: Unit[];
  findings: { kind: string; cell?: string; message: string }[];
}

let dir: string;
beforeEach(async () => {
  dir = await fs.mkdtemp(path.join(os.tmpdir(), "xinyong-judgement-"));
});
afterEach(async () => {
  await fs.rm(dir, { recursive: true, force: true });
});

async function scoreTo(input: string, out: string, more: string[] = []): Promise<{ report: Report; stderr: string }> {
  const io = capture();
  const json = path.join(dir, `${path.basename(out)}.json`);
  expect(await main(["score", input, "--out", out, "--json", json, ...more], io)).toBe(0);
  return { report: JSON.parse(await fs.readFile(json, "utf8")) as Report, stderr: io.stderr() };
}

async function edit(file: string, out: string, change: (wb: ExcelJS.Workbook) => void): Promise<void> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(file);
  change(wb);
  await wb.xlsx.writeFile(out);
}

function columnOf(ws: ExcelJS.Worksheet, header: string, row = 3): number {
  let found = 0;
  ws.getRow(row).eachCell((c, col) => {
    if (c.value === header) found = col;
  });
  if (!found) throw new Error(`no column ${header}`);
  return found;
}

describe("hand edits on the command line", () => {
  it("a 总分 typed over is named with the typed and computed value, then written over", async () => {
    const first = path.join(dir, "一.xlsx");
    const { report } = await scoreTo(SAMPLE, first);
    const fgw = report.units.find((u) => u.unit === "县发改局")!;
    const edited = path.join(dir, "改.xlsx");
    let cell = "";
    await edit(first, edited, (wb) => {
      const ws = wb.getWorksheet("考核表")!;
      const c = ws.getCell(fgw.row, columnOf(ws, "总分"));
      c.value = 95;
      cell = c.address;
    });
    const second = path.join(dir, "二.xlsx");
    const { report: again, stderr } = await scoreTo(edited, second);
    const message = `总分 手工改为 95，已按计算结果 ${fgw.total} 重写；如需调整得分，请在“核定调整”表登记`;
    expect(stderr).toContain(`${cell} ${message}`);
    expect(again.findings).toContainEqual(expect.objectContaining({ kind: "warning", cell, message }));
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(second);
    expect(wb.getWorksheet("考核表")!.getCell(cell).value).toBe(fgw.total);
    // a third run finds nothing typed over
    const { stderr: quiet } = await scoreTo(second, path.join(dir, "三.xlsx"));
    expect(quiet).not.toContain("手工改为");
  });

  it("sorting the sheet is not an edit: the record is by unit, not by cell", async () => {
    const first = path.join(dir, "一.xlsx");
    await scoreTo(SAMPLE, first);
    const sorted = path.join(dir, "排序.xlsx");
    await edit(first, sorted, (wb) => {
      const ws = wb.getWorksheet("考核表")!;
      // swap rows 4 and 5 whole (values only), as a sort would
      const a = ws.getRow(4).values as ExcelJS.CellValue[];
      const b = ws.getRow(5).values as ExcelJS.CellValue[];
      ws.getRow(4).values = b;
      ws.getRow(5).values = a;
    });
    const { stderr } = await scoreTo(sorted, path.join(dir, "二.xlsx"));
    expect(stderr).not.toContain("手工改为");
  });
});

describe("核定调整 on the command line", () => {
  it("a 核定调整 sheet added to the sample: applied, explained, in the report and in 核查意见", async () => {
    const input = path.join(dir, "调整.xlsx");
    await edit(SAMPLE, input, (wb) => {
      const ws = wb.addWorksheet("核定调整");
      ws.addRow(["序号", "单位名称", "项目", "核定分", "理由", "核定人", "日期"]);
      ws.addRow([1, "县发改局", "三（2）", 20, "补报数据经核实", "李明", new Date(Date.UTC(2021, 0, 15))]);
      ws.addRow([2, "县发改委", "八", 5, "误填", null, null]);
    });
    const out = path.join(dir, "o.xlsx");
    const { report, stderr } = await scoreTo(input, out);
    const fgw = report.units.find((u) => u.unit === "县发改局")!;
    expect(fgw.leaves["3.2"]).toBe(20);
    expect(fgw.adjustments).toEqual([
      expect.objectContaining({ item: "3.2", computed: 6.6, adjusted: 20, by: "李明", date: "2021-01-15", row: 2 }),
    ]);
    expect(fgw.explanations["3.2"]).toBe("核定 20 分（计算得 6.6 分）：补报数据经核实（李明，2021-01-15）");
    // 51.6 − 6.6 + 20
    expect(fgw.total).toBe(65);
    // the row naming no unit of the sheet: a finding on 核定调整, never applied to 县发改局
    expect(report.findings).toContainEqual(
      expect.objectContaining({
        kind: "invalid",
        sheet: "核定调整",
        cell: "B3",
        message: expect.stringContaining("县发改委"),
      }),
    );
    expect(stderr).toContain("核定调整 1 项已生效");
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(out);
    const ws = wb.getWorksheet("考核表")!;
    expect(String(ws.getCell(fgw.row, columnOf(ws, "核查意见")).value)).toContain("核定调整 1 项");
    const ranking = wb.getWorksheet("考核排名")!;
    const line = (ranking.getSheetValues() as ExcelJS.CellValue[][]).find((r) => r && r[2] === "县发改局")!;
    expect(line).toContain("不适用：3.4、4.2；核定调整：3.2");
  });
});

describe("settings on the command line", () => {
  it("--self-gap N: the 自评 gaps listed on their own, largest first, and the setting in the report", async () => {
    const { report, stderr } = await scoreTo(SAMPLE, path.join(dir, "o.xlsx"), ["--self-gap", "10"]);
    expect(report.settings.selfGap).toBe(10);
    const section = stderr.slice(stderr.indexOf("自评差距 10 分及以上"));
    const gaps = [...section.matchAll(/相差 ([\d.]+) 分/g)].map((m) => Number(m[1]));
    expect(gaps.length).toBeGreaterThan(2);
    expect(gaps.every((g) => g >= 10)).toBe(true);
    expect(gaps).toEqual([...gaps].sort((a, b) => b - a));
    expect(await main(["score", SAMPLE, "--out", path.join(dir, "x.xlsx"), "--self-gap", "-1"], capture())).toBe(2);
  });

  it("--na-policy scale: converted totals, `scaled` per unit with a 不适用 leaf, the policy in words", async () => {
    const { report, stderr } = await scoreTo(SAMPLE, path.join(dir, "o.xlsx"), ["--na-policy", "scale"]);
    expect(report.settings.naPolicy).toBe("scale");
    expect(stderr).toContain("不适用项按比例折算");
    const fgw = report.units.find((u) => u.unit === "县发改局")!;
    // 3.4 (3) and 4.2 (10) 不适用: sum 51.6 − 13 = 38.6 of 87 → round(3860000 ÷ 8700) = 44.37
    expect(fgw.scaled).toEqual({ sum: 38.6, applicableMax: 87 });
    expect(fgw.total).toBe(44.37);
    for (const u of report.units) expect(u.scaled !== undefined).toBe(u.notApplicable.length > 0);
  });
});
