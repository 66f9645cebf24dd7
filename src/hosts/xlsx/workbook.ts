// Scoring an .xlsx file end to end, the command line's whole job: read the package, snapshot it, assess, plan, apply
// the plan to the package's parts, write a new file. ExcelJS stays for what builds workbooks from nothing (the
// template, tests, the browser preview) and for tests that look at the result as a spreadsheet library sees it.
import { promises as fs } from "node:fs";
import path from "node:path";
import ExcelJS from "exceljs";
import {
  type Assessment,
  type AssessOptions,
  type Report,
  type Snapshot,
  WorkbookError,
  assess,
  buildReport,
  plan,
} from "../../core";
import { applyPlan } from "./apply";
import { readPackage } from "./package";
import { type Book, readBook } from "./read";

export interface Opened {
  readonly book: Book;
  readonly snapshot: Snapshot;
}

/** Reads and parses a package: anything thrown here is about the file (not a zip, broken XML). */
export async function openPackage(source: string | Buffer): Promise<Opened> {
  return readBook(await readPackage(source));
}

/** Assesses an opened workbook and applies the plan to its parts. Settings saved in the workbook on an earlier run
 * go under the ones given here. */
export function scoreBook({ book, snapshot }: Opened, options: AssessOptions = {}): Assessment {
  const saved = snapshot.state?.settings ?? {};
  const assessment = assess(snapshot, { ...options, settings: { ...saved, ...options.settings } });
  applyPlan(book, plan(assessment, snapshot), snapshot);
  return assessment;
}

/** The hidden temporary file a write to `file` goes through. */
export function temporaryPath(file: string): string {
  return path.join(path.dirname(file), `.${path.basename(file)}.${process.pid}.tmp`);
}

/** Writes through a temporary file beside the target, then renames: an interrupted run leaves no half file. */
async function atomically(file: string, write: (tmp: string) => Promise<void>): Promise<void> {
  const tmp = temporaryPath(file);
  try {
    await write(tmp);
    await fs.rename(tmp, file);
  } catch (e) {
    await fs.rm(tmp, { force: true });
    throw e;
  }
}

export async function writeBook(book: Book, file: string): Promise<void> {
  await atomically(file, (tmp) => book.pkg.writeFile(tmp));
}

/** Reads `input`, scores it and writes the result to `output` (never over the input: the caller checks). */
export async function scoreFile(input: string, output: string, options: AssessOptions = {}): Promise<Assessment> {
  const opened = await openPackage(input);
  const assessment = scoreBook(opened, options);
  await writeBook(opened.book, output);
  return assessment;
}

export async function loadWorkbook(file: string): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(file);
  return wb;
}

export async function saveWorkbook(wb: ExcelJS.Workbook, file: string): Promise<void> {
  await atomically(file, (tmp) => wb.xlsx.writeFile(tmp));
}

export interface ScoreResult {
  readonly assessment: Assessment;
  readonly report: Report;
  /** The scored file as ExcelJS reads it back. */
  readonly workbook: ExcelJS.Workbook;
  /** The scored file. */
  readonly bytes: Buffer;
}

/** An .xlsx file's bytes scored: the assessment and the scored file's bytes. */
export async function scoreBuffer(
  bytes: Buffer,
  options: AssessOptions = {},
): Promise<{ assessment: Assessment; bytes: Buffer }> {
  const opened = await openPackage(bytes);
  const assessment = scoreBook(opened, options);
  return { assessment, bytes: await opened.book.pkg.toBuffer() };
}

/** An ExcelJS workbook scored the way a file is: written to bytes, scored, and read back. */
export async function scoreWorkbook(wb: ExcelJS.Workbook, options: AssessOptions = {}): Promise<ScoreResult> {
  const { assessment, bytes } = await scoreBuffer(Buffer.from(await wb.xlsx.writeBuffer()), options);
  const out = new ExcelJS.Workbook();
  await out.xlsx.load(bytes as unknown as ArrayBuffer);
  return { assessment, report: buildReport(assessment), workbook: out, bytes };
}

export { WorkbookError };
