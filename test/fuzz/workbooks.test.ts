// Fuzzing the xlsx host end to end over generated workbooks (arbitraries.ts): real ExcelJS workbooks with random
// layouts and values of every kind go through scoreWorkbook, in memory and, for a subset, through a saved file.
// Properties: never an uncaught exception (a WorkbookError only where workbook.md says the workbook is not one);
// every leaf in [0, max] and the sums add up; every unreadable value gets an invalid finding on its cell and a blank
// required one a missing finding; no input cell changed (value, formula, number format, note; the fill only where
// highlighted); scoring is deterministic, and scoring the saved output again gives the same report; every 50th scored
// output has no error ../shared/tools/ooxml-check.py finds (what makes Excel offer to repair a file) that its input
// did not have.
//   FUZZ_RUNS=20000 npx jest test/fuzz     (npm run fuzz) runs more; FUZZ_SEED=… replays a run.
import ExcelJS from "exceljs";
import fc from "fast-check";
import {
  HIGHLIGHT_COLORS,
  NOTE_PREFIX,
  type Report,
  WorkbookError,
  address,
  buildReport,
  scoreHeaders,
} from "../../src/core";
import { openPackage, scoreBuffer } from "../../src/hosts/xlsx/workbook";
import { type CellDump, dumpSheet } from "../hosts/xlsx/util";
import {
  FIELD_DEFS,
  type LedgerSheet,
  type MainSheet,
  RULEBOOK,
  SUMMARY_NAMES,
  type Tags,
  type WorkbookSpec,
  buildWorkbook,
  headerRowOf,
  workbookSpec,
} from "./arbitraries";
import { INDICATOR_LEAVES, LEAF_MAX } from "../core/builders";
import { addedErrors, describeCheck, ooxmlCheckAsync, stopWorkers } from "../support/ooxml";

const RUNS = Math.max(1, Number(process.env.FUZZ_RUNS ?? 1000));
/** Workbooks that also go through a saved file (slower: two writes and two reads each). */
const FILE_RUNS = Math.max(1, Math.ceil(RUNS / 10));
const SEED = process.env.FUZZ_SEED === undefined ? undefined : Number(process.env.FUZZ_SEED);
const params = (numRuns: number): fc.Parameters<unknown> => ({
  numRuns,
  ...(SEED === undefined ? {} : { seed: SEED }),
  ...(process.env.FUZZ_PATH ? { path: process.env.FUZZ_PATH, endOnFailure: true } : {}),
});

function must(ok: boolean, message: () => string): void {
  if (!ok) throw new Error(message());
}

const cents = (x: number): number => Math.round(x * 100);
const twoDecimals = (x: number): boolean => Math.abs(x * 100 - Math.round(x * 100)) < 1e-6;

const mainOf = (spec: WorkbookSpec): MainSheet =>
  spec.sheets.find((s): s is MainSheet => s.kind === "main") as MainSheet;
const ledgerOf = (spec: WorkbookSpec): LedgerSheet | undefined =>
  spec.sheets.find((s): s is LedgerSheet => s.kind === "ledger");

/** workbook.md: a header row within the first 10 rows with the unit header and ≥ 5 distinct known fields; a ledger
 * sheet, when there is one, with its header row within its first 10 rows. */
function scorable(spec: WorkbookSpec): boolean {
  const main = mainOf(spec);
  const fields = new Set(main.columns.flatMap((c) => (c.kind === "field" ? [c.field] : [])));
  const ledger = ledgerOf(spec);
  return (
    headerRowOf(main) <= 10 && fields.size >= 5 && (!ledger || (ledger.header !== null && ledger.titleRows + 1 <= 10))
  );
}

/** field id → its column (the leftmost when given twice). */
function fieldColumns(main: MainSheet): Map<string, number> {
  const cols = new Map<string, number>();
  main.columns.forEach((c, i) => {
    if (c.kind === "field" && !cols.has(c.field)) cols.set(c.field, i + 1);
  });
  return cols;
}

const kindOf = (field: string) => FIELD_DEFS.get(field)?.kind ?? "text";
const expectOf = (t: Tags, field: string) => {
  const k = kindOf(field);
  return k === "text" ? "any" : t[k];
};

interface ExpectedUnit {
  row: number;
  key: string;
  tags: Map<string, Tags>;
  /** 尚未填报: every field the unit fills in (not the office's) is blank. */
  unreported: boolean;
}

/** The unit rows workbook.md says are there: below the header, not blank, not 合计/小计/总计/平均. */
function expectedUnits(main: MainSheet): ExpectedUnit[] {
  const cols = fieldColumns(main);
  const header = headerRowOf(main);
  const out: ExpectedUnit[] = [];
  main.rows.forEach((r, i) => {
    const tags = new Map([...cols].map(([f, c]) => [f, r.cells[c - 1].tags]));
    // a row of data without a name is no unit (workbook.md): its name cell is flagged at the top level instead
    if (r.name.key === "") return;
    if (SUMMARY_NAMES.includes(r.name.key)) return;
    const unreported = [...tags].every(([f, t]) => FIELD_DEFS.get(f)?.filledBy === "office" || t.evidence === "blank");
    out.push({ row: header + 1 + i, key: r.name.key, tags, unreported });
  });
  return out;
}

/** The count a field reads: its own value, unless a part greater than its whole (then invalid). */
function effectiveCount(field: string, u: ExpectedUnit): number | null {
  const t = u.tags.get(field);
  if (!t || t.count !== "ok" || t.n === undefined) return null;
  const whole = FIELD_DEFS.get(field)?.partOf;
  if (whole) {
    const w = effectiveCount(whole, u);
    if (w !== null && t.n > w) return null;
  }
  return t.n;
}

/** Required whatever the row's other fields say (rules-2020.md, conditional requirements aside). */
function alwaysRequired(field: string, ledger: boolean): boolean {
  const f = FIELD_DEFS.get(field);
  if (!f || f.required !== "always") return false;
  return !f.partOf && !f.requiredWhenYes && !f.requiredWhenPositive && !(f.replacedByLedger && ledger);
}

/** Bounds, sums and ranks (rules-2020.md "Leaves", "Ranking"). */
function checkScores(report: Report, bonusCap: number): void {
  const n = report.units.length;
  for (const u of report.units) {
    expect(Object.keys(u.leaves).sort()).toEqual(Object.keys(LEAF_MAX).sort());
    for (const [id, v] of Object.entries(u.leaves)) {
      if (!(v >= 0 && v <= LEAF_MAX[id] && twoDecimals(v))) throw new Error(`row ${u.row}: leaf ${id} = ${v}`);
    }
    for (const [ind, leaves] of Object.entries(INDICATOR_LEAVES)) {
      expect(cents(u.indicators[ind])).toBe(leaves.reduce((s, l) => s + cents(u.leaves[l]), 0));
    }
    if (!(u.bonus >= 0 && cents(u.bonus) <= cents(bonusCap) && twoDecimals(u.bonus)))
      throw new Error(`row ${u.row}: bonus ${u.bonus}`);
    expect(cents(u.total)).toBe(Object.values(u.leaves).reduce((s, l) => s + cents(l), 0) + cents(u.bonus));
    expect(u.rank).toBeGreaterThanOrEqual(1);
    expect(u.rank).toBeLessThanOrEqual(n);
    // 1, 2, 2, 4: a unit's rank is one more than the number of units with a higher total
    expect(u.rank).toBe(1 + report.units.filter((o) => cents(o.total) > cents(u.total)).length);
  }
}

/** Every unit scored; an unreadable value flagged invalid on its cell; a blank required one flagged missing; findings
 * only on the unit's own evidence cells; an absent required column named once for the workbook. */
function checkFindings(spec: WorkbookSpec, report: Report): void {
  const main = mainOf(spec);
  const ledger = ledgerOf(spec) !== undefined;
  const cols = fieldColumns(main);
  const units = expectedUnits(main);
  expect(report.units.map((u) => u.row)).toEqual(units.map((u) => u.row));
  const unitCol = main.columns.findIndex((c) => c.kind === "unit") + 1;
  const allowedCols = new Set([unitCol, ...cols.values()]);
  units.forEach((eu, i) => {
    const ru = report.units[i];
    expect(ru.unit).toBe(eu.key);
    const at = (kind: string, cell: string) => ru.findings.some((f) => f.kind === kind && f.cell === cell && !f.sheet);
    for (const [field, col] of cols) {
      const t = eu.tags.get(field) as Tags;
      const cell = address(eu.row, col);
      const e = expectOf(t, field);
      const whole = FIELD_DEFS.get(field)?.partOf;
      const w = whole ? effectiveCount(whole, eu) : null;
      const partTooBig = whole !== undefined && t.count === "ok" && t.n !== undefined && w !== null && t.n > w;
      const why = () =>
        `${cell} ${field} = ${JSON.stringify(t)}; findings: ${ru.findings.map((f) => `${f.kind} ${f.cell} ${f.message}`).join(" | ")}`;
      if (e === "bad" || partTooBig) must(at("invalid", cell), () => `expected an invalid finding: ${why()}`);
      if ((e === "ok" && !partTooBig) || e === "blank")
        must(!at("invalid", cell), () => `unexpected invalid: ${why()}`);
      if (e === "blank" && alwaysRequired(field, ledger) && !eu.unreported)
        must(at("missing", cell), () => `expected missing: ${why()}`);
    }
    // a unit that has not reported: one finding on its name, none on its blank cells
    if (eu.unreported) {
      must(
        ru.findings.some(
          (f) => f.kind === "missing" && f.cell === address(eu.row, unitCol) && /尚未填报/.test(f.message),
        ),
        () => `expected 尚未填报 on row ${eu.row}`,
      );
    }
    for (const f of ru.findings) {
      if (f.cell === undefined || f.sheet !== undefined) continue;
      const m = /^([A-Z]+)(\d+)$/.exec(f.cell) as RegExpExecArray;
      let col = 0;
      for (const ch of m[1]) col = col * 26 + ch.charCodeAt(0) - 64;
      expect({ cell: f.cell, row: Number(m[2]), allowed: allowedCols.has(col) }).toEqual({
        cell: f.cell,
        row: eu.row,
        allowed: true,
      });
    }
  });
  // nameless rows with data: flagged 缺少单位名称 on the name cell, at the top level
  main.rows.forEach((r, i) => {
    const hasData = [...cols.values()].some((c) => r.cells[c - 1].tags.evidence !== "blank");
    if (r.name.key !== "" || !hasData) return;
    const cell = address(headerRowOf(main) + 1 + i, unitCol);
    expect(report.findings).toContainEqual(
      expect.objectContaining({ kind: "invalid", cell, message: "数据有误：缺少单位名称" }),
    );
  });
  for (const f of RULEBOOK.fields) {
    if (cols.has(f.id) || f.required !== "always" || (f.replacedByLedger && ledger)) continue;
    expect(report.findings).toContainEqual(expect.objectContaining({ kind: "missing", field: f.id }));
  }
}

type Dump = Map<string, Map<string, CellDump>>;
const dumpAll = (wb: ExcelJS.Workbook): Dump => new Map(wb.worksheets.map((ws) => [ws.name, dumpSheet(ws)]));

/** Every cell of a file as ExcelJS reads it, with the notes read by the host's own reader: ExcelJS drops a note on an
 * empty cell without a style when it reads a file, which would hide the note from the comparison. */
async function dumpFile(bytes: Buffer, wb: ExcelJS.Workbook): Promise<Dump> {
  const dump = dumpAll(wb);
  for (const sheet of (await openPackage(bytes)).snapshot.sheets) {
    const cells = dump.get(sheet.name);
    if (!cells) continue;
    for (const [a1, note] of sheet.notes ?? []) {
      const cell = cells.get(a1);
      if (cell) cell.note = note;
      else cells.set(a1, { value: null, numFmt: "", font: null, border: null, alignment: null, fill: null, note });
    }
  }
  return dump;
}
const fillColor = (d: CellDump | undefined): string | undefined =>
  (d?.fill as { fgColor?: { argb?: string } } | null)?.fgColor?.argb;

interface Layout {
  sheets: { name: string; state: string; merges: string[]; hidden: number[] }[];
}
function layoutOf(wb: ExcelJS.Workbook): Layout {
  return {
    sheets: wb.worksheets.map((ws) => {
      const hidden: number[] = [];
      ws.eachRow({ includeEmpty: true }, (row, r) => {
        if (row.hidden) hidden.push(r);
      });
      return { name: ws.name, state: ws.state, merges: [...ws.model.merges].sort(), hidden };
    }),
  };
}

/** Nothing the office typed changed: every input cell keeps its value, formula, number format, note, font, border,
 * alignment and fill, except that a highlighted cell gets the highlight fill (and the tool's note when it had none).
 * New values stand only in the score columns of the header row and unit rows; the sheets, their order and visibility,
 * merged ranges and hidden rows stay as they were. */
function checkUnchanged(
  before: Dump,
  beforeLayout: Layout,
  scored: ExcelJS.Workbook,
  after: Dump,
  report: Report,
  headerRow: number,
): void {
  const mainSheet = report.sheet;
  const highlighted = new Map<string, "missing" | "invalid">();
  const mark = (f: Report["findings"][number]) => {
    if (f.kind === "warning" || f.cell === undefined) return;
    const key = `${f.sheet ?? mainSheet}!${f.cell}`;
    if (highlighted.get(key) !== "invalid") highlighted.set(key, f.kind);
  };
  for (const u of report.units) u.findings.forEach(mark);
  report.findings.forEach(mark);
  const ws = scored.getWorksheet(mainSheet) as ExcelJS.Worksheet;
  const scoreCols = new Set<number>();
  ws.getRow(headerRow).eachCell((c, col) => {
    if (typeof c.value === "string" && SCORE_HEADERS.has(c.value)) scoreCols.add(col);
  });
  const scoreRows = new Set([headerRow, ...report.units.map((u) => u.row)]);
  const isScoreCell = (sheet: string, addr: string) => {
    if (sheet !== mainSheet) return false;
    const c = ws.getCell(addr);
    return scoreCols.has(Number(c.col)) && scoreRows.has(Number(c.row));
  };

  const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);
  const show = (x: unknown) => {
    const t = JSON.stringify(x) ?? "undefined";
    return t.length > 200 ? `${t.slice(0, 200)}…` : t;
  };
  for (const [name, cells] of before) {
    const now = after.get(name) as Map<string, CellDump>;
    for (const [addr, was] of cells) {
      const is = now.get(addr);
      const key = `${name}!${addr}`;
      if (isScoreCell(name, addr)) {
        // a score went into a cell of its own: one the office left empty (no value, or a zero-length text, which is
        // how Office.js shows an empty cell to the core), with no note
        must(
          (was.value === null || was.value === "") && was.note === null,
          () => `score written over ${key}: ${show(was)}`,
        );
        continue;
      }
      const h = highlighted.get(key);
      for (const part of ["value", "numFmt"] as const) {
        must(same(is?.[part], was[part]), () => `${key} ${part} changed: ${show(was[part])} → ${show(is?.[part])}`);
      }
      if (h) {
        must(fillColor(is) === HIGHLIGHT_COLORS[h], () => `${key} not highlighted ${h}: ${show(is?.fill)}`);
        if (was.note === null) {
          must(String(is?.note).startsWith(NOTE_PREFIX), () => `${key} lacks the tool's note: ${show(is?.note)}`);
        } else must(same(is?.note, was.note), () => `${key} note changed: ${show(was.note)} → ${show(is?.note)}`);
      } else {
        for (const part of ["note", "fill", "font", "border", "alignment"] as const) {
          must(same(is?.[part], was[part]), () => `${key} ${part} changed: ${show(was[part])} → ${show(is?.[part])}`);
        }
      }
    }
    for (const [addr, is] of now) {
      if (cells.has(addr) || isScoreCell(name, addr)) continue;
      const key = `${name}!${addr}`;
      // a cell that was not there: a highlighted blank (fill and note only), else nothing in it
      must(is.value === null, () => `${key} written: ${show(is.value)}`);
      if (!highlighted.has(key)) must(is.note === null, () => `${key} got a note: ${show(is.note)}`);
    }
  }
  const now = layoutOf(scored).sheets.filter((s) => before.has(s.name));
  must(same(now, beforeLayout.sheets), () => `sheets changed: ${show(beforeLayout)} → ${show(now)}`);
  const names = scored.worksheets.map((w) => w.name);
  must(
    same(names.filter((n) => !before.has(n)).sort(), [RULEBOOK.rankingSheet, "_信用考核助手"].sort()),
    () => `sheets added: ${show(names)}`,
  );
}

const SCORE_HEADERS = new Set([...RULEBOOK.indicators.map((i) => i.column), "加分", "总分", "排名", "核查意见"]);

/** The numbers in the score columns are the report's. */
function checkWritten(scored: ExcelJS.Workbook, report: Report, headerRow: number, headers: readonly string[]): void {
  const ws = scored.getWorksheet(report.sheet) as ExcelJS.Worksheet;
  const col = new Map<string, number>();
  ws.getRow(headerRow).eachCell((c, i) => {
    if (typeof c.value === "string" && headers.includes(c.value) && !col.has(c.value)) col.set(c.value, i);
  });
  expect([...col.keys()].sort()).toEqual([...headers].sort());
  for (const u of report.units) {
    const get = (h: string) => ws.getCell(u.row, col.get(h) as number).value;
    expect({ row: u.row, total: get("总分"), rank: get("排名"), bonus: get("加分") }).toEqual({
      row: u.row,
      total: u.total,
      rank: u.rank,
      bonus: u.bonus,
    });
    RULEBOOK.indicators.forEach((ind) => expect(get(ind.column)).toBe(u.indicators[ind.id]));
  }
  const ranking = scored.getWorksheet(RULEBOOK.rankingSheet) as ExcelJS.Worksheet;
  expect(ranking.getCell(report.units.length + 2, 1).value).toBe(
    report.units.length && report.units.some((u) => u.rank !== null)
      ? Math.max(...report.units.map((u) => u.rank ?? 0))
      : report.units.length
        ? ""
        : "排名",
  );
}

/** Scores one workbook and checks every property; returns the report (null when it is not an assessment workbook). */
/** Scores one generated workbook's file and checks every property; the report is null when it is not an assessment
 * workbook. The office's cells are compared as ExcelJS reads them from the file before and after. */
async function scoreAndCheck(
  spec: WorkbookSpec,
  input: Buffer,
): Promise<{ report: Report | null; scored: ExcelJS.Workbook | null; bytes: Buffer | null }> {
  const wb = await read(input);
  const before = await dumpFile(input, wb);
  const beforeLayout = layoutOf(wb);
  const main = mainOf(spec);
  let result: Awaited<ReturnType<typeof scoreBuffer>>;
  try {
    result = await scoreBuffer(input, { settings: spec.settings });
  } catch (e) {
    // Only a workbook that is not an assessment workbook may be refused, with a WorkbookError (the CLI's exit 2).
    if (!(e instanceof WorkbookError) || scorable(spec)) throw e;
    return { report: null, scored: null, bytes: null };
  }
  must(scorable(spec), () => "scored a workbook that is not an assessment workbook");
  const { assessment } = result;
  const report = buildReport(assessment);
  const scored = await read(result.bytes);
  expect(report.sheet).toBe(main.name);
  checkScores(report, spec.settings.bonusCap);
  checkFindings(spec, report);
  checkUnchanged(before, beforeLayout, scored, await dumpFile(result.bytes, scored), report, headerRowOf(main));
  checkWritten(scored, report, headerRowOf(main), scoreHeaders(assessment));
  return { report, scored, bytes: result.bytes };
}

async function read(bytes: Buffer): Promise<ExcelJS.Workbook> {
  const out = new ExcelJS.Workbook();
  await out.xlsx.load(bytes as unknown as ArrayBuffer);
  return out;
}

/** Every OOXML_EVERY-th scored output goes through ooxml-check.py (a sample: a check costs about a scoring), and every
 * one once a check has failed, so fast-check shrinks the failure. A file ExcelJS wrote may be invalid already (every
 * sheet's notes VML in shape-id block 1): only errors scoring added fail. */
const OOXML_EVERY = 50;
let scoredOutputs = 0;
let ooxmlFailed = false;
async function sampleOoxmlCheck(input: Buffer, output: Buffer): Promise<void> {
  if (scoredOutputs++ % OOXML_EVERY !== 0 && !ooxmlFailed) return;
  const after = await ooxmlCheckAsync(output);
  if (after.ok) return;
  const added = addedErrors(await ooxmlCheckAsync(input), after);
  ooxmlFailed ||= added.length > 0;
  must(added.length === 0, () =>
    describeCheck(`scored output #${scoredOutputs} (errors the input did not have)`, { ...after, errors: added }),
  );
}

afterAll(stopWorkers);

/** A generated workbook as the file ExcelJS writes. */
const fileOf = async (wb: ExcelJS.Workbook): Promise<Buffer> => Buffer.from(await wb.xlsx.writeBuffer());

describe("fuzz: generated workbooks through the xlsx host", () => {
  it(
    `scores ${RUNS} generated workbooks: bounds, findings, nothing changed, deterministic`,
    async () => {
      await fc.assert(
        fc.asyncProperty(workbookSpec(false), async (spec) => {
          const input = await fileOf(buildWorkbook(spec));
          const first = await scoreAndCheck(spec, input);
          if (first.bytes === null) return;
          await sampleOoxmlCheck(input, first.bytes);
          // deterministic: the same file scored again gives the same bytes
          const again = await scoreBuffer(input, { settings: spec.settings });
          must(again.bytes.equals(first.bytes), () => "two scorings of one file differ");
        }),
        params(RUNS),
      );
    },
    Math.max(60_000, RUNS * 300),
  );

  it(
    `scores ${FILE_RUNS} generated workbooks, and the scored output again`,
    async () => {
      await fc.assert(
        fc.asyncProperty(workbookSpec(true), async (spec) => {
          const input = await fileOf(buildWorkbook(spec));
          const { report, bytes } = await scoreAndCheck(spec, input);
          if (report === null || bytes === null) return;
          await sampleOoxmlCheck(input, bytes);
          // scoring the output again gives the same report
          const again = buildReport((await scoreBuffer(bytes, { settings: spec.settings })).assessment);
          must(JSON.stringify(again) === JSON.stringify(report), () => "scoring the scored output again differs");
        }),
        params(FILE_RUNS),
      );
    },
    Math.max(60_000, FILE_RUNS * 1500),
  );
});
