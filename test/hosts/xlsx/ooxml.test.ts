// Issue 9: files Excel opens without a repair prompt, however many times they are scored. Every workbook below is scored
// three times in succession (each run's output the next run's input) and every output is checked by what other programs
// say of it: ../shared/tools/ooxml-check.py (the ISO/IEC 29500 schemas, package rules, what Excel repairs) and openpyxl.
// The workbooks: the sample; the template; the sample as LibreOffice saves it; the sample with each thing Excel 2016+
// writes that ExcelJS never does (test/support/excel-features.ts), and with all of them; the sample's sheets grafted
// into two packages Excel itself wrote, when they are at hand (see EXCEL_WRITTEN below).
// Needs /usr/bin/python3 with python3-lxml and python3-openpyxl, ../shared beside the repository, and soffice.
import { execFile } from "node:child_process";
import ExcelJS from "exceljs";
import { createHash } from "node:crypto";
import { existsSync, promises as fs } from "node:fs";
import os from "node:os";
import path from "node:path";
import {
  type Assessment,
  type Report,
  MEMORY_SHEET,
  buildReport,
  columnLetters,
  reviewSummary,
  scoreHeaders,
} from "../../../src/core";
import { DEFAULT_RULEBOOK } from "../../../src/rules";
import { type XlsxPackage, readPackage, relsName } from "../../../src/hosts/xlsx/package/package";
import { templateWorkbook } from "../../../src/hosts/xlsx/template";
import { scoreBuffer } from "../../../src/hosts/xlsx/workbook";
import { readBook } from "../../../src/hosts/xlsx/read";
import { attribute, findTag } from "../../../src/hosts/xlsx/parts/xml";
import { packageBytes } from "../../../src/hosts/xlsx/package/zip";
import { SAMPLE } from "./util";
import {
  type CheckResult,
  type OpenpyxlBook,
  describeCheck,
  ooxmlCheck,
  ooxmlCheckAsync,
  openpyxlCells,
  openpyxlReadAsync,
  openpyxlSheetValues,
  requireTools,
  stopWorkers,
} from "../../support/ooxml";
import {
  ASSESSMENT_SHEET,
  EXCEL_FEATURES,
  type FeatureName,
  OFFICE_NOTES,
  OFFICE_TOTAL_HEADER,
  REL_TYPE,
  applyExcelFeatures,
  rootChild,
  rootChildren,
} from "../../support/excel-features";
import { graftAssessment, graftLedger } from "../../support/graft";

jest.setTimeout(120_000);

/** Packages real Excel saved: three files of exceljs's public test data (MIT; spec/integration/data/ of
 * github.com/exceljs/exceljs): test-issue-877.xlsx (Mac Excel 16: header/footer pictures in VML, shared formulas,
 * mc:AlternateContent, x14ac, xr:uid), test-issue-1669.xlsx (Windows Excel 16: table parts) and fibonacci.xlsx
 * (shared formulas). Material fetched from another repository is not committed here, so they are read from
 * $EXCEL_WRITTEN_DIR or ../shared/samples/excel-written/ when present; every Excel feature they carry is also in the
 * hand-written workbooks above (test/support/excel-features.ts), which always run. */
const FIXTURES = process.env.EXCEL_WRITTEN_DIR ?? path.resolve(__dirname, "../../../../shared/samples/excel-written");
const EXCEL_WRITTEN = ["test-issue-877.xlsx", "test-issue-1669.xlsx", "fibonacci.xlsx"].every((f) =>
  existsSync(path.join(FIXTURES, f)),
);
const RUNS = 3;
const RANKING = DEFAULT_RULEBOOK.rankingSheet;

interface Run {
  readonly bytes: Buffer;
  readonly assessment: Assessment;
  readonly report: Report;
}
interface Case {
  readonly input: Buffer;
  /** Run 1 scores the input, run n scores run n - 1's output. */
  readonly runs: readonly Run[];
}

// ---------------------------------------------------------------------------------------------------------------------
// The workbooks

const FEATURES = Object.keys(EXCEL_FEATURES) as FeatureName[];
const ALL_CASES = [
  "sample",
  "template",
  "LibreOffice-saved sample",
  ...FEATURES.map((f) => `Excel features: ${f}`),
  "Excel features: all",
  "Excel 16 (Mac) test-issue-877 with the sample grafted",
  "Excel 16 (Windows) test-issue-1669 with the sample grafted",
] as const;
type CaseName = (typeof ALL_CASES)[number];
const GRAFT_877: CaseName = "Excel 16 (Mac) test-issue-877 with the sample grafted";
const GRAFT_1669: CaseName = "Excel 16 (Windows) test-issue-1669 with the sample grafted";
const feature = (f: FeatureName | "all") => `Excel features: ${f}` as CaseName;
const CASE_NAMES: readonly CaseName[] = ALL_CASES.filter((n) => EXCEL_WRITTEN || (n !== GRAFT_877 && n !== GRAFT_1669));
/** Those of the names that run here. */
const present = (...names: CaseName[]): CaseName[] => names.filter((n) => CASE_NAMES.includes(n));

let workdir = "";

/** The sample as LibreOffice Calc saves it (its own styles, shared strings, row attributes). */
async function libreOfficeSaved(): Promise<Buffer> {
  const out = path.join(workdir, "lo");
  await new Promise<void>((resolve, reject) =>
    execFile(
      "soffice",
      [
        `-env:UserInstallation=file://${workdir}/profile`,
        "--headless",
        "--convert-to",
        "xlsx:Calc MS Excel 2007 XML",
        "--outdir",
        out,
        SAMPLE,
      ],
      { timeout: 150_000 },
      (err) => (err ? reject(err) : resolve()),
    ),
  );
  return fs.readFile(path.join(out, "sample-2020.xlsx"));
}

const samplePackage = async () => readPackage(await fs.readFile(SAMPLE));

async function input(name: CaseName): Promise<Buffer> {
  switch (name) {
    case "sample":
      return fs.readFile(SAMPLE);
    case "template":
      // what `xinyong template` writes, made in-process
      return Buffer.from(await templateWorkbook(DEFAULT_RULEBOOK).xlsx.writeBuffer());
    case "LibreOffice-saved sample":
      return libreOfficeSaved();
    case GRAFT_877: {
      // sheet 3 (Leiterprüfung) and sheet 5 (Schweißgerät) carry header/footer pictures (<legacyDrawingHF>)
      const pkg = await readPackage(await fs.readFile(path.join(FIXTURES, "test-issue-877.xlsx")));
      const sample = await samplePackage();
      graftAssessment(pkg, sample, 3);
      graftLedger(pkg, sample, 5);
      return packageBytes(pkg);
    }
    case GRAFT_1669: {
      // both sheets hold a table at A1:B6, kept: the sample goes right of it
      const pkg = await readPackage(await fs.readFile(path.join(FIXTURES, "test-issue-1669.xlsx")));
      const sample = await samplePackage();
      graftAssessment(pkg, sample, 1, { firstColumn: 4 });
      graftLedger(pkg, sample, 2, { firstColumn: 4 });
      return packageBytes(pkg);
    }
    default: {
      const pkg = await samplePackage();
      const f = name.replace("Excel features: ", "") as FeatureName | "all";
      if (f === "all") applyExcelFeatures(pkg);
      else (EXCEL_FEATURES[f] as (p: XlsxPackage) => unknown)(pkg);
      return packageBytes(pkg);
    }
  }
}

async function scoreRuns(bytes: Buffer): Promise<Run[]> {
  const runs: Run[] = [];
  let b = bytes;
  for (let i = 0; i < RUNS; i++) {
    const { assessment, bytes: out } = await scoreBuffer(b);
    runs.push({ bytes: out, assessment, report: buildReport(assessment) });
    b = out;
  }
  return runs;
}

const cases = new Map<CaseName, Promise<Case>>();
const caseOf = (name: CaseName): Promise<Case> => cases.get(name) as Promise<Case>;

// What the checker and openpyxl say of a file, asked once per distinct file (run 3 is run 2 when all is well)
const hash = (b: Buffer): string => createHash("sha1").update(b).digest("hex");
const checks = new Map<string, Promise<CheckResult>>();
const check = (b: Buffer): Promise<CheckResult> => {
  const key = hash(b);
  let p = checks.get(key);
  if (!p) checks.set(key, (p = ooxmlCheckAsync(b)));
  return p;
};
const books = new Map<string, Promise<OpenpyxlBook>>();
/** The file as openpyxl loads it, one sheet read whole, formulas as written (score cells hold values, not formulas). */
const openpyxlOf = (b: Buffer, sheet: string): Promise<OpenpyxlBook> => {
  const key = `${hash(b)}:${sheet}`;
  let p = books.get(key);
  if (!p) books.set(key, (p = openpyxlReadAsync(b, { sheets: [sheet], formulas: true })));
  return p;
};

beforeAll(async () => {
  requireTools();
  workdir = await fs.mkdtemp(path.join(os.tmpdir(), "xinyong-ooxml-test-"));
  // LibreOffice first: it converts in its own process while the rest are built and scored here
  const order = ["LibreOffice-saved sample" as const, ...CASE_NAMES.filter((n) => n !== "LibreOffice-saved sample")];
  for (const name of order) {
    const c = input(name).then(async (bytes) => ({ input: bytes, runs: await scoreRuns(bytes) }));
    c.catch(() => undefined); // reported by the tests that await it
    cases.set(name, c);
  }
  // the checks start as soon as a case is scored, in parallel processes
  for (const c of cases.values()) {
    c.then((x) => {
      [x.input, ...x.runs.map((r) => r.bytes)].forEach(check);
      for (const r of x.runs) openpyxlOf(r.bytes, r.report.sheet).catch(() => undefined);
    }).catch(() => undefined);
  }
});

afterAll(async () => {
  await Promise.allSettled([...cases.values(), ...checks.values(), ...books.values()]);
  stopWorkers();
  if (workdir) await fs.rm(workdir, { recursive: true, force: true });
});

// ---------------------------------------------------------------------------------------------------------------------
// Reading packages

async function partsOf(bytes: Buffer): Promise<{ pkg: XlsxPackage; parts: Map<string, Buffer> }> {
  const pkg = await readPackage(bytes);
  return { pkg, parts: new Map(pkg.names().map((n) => [n, Buffer.from(pkg.bytes(n) as Uint8Array)])) };
}

const workbookPart = (pkg: XlsxPackage): string =>
  pkg.relationships("").find((r) => r.type.endsWith("/officeDocument"))?.target ?? "xl/workbook.xml";

/** Worksheet name → part, in tab order. */
function sheetParts(pkg: XlsxPackage): Map<string, string> {
  const wb = workbookPart(pkg);
  const xml = pkg.text(wb) ?? "";
  const rels = new Map(pkg.relationships(wb).map((r) => [r.id, r.target]));
  const out = new Map<string, string>();
  for (let t = findTag(xml, "sheet"); t; t = findTag(xml, "sheet", t.end)) {
    const tag = xml.slice(t.start, t.end);
    const target = rels.get(attribute(tag, "id", true) ?? "");
    if (target) out.set(attribute(tag, "name") ?? "", target);
  }
  return out;
}

/** The part a sheet's <legacyDrawing> or <legacyDrawingHF> points at. */
function drawingOf(
  pkg: XlsxPackage,
  sheetPart: string,
  element: "legacyDrawing" | "legacyDrawingHF",
): string | undefined {
  const xml = pkg.text(sheetPart) ?? "";
  const el = rootChild(xml, element);
  if (!el) return undefined;
  const id = attribute(xml.slice(el.tag.start, el.tag.end), "id", true);
  return pkg.relationships(sheetPart).find((r) => r.id === id)?.target;
}

/** The office's sheets a run writes in: the assessment sheet, and every sheet with a highlighted cell. */
function writtenSheets(report: Report): Set<string> {
  const out = new Set([report.sheet]);
  for (const f of [...report.findings, ...report.units.flatMap((u) => u.findings)]) {
    if (f.kind !== "warning" && f.cell !== undefined) out.add(f.sheet ?? report.sheet);
  }
  return out;
}

/** The parts a run may rewrite: the workbook, its relationships, content types, styles, calcChain (dropped),
 * docProps/app.xml, and of each sheet it writes in (the assessment sheet, sheets with highlighted cells, the tool's
 * 考核排名 and memory sheet) the sheet, its relationships, its notes and the notes' VML part (<legacyDrawing>). A
 * header/footer VML (<legacyDrawingHF>), pictures, tables, external links, the theme, other sheets: never. */
function mayChange(pkg: XlsxPackage, report: Report): Set<string> {
  const wb = workbookPart(pkg);
  const out = new Set([wb, relsName(wb), "[Content_Types].xml", "docProps/app.xml"]);
  for (const r of pkg.relationships(wb)) {
    if (r.type.endsWith("/styles") || r.type.endsWith("/calcChain")) out.add(r.target);
  }
  const parts = sheetParts(pkg);
  for (const name of [...writtenSheets(report), RANKING, MEMORY_SHEET]) {
    const part = parts.get(name);
    if (!part) continue;
    out.add(part).add(relsName(part));
    for (const r of pkg.relationships(part)) if (r.type === REL_TYPE.comments) out.add(r.target);
    const vml = drawingOf(pkg, part, "legacyDrawing");
    if (vml) out.add(vml);
  }
  return out;
}

/** Parts each workbook has that no run may change (among others: theme, docProps/core.xml, other sheets). */
const UNTOUCHED: Partial<Record<CaseName, string[]>> = {
  [feature("headerFooter")]: [
    "xl/drawings/vmlDrawing1.vml",
    "xl/drawings/_rels/vmlDrawing1.vml.rels",
    "xl/media/image1.png",
  ],
  [feature("externalLink")]: ["xl/externalLinks/externalLink1.xml", "xl/externalLinks/_rels/externalLink1.xml.rels"],
  [feature("table")]: ["xl/tables/table1.xml"],
  [feature("all")]: [
    "xl/drawings/vmlDrawing2.vml",
    "xl/drawings/_rels/vmlDrawing2.vml.rels",
    "xl/media/image1.png",
    "xl/externalLinks/externalLink1.xml",
    "xl/externalLinks/_rels/externalLink1.xml.rels",
    "xl/tables/table1.xml",
    "xl/sharedStrings.xml",
    "xl/theme/theme1.xml",
  ],
  [GRAFT_877]: [
    ...[1, 2, 3].flatMap((n) => [`xl/drawings/vmlDrawing${n}.vml`, `xl/drawings/_rels/vmlDrawing${n}.vml.rels`]),
    "xl/media/image1.png",
    "xl/media/image2.jpeg",
    "xl/media/image3.jpeg",
    ...[1, 2, 3, 4, 5].map((n) => `xl/printerSettings/printerSettings${n}.bin`),
    "xl/worksheets/sheet1.xml",
    "xl/worksheets/sheet2.xml",
    "xl/worksheets/sheet4.xml",
    "xl/sharedStrings.xml",
    "xl/theme/theme1.xml",
    "docProps/core.xml",
  ],
  [GRAFT_1669]: ["xl/tables/table1.xml", "xl/tables/table2.xml", "xl/sharedStrings.xml", "xl/theme/theme1.xml"],
};

/** Every VML shape of the package with its numeric id (o:spid, or id="_x0000_sN"), and each VML part's idmap blocks. */
function vmlShapes(pkg: XlsxPackage): { shapes: { part: string; id: number }[]; blocks: Map<string, number[]> } {
  const shapes: { part: string; id: number }[] = [];
  const blocks = new Map<string, number[]>();
  for (const part of pkg.names().filter((n) => n.toLowerCase().endsWith(".vml"))) {
    const xml = pkg.text(part) ?? "";
    const data = /<o:idmap\b[^>]*\bdata="([^"]*)"/.exec(xml)?.[1] ?? "";
    blocks.set(
      part,
      data
        .split(",")
        .filter((s) => /^\s*\d+\s*$/.test(s))
        .map(Number),
    );
    for (const [tag] of xml.matchAll(/<v:shape\b[^>]*>/g)) {
      const id = /\bo:spid="_x0000_s(\d+)"/.exec(tag) ?? /\bid="_x0000_s(\d+)"/.exec(tag);
      if (id) shapes.push({ part, id: Number(id[1]) });
    }
  }
  return { shapes, blocks };
}

/** The 14 score headers' first column on the header row (1-based), wherever they stand as one block. */
function scoreBlockAt(headerCells: readonly unknown[], headers: readonly string[]): number[] {
  const at: number[] = [];
  for (let i = 0; i + headers.length <= headerCells.length; i++) {
    if (headers.every((h, k) => headerCells[i + k] === h)) at.push(i + 1);
  }
  return at;
}

// ---------------------------------------------------------------------------------------------------------------------

if (EXCEL_WRITTEN)
  describe("the Excel-written fixtures", () => {
    it("the checker's long-lived process says what its command line says", async () => {
      const file = path.join(FIXTURES, "test-issue-877.xlsx");
      const cli = ooxmlCheck(file);
      expect((await ooxmlCheckAsync(file)).output).toBe(cli.output);
      expect(cli.output).toMatch(/^SUMMARY errors=0 /m);
    });

    it("openpyxl reads Excel's shared formulas: their cached values, and each cell's formula", () => {
      const file = path.join(FIXTURES, "fibonacci.xlsx");
      expect(openpyxlCells(file, "fib", ["A19", "B19"])).toEqual({ A19: 19, B19: 4181 });
      expect(openpyxlSheetValues(file, "fib", { formulas: true })[18]).toEqual(["=A18+1", "=B17+B18"]);
    });

    it.each(["test-issue-877.xlsx", "test-issue-1669.xlsx", "fibonacci.xlsx"])(
      "%s passes ooxml-check as Excel wrote it (the checker accepts what Excel writes)",
      async (file) => {
        const r = await check(await fs.readFile(path.join(FIXTURES, file)));
        expect({ file, errors: r.errors }).toEqual({ file, errors: [] });
      },
    );
  });

describe.each(CASE_NAMES)("%s", (name) => {
  it("the workbook as given passes ooxml-check (the input is valid, so what follows is the tool's)", async () => {
    const r = await check((await caseOf(name)).input);
    if (!r.ok) throw new Error(describeCheck(`${name}, unscored`, r));
  });

  it(`(i) every run's output (${RUNS} runs, each scoring the last) passes ooxml-check`, async () => {
    const { runs } = await caseOf(name);
    const results = await Promise.all(runs.map((r) => check(r.bytes)));
    const failed = results.flatMap((r, i) => (r.ok ? [] : [describeCheck(`${name}, run ${i + 1}`, r)]));
    if (failed.length) throw new Error(failed.join("\n\n"));
  });

  it("(ii) openpyxl loads every run's output, and its score cells are the JSON report's", async () => {
    const { runs } = await caseOf(name);
    await Promise.all(
      runs.map(async ({ bytes, assessment, report }, i) => {
        const book = await openpyxlOf(bytes, report.sheet);
        const where = `${name}, run ${i + 1}`;
        const states = Object.fromEntries(book.sheets.map((s) => [s.name, s.state]));
        expect({ where, ranking: states[RANKING], memory: states[MEMORY_SHEET] }).toEqual({
          where,
          ranking: "visible",
          memory: "veryHidden",
        });
        const values = book.values[report.sheet];
        const headerRow = assessment.layout.headerRow;
        const headers = scoreHeaders(assessment);
        const at = scoreBlockAt(values[headerRow - 1] ?? [], headers);
        if (at.length !== 1) {
          const found = (values[headerRow - 1] ?? []).flatMap((v, c) =>
            headers.includes(v as string) ? [`${columnLetters(c + 1)}${headerRow} ${String(v)}`] : [],
          );
          throw new Error(
            `${where}: the 14 score headers stand as ${at.length} blocks on row ${headerRow}: ${found.join(", ")}`,
          );
        }
        const col = (h: string) => at[0] + headers.indexOf(h) - 1;
        const byRow = new Map(assessment.units.map((u) => [u.record.row, u]));
        expect(report.units.length).toBeGreaterThan(0);
        for (const u of report.units) {
          const row = values[u.row - 1] ?? [];
          const read = (h: string) => row[col(h)] ?? null;
          const unit = byRow.get(u.row);
          expect({
            where,
            unit: u.unit,
            indicators: DEFAULT_RULEBOOK.indicators.map((ind) => read(ind.column)),
            bonus: read("加分"),
            total: read("总分"),
            rank: read("排名"),
            review: read("核查意见") ?? "",
          }).toEqual({
            where,
            unit: u.unit,
            indicators: DEFAULT_RULEBOOK.indicators.map((ind) => u.indicators[ind.id]),
            bonus: u.bonus,
            total: u.total,
            rank: u.rank,
            review: unit ? reviewSummary(unit) : "",
          });
        }
      }),
    );
  });

  it("(iv) every part a run need not change stays byte for byte", async () => {
    const { input: first, runs } = await caseOf(name);
    let before = await partsOf(first);
    for (const [i, run] of runs.entries()) {
      const after = await partsOf(run.bytes);
      const may = new Set([...mayChange(before.pkg, run.report), ...mayChange(after.pkg, run.report)]);
      // what the case is about is among the parts compared
      expect([...before.parts.keys()].filter((p) => !may.has(p))).toEqual(
        expect.arrayContaining(UNTOUCHED[name] ?? []),
      );
      const changed: string[] = [];
      for (const [part, bytes] of before.parts) {
        if (may.has(part)) continue;
        const now = after.parts.get(part);
        if (!now) changed.push(`${part} (gone)`);
        else if (!now.equals(bytes)) changed.push(part);
      }
      for (const part of after.parts.keys())
        if (!before.parts.has(part) && !may.has(part)) changed.push(`${part} (new)`);
      expect({ where: `${name}, run ${i + 1}`, changed }).toEqual({ where: `${name}, run ${i + 1}`, changed: [] });
      before = after;
    }
  });

  it("(iii) the third run's bytes are the second's", async () => {
    const { runs } = await caseOf(name);
    const [second, third] = [runs[1].bytes, runs[2].bytes];
    if (second.equals(third)) return;
    const a = await partsOf(second);
    const b = await partsOf(third);
    const differ = [...new Set([...a.parts.keys(), ...b.parts.keys()])].filter(
      (p) => !(a.parts.get(p) && b.parts.get(p)?.equals(a.parts.get(p) as Buffer)),
    );
    throw new Error(`${name}: run 3 differs from run 2 in ${differ.join(", ") || "the zip itself"}`);
  });

  it("(viii) VML shape ids are unique across the workbook after every run, each in its part's o:idmap blocks", async () => {
    const { runs } = await caseOf(name);
    for (const [i, run] of runs.entries()) {
      const { shapes, blocks } = vmlShapes(await readPackage(run.bytes));
      const seen = new Map<number, string>();
      const problems: string[] = [];
      for (const s of shapes) {
        const other = seen.get(s.id);
        if (other !== undefined) problems.push(`shape id ${s.id} in ${s.part} and ${other}`);
        seen.set(s.id, s.part);
        const own = blocks.get(s.part) ?? [];
        if (!own.includes(Math.floor(s.id / 1024))) problems.push(`${s.part}: shape id ${s.id} outside blocks ${own}`);
      }
      const owner = new Map<number, string>();
      for (const [part, list] of blocks) {
        for (const b of list) {
          if (owner.has(b)) problems.push(`o:idmap block ${b} claimed by ${part} and ${owner.get(b)}`);
          owner.set(b, part);
        }
      }
      expect({ where: `${name}, run ${i + 1}`, problems }).toEqual({ where: `${name}, run ${i + 1}`, problems: [] });
    }
  });
});

describe("what Excel keeps in a part of its own is the office's", () => {
  it.each(present(feature("dyDescent"), feature("all"), "LibreOffice-saved sample"))(
    "%s: every styles.xml section's start tag keeps its attributes (x14ac:knownFonts), only its count changes",
    async (name) => {
      const { input, runs } = await caseOf(name);
      const starts = async (bytes: Buffer) => {
        const { pkg } = await partsOf(bytes);
        const xml = pkg.text("xl/styles.xml") ?? "";
        return ["numFmts", "fonts", "fills", "borders", "cellStyleXfs", "cellXfs", "cellStyles", "dxfs"].map((n) => {
          const t = findTag(xml, n);
          return t ? xml.slice(t.start, t.end).replace(/\scount="\d+"/, "") : null;
        });
      };
      const before = await starts(input);
      if (name !== "LibreOffice-saved sample") expect(before[1]).toContain('x14ac:knownFonts="1"');
      for (const run of runs) expect(await starts(run.bytes)).toEqual(before);
    },
  );

  it.each(present(feature("headerFooter"), feature("all"), GRAFT_877))(
    "(v) %s: the header/footer VML is untouched and the notes go into the sheet's own <legacyDrawing> VML",
    async (name) => {
      const { input: first, runs } = await caseOf(name);
      const before = await readPackage(first);
      const parts = sheetParts(before);
      const hfSheets = [...writtenSheets(runs[0].report)].filter((s) =>
        drawingOf(before, parts.get(s) ?? "", "legacyDrawingHF"),
      );
      expect(hfSheets).toContain(runs[0].report.sheet);
      for (const [i, run] of runs.entries()) {
        const after = await readPackage(run.bytes);
        const afterParts = sheetParts(after);
        for (const sheet of hfSheets) {
          const where = `${name}, run ${i + 1}, ${sheet}`;
          const hf = drawingOf(before, parts.get(sheet) as string, "legacyDrawingHF") as string;
          const hfNow = drawingOf(after, afterParts.get(sheet) as string, "legacyDrawingHF");
          const notes = drawingOf(after, afterParts.get(sheet) as string, "legacyDrawing");
          const hfXml = after.text(hf) ?? "";
          expect({
            where,
            hf: hfNow,
            same: Buffer.from(after.bytes(hf) ?? []).equals(before.bytes(hf) as Uint8Array),
            rels: Buffer.from(after.bytes(relsName(hf)) ?? []).equals(before.bytes(relsName(hf)) as Uint8Array),
            notesInHf: /ObjectType\s*=\s*"Note"/.test(hfXml),
            ownDrawing: notes !== undefined && notes !== hf,
            noteShapes: /ObjectType\s*=\s*"Note"/.test(notes ? (after.text(notes) ?? "") : ""),
          }).toEqual({ where, hf, same: true, rels: true, notesInHf: false, ownDrawing: true, noteShapes: true });
        }
      }
    },
  );

  it.each([feature("notes"), feature("all")])(
    "%s: the office's notes stay as Excel wrote them, on a highlighted cell too",
    async (name) => {
      const { input: first, runs } = await caseOf(name);
      const before = await readPackage(first);
      const comments = (pkg: XlsxPackage) => {
        const part = sheetParts(pkg).get(ASSESSMENT_SHEET) as string;
        const target = pkg.relationships(part).find((r) => r.type === REL_TYPE.comments)?.target;
        return target ? (pkg.text(target) ?? "") : "";
      };
      const office = (xml: string) =>
        [...xml.matchAll(/<comment\b[^>]*\bref="([A-Z]+\d+)"[\s\S]*?<\/comment>/g)].filter((m) =>
          OFFICE_NOTES.some((n) => n.ref === m[1]),
        );
      const was = office(comments(before)).map((m) => m[0]);
      expect(was).toHaveLength(OFFICE_NOTES.length);
      // the sample's 县公安局 has no 参与修复企业数: AB6 is highlighted, and keeps the office's note
      expect(runs[0].report.units.flatMap((u) => u.findings.map((f) => f.cell))).toContain("AB6");
      for (const run of runs) expect(office(comments(await readPackage(run.bytes))).map((m) => m[0])).toEqual(was);
    },
  );

  it.each([feature("externalLink"), feature("all")])(
    "(vi) %s: <definedNames> comes after <externalReferences> in workbook.xml, and the link is kept",
    async (name) => {
      const { input: first, runs } = await caseOf(name);
      const before = await readPackage(first);
      expect(rootChild(before.text("xl/workbook.xml") ?? "", "definedNames")).toBeUndefined();
      for (const [i, run] of runs.entries()) {
        const pkg = await readPackage(run.bytes);
        const order = rootChildren(pkg.text("xl/workbook.xml") ?? "").map((c) => c.tag.name);
        const where = `${name}, run ${i + 1}`;
        expect({
          where,
          order: order.filter((n) => ["sheets", "externalReferences", "definedNames"].includes(n)),
        }).toEqual({
          where,
          order: ["sheets", "externalReferences", "definedNames"],
        });
        const link = pkg.relationships("xl/workbook.xml").find((r) => r.type === REL_TYPE.externalLink);
        expect(link?.target).toBe("xl/externalLinks/externalLink1.xml");
      }
    },
  );

  it.each([feature("officeTotal"), feature("all")])(
    "(vii) %s: the office's 总分 column (a shared formula) is the office's: its cells unchanged, the 14 score columns right of it, a warning says so",
    async (name) => {
      const { input: first, runs } = await caseOf(name);
      const before = await readPackage(first);
      const sheetXml = (pkg: XlsxPackage) => pkg.text(sheetParts(pkg).get(ASSESSMENT_SHEET) as string) ?? "";
      // the office's column: AI, right of the sample's AH
      const cells = (xml: string) =>
        Object.fromEntries([...xml.matchAll(/<c r="(AI\d+)"[^>]*?(?:\/>|>[\s\S]*?<\/c>)/g)].map((m) => [m[1], m[0]]));
      const was = cells(sheetXml(before));
      expect(was.AI4).toMatch(/<f t="shared" ref="AI4:AI39" si="\d+">SUM\(M4:AE4\)<\/f>/);
      expect(Object.keys(was)).toHaveLength(37);
      const column = (book: OpenpyxlBook) => book.values[ASSESSMENT_SHEET].map((r) => r[34] ?? null);
      const formulas = column(await openpyxlOf(first, ASSESSMENT_SHEET));
      expect(formulas[3]).toBe("=SUM(M4:AE4)");
      expect(formulas[38]).toBe("=SUM(M39:AE39)");
      for (const [i, run] of runs.entries()) {
        const where = `${name}, run ${i + 1}`;
        expect({ where, cells: cells(sheetXml(await readPackage(run.bytes))) }).toEqual({ where, cells: was });
        const book = await openpyxlOf(run.bytes, ASSESSMENT_SHEET);
        expect({ where, formulas: column(book) }).toEqual({ where, formulas });
        const headers = scoreHeaders(run.assessment);
        const at = scoreBlockAt(book.values[ASSESSMENT_SHEET][run.assessment.layout.headerRow - 1] ?? [], headers);
        expect({ where, scoreColumnsFrom: at.map(columnLetters) }).toEqual({ where, scoreColumnsFrom: ["AJ"] });
        // (the sample's own 自评总分 warnings mention 总分 too: they are not this one)
        const warnings = [...run.report.findings, ...run.report.units.flatMap((u) => u.findings)].filter(
          (x) => x.kind === "warning" && x.field !== "自评总分" && x.message.includes(OFFICE_TOTAL_HEADER),
        );
        expect({ where, warnings: warnings.length > 0 }).toEqual({ where, warnings: true });
      }
    },
  );
});

if (EXCEL_WRITTEN)
  describe("the sample in a package Excel wrote", () => {
    const scores = (r: Report) =>
      r.units.map((u) => ({
        unit: u.unit,
        row: u.row,
        leaves: u.leaves,
        notApplicable: u.notApplicable,
        indicators: u.indicators,
        bonus: u.bonus,
        total: u.total,
        rank: u.rank,
        findings: u.findings.map((f) => [f.kind, f.field, f.message]),
      }));

    it.each([GRAFT_877, GRAFT_1669])(
      "%s scores as the sample does (dates in the ledger read the same)",
      async (name) => {
        const [{ runs }, sample] = await Promise.all([caseOf(name), caseOf("sample")]);
        for (const run of runs) expect(scores(run.report)).toEqual(scores(sample.runs[0].report));
        const ledger = (r: Report) => r.findings.map((f) => [f.kind, f.sheet, f.message]);
        expect(ledger(runs[0].report)).toEqual(ledger(sample.runs[0].report));
      },
    );
  });

describe("a workbook whose notes' shape ids already collide", () => {
  it("comes out with unique ids: the office's note boxes in a rewritten drawing get ids of its own", async () => {
    // ExcelJS numbers every sheet's note boxes from 1025 (block 1): two sheets with notes collide before any run
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(SAMPLE);
    wb.getWorksheet(ASSESSMENT_SHEET)!.getCell("B4").note = "办公室的批注";
    wb.getWorksheet(DEFAULT_RULEBOOK.ledger.sheet)!.getCell("A1").note = "台账说明";
    const bytes = Buffer.from(await wb.xlsx.writeBuffer());
    expect((await ooxmlCheckAsync(bytes)).errors.join("\n")).toContain("vml-shape-id-global");
    const { bytes: out } = await scoreBuffer(bytes);
    const after = await ooxmlCheckAsync(out);
    expect(after.errors).toEqual([]);
    // the office's notes are still there, on their cells
    const { snapshot } = readBook(await readPackage(out));
    expect(snapshot.sheets.find((x) => x.name === ASSESSMENT_SHEET)?.notes?.get("B4")).toBe("办公室的批注");
    expect(snapshot.sheets.find((x) => x.name === DEFAULT_RULEBOOK.ledger.sheet)?.notes?.get("A1")).toBe("台账说明");
  });
});
