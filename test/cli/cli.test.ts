// The command line end to end in-process: exit codes, messages, files written, the input never overwritten.
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

let dir: string;
beforeEach(async () => {
  dir = await fs.mkdtemp(path.join(os.tmpdir(), "xinyong-cli-"));
});
afterEach(async () => {
  await fs.rm(dir, { recursive: true, force: true });
});

async function copySample(name = "考核.xlsx"): Promise<string> {
  const file = path.join(dir, name);
  await fs.copyFile(SAMPLE, file);
  return file;
}

describe("xinyong score", () => {
  it("writes <name>.scored.xlsx beside the input and leaves the input byte for byte as it was", async () => {
    const input = await copySample();
    const before = await fs.readFile(input);
    const io = capture();
    expect(await main(["score", input], io)).toBe(0);
    expect(await fs.readFile(input)).toEqual(before);
    const out = path.join(dir, "考核.scored.xlsx");
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(out);
    expect(wb.getWorksheet("考核排名")?.getCell("B3").value).toBe("县法院");
    expect(io.stderr()).toContain("已评分 36 个单位");
  });

  it("writes the JSON report of workbook.md, and takes the settings", async () => {
    const input = await copySample();
    const json = path.join(dir, "r.json");
    const io = capture();
    const code = await main(
      ["score", input, "--out", path.join(dir, "o.xlsx"), "--json", json, "--na-policy", "zero"],
      io,
    );
    expect(code).toBe(0);
    const report = JSON.parse(await fs.readFile(json, "utf8"));
    expect(report.rulebook).toBe("hengdong-2020");
    // workbook.md: "the report also carries, at the top level, settings"
    expect(report.settings).toEqual({ naPolicy: "zero", steps: "ceil", bonusCap: 10, selfGap: 5 });
    expect(io.stderr()).toContain("不适用项记 0 分");
    const fgw = report.units.find((u: { unit: string }) => u.unit === "县发改局");
    // 县发改局: 3.4 and 4.2 are not applicable; with zero they score 0: 51.6 − 3 − 10 = 38.6
    expect(fgw.notApplicable).toEqual(["3.4", "4.2"]);
    expect(fgw.leaves["4.2"]).toBe(0);
    expect(fgw.total).toBe(38.6);
  });

  it("prints the report on standard output with --json -", async () => {
    const input = await copySample();
    const io = capture();
    expect(await main(["score", input, "--json", "-", "--bonus-cap", "0.5"], io)).toBe(0);
    const report = JSON.parse(io.stdout());
    // 县统计局 entered 3 points of bonus: capped at 0.5
    expect(report.units.find((u: { unit: string }) => u.unit === "县统计局").bonus).toBe(0.5);
  });

  it.each([
    ["a missing file", async () => path.join(dir, "nope.xlsx"), /找不到文件/],
    [
      "a .csv",
      async () => {
        const f = path.join(dir, "a.csv");
        await fs.writeFile(f, "单位名称,分管领导\n县发改局,陈磊\n");
        return f;
      },
      /不是 \.xlsx 文件/,
    ],
    [
      "a .csv renamed .xlsx",
      async () => {
        const f = path.join(dir, "a.xlsx");
        await fs.writeFile(f, "单位名称,分管领导\n县发改局,陈磊\n");
        return f;
      },
      /不是有效的 \.xlsx 工作簿/,
    ],
    [
      "an encrypted or .xls (OLE) file",
      async () => {
        const f = path.join(dir, "b.xlsx");
        await fs.writeFile(f, Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0, 0, 0]));
        return f;
      },
      /加密|\.xls/,
    ],
    [
      "a truncated .xlsx",
      async () => {
        const f = path.join(dir, "c.xlsx");
        const buf = await fs.readFile(SAMPLE);
        await fs.writeFile(f, buf.subarray(0, Math.floor(buf.length / 2)));
        return f;
      },
      /无法读取/,
    ],
    [
      "a workbook without an assessment sheet",
      async () => {
        const f = path.join(dir, "d.xlsx");
        const wb = new ExcelJS.Workbook();
        wb.addWorksheet("Sheet1").getCell("A1").value = "联系电话";
        await wb.xlsx.writeFile(f);
        return f;
      },
      /这不是考核工作簿.*单位名称/,
    ],
  ])("exits 2 with a clear message for %s", async (_what, make, message) => {
    const file = await make();
    const io = capture();
    expect(await main(["score", file], io)).toBe(2);
    expect(io.stderr()).toMatch(message);
    expect(io.stderr()).not.toMatch(/\n\s+at /); // no stack trace
  });

  it("refuses to write over its input", async () => {
    const input = await copySample();
    const io = capture();
    expect(await main(["score", input, "--out", input], io)).toBe(2);
    expect(io.stderr()).toMatch(/不能与输入文件相同/);
  });

  it("exits 2 for a setting it does not know", async () => {
    const input = await copySample();
    const io = capture();
    expect(await main(["score", input, "--steps", "round"], io)).toBe(2);
    expect(await main(["score", input, "--bonus-cap", "-1"], io)).toBe(2);
  });
});

describe("xinyong template, demo, help", () => {
  it("writes a blank workbook that the engine reads as 36 units with everything missing", async () => {
    const out = path.join(dir, "模板.xlsx");
    const io = capture();
    expect(await main(["template", "--out", out], io)).toBe(0);
    const input = path.join(dir, "模板.xlsx");
    const io2 = capture();
    expect(await main(["score", input, "--json", "-"], io2)).toBe(0);
    const report = JSON.parse(io2.stdout());
    expect(report.units).toHaveLength(36);
    expect(report.units[0].unit).toBe("县发改局");
    // nothing entered: every unit is 尚未填报, scored as all missing (every leaf 0, 3.4 too: a unit that has not
    // reported gains nothing from a blank 应公示条数), one finding on its name instead of one per blank cell, and
    // nothing is ranked (workbook.md "Units that have not reported")
    for (const u of report.units) {
      expect(u.findings.map((f: { kind: string; message: string }) => [f.kind, f.message])).toEqual([
        ["missing", "缺少材料：尚未填报（本单位填报的各项均为空）"],
      ]);
      expect(u.total).toBe(0);
      expect(u.notApplicable).toEqual([]);
      expect(u.rank).toBeNull();
    }
    expect(report.findings.map((f: { message: string }) => f.message)).toContain(
      "尚未填报：36 个单位（各单位均未填报，未排名）",
    );
    expect(io2.stderr()).toContain("尚未填报：36 个单位");
    expect(await main(["template", "--out", out], capture())).toBe(2); // never overwrites
  });

  it("demo prints the ranking and writes the scored sample", async () => {
    const out = path.join(dir, "demo.xlsx");
    const io = capture();
    expect(await main(["demo", "--out", out], io)).toBe(0);
    expect(io.stdout()).toContain("衡东县2020年度社会信用体系建设工作考核排名");
    expect(io.stdout()).toMatch(/1 │ 县法院\s+│\s+88\.5/);
    await expect(fs.stat(out)).resolves.toBeTruthy();
  });

  it("--help describes every command", async () => {
    const io = capture();
    expect(await main(["--help"], io)).toBe(0);
    for (const word of ["score", "template", "demo"]) expect(io.stdout()).toContain(word);
    const io2 = capture();
    expect(await main(["score", "--help"], io2)).toBe(0);
    for (const word of ["--out", "--json", "--na-policy", "--steps", "--bonus-cap"])
      expect(io2.stdout()).toContain(word);
  });
});
