// The scored workbook opened by real spreadsheet software: LibreOffice converts it to PDF, and the 考核排名 page's
// text names the top-ranked unit. Needs soffice and pdftotext (.ci/run installs libreoffice-calc and poppler-utils).
import { execFileSync } from "node:child_process";
import { promises as fs } from "node:fs";
import os from "node:os";
import path from "node:path";
import { scoreFile } from "../../../src/hosts/xlsx/workbook";
import { SAMPLE } from "./util";

jest.setTimeout(180_000);

it("opens in LibreOffice and prints the ranking with the top unit first", async () => {
  const dir = await fs.mkdtemp(path.join(os.tmpdir(), "xinyong-lo-"));
  try {
    // the file the command line writes, as it writes it
    const xlsx = path.join(dir, "scored.xlsx");
    await scoreFile(SAMPLE, xlsx);
    execFileSync(
      "soffice",
      [`-env:UserInstallation=file://${dir}/profile`, "--headless", "--convert-to", "pdf", "--outdir", dir, xlsx],
      { stdio: "pipe", timeout: 150_000 },
    );
    const text = execFileSync("pdftotext", ["-layout", path.join(dir, "scored.pdf"), "-"], { encoding: "utf8" });
    const pages = text.split("\f");
    const ranking = pages.find((p) => p.includes("衡东县2020年度社会信用体系建设工作考核排名"));
    expect(ranking).toBeDefined();
    const page = ranking ?? "";
    // sorted by rank: 县法院 (88.5) first, then 市生态环境局衡东分局 (87.42), then 县税务局 (86.86)
    const at = (s: string) => page.indexOf(s);
    expect(at("县法院")).toBeGreaterThan(at("核查意见"));
    expect(at("县法院")).toBeLessThan(at("市生态环境局衡东分局"));
    expect(at("市生态环境局衡东分局")).toBeLessThan(at("县税务局"));
    expect(page).toMatch(/88\.50/);
  } finally {
    await fs.rm(dir, { recursive: true, force: true });
  }
});

it("scores a workbook saved by LibreOffice (another writer's XML) as the sample, and LibreOffice opens the result", async () => {
  const dir = await fs.mkdtemp(path.join(os.tmpdir(), "xinyong-lo-"));
  const soffice = (...args: string[]) =>
    execFileSync("soffice", [`-env:UserInstallation=file://${dir}/profile`, "--headless", ...args], {
      stdio: "pipe",
      timeout: 150_000,
    });
  try {
    // LibreOffice rewrites every part its own way: its styles, shared strings, row attributes, no ExcelJS in it
    soffice("--convert-to", "xlsx:Calc MS Excel 2007 XML", "--outdir", path.join(dir, "lo"), SAMPLE);
    const input = path.join(dir, "lo", "sample-2020.xlsx");
    const scored = path.join(dir, "scored-lo.xlsx");
    const a = await scoreFile(input, scored);
    const b = await scoreFile(SAMPLE, path.join(dir, "scored.xlsx"));
    const totals = (x: typeof a) => x.units.map((u) => [u.record.key, u.total, u.rank]);
    expect(totals(a)).toEqual(totals(b));
    soffice("--convert-to", "pdf", "--outdir", dir, scored);
    const text = execFileSync("pdftotext", ["-layout", path.join(dir, "scored-lo.pdf"), "-"], { encoding: "utf8" });
    expect(text).toContain("衡东县2020年度社会信用体系建设工作考核排名");
    expect(text).toMatch(/县法院[\s\S]*88\.50/);
  } finally {
    await fs.rm(dir, { recursive: true, force: true });
  }
});
