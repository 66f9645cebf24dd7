// Scoring an .xlsx file end to end, the command line's whole job: read the package, snapshot it, assess, plan, apply
// the plan to the package's parts, write a new file. ExcelJS is only for building workbooks from nothing (the
// template) and for tests: exceljs.ts, loaded when used.
import { promises as fs } from "node:fs";
import path from "node:path";
import type ExcelJS from "exceljs";
import {
  type Assessment,
  type AssessOptions,
  type Report,
  type Snapshot,
  WorkbookError,
  assess,
  plan,
} from "../../core";
import { applyPlan } from "./apply";
import { readPackage } from "./package/package";
import { type Book, readBook } from "./read";
import { packageBytes, writePackage } from "./package/zip";

export { loadWorkbook, saveWorkbook, scoreWorkbook } from "./exceljs";

export interface Opened {
  readonly book: Book;
  readonly snapshot: Snapshot;
}

/** Reads and parses a package, from a file or its bytes: anything thrown here is about the file (not a zip, a zip
 * bomb — a ZipError —, broken XML). */
export async function openPackage(source: string | Uint8Array): Promise<Opened> {
  return readBook(readPackage(typeof source === "string" ? await fs.readFile(source) : source));
}

/** Assesses an opened workbook and applies the plan to its parts. Settings saved in the workbook on an earlier run
 * go under the ones given here. */
export function scoreBook({ book, snapshot }: Opened, options: AssessOptions = {}): Assessment {
  const saved = snapshot.memory?.settings ?? {};
  const assessment = assess(snapshot, { ...options, settings: { ...saved, ...options.settings } });
  applyPlan(book, plan(assessment, snapshot), snapshot);
  return assessment;
}

/** The hidden temporary file a write to `file` goes through. */
export function temporaryPath(file: string): string {
  return path.join(path.dirname(file), `.${path.basename(file)}.${process.pid}.tmp`);
}

/** Writes through a temporary file beside the target, then renames: an interrupted run leaves no half file. */
export async function atomically(file: string, write: (tmp: string) => Promise<void>): Promise<void> {
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
  await atomically(file, (tmp) => writePackage(book.pkg, tmp));
}

/** Reads `input`, scores it and writes the result to `output` (never over the input: the caller checks). */
export async function scoreFile(input: string, output: string, options: AssessOptions = {}): Promise<Assessment> {
  const opened = await openPackage(input);
  const assessment = scoreBook(opened, options);
  await writeBook(opened.book, output);
  return assessment;
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
  bytes: Uint8Array,
  options: AssessOptions = {},
): Promise<{ assessment: Assessment; bytes: Buffer }> {
  const opened = await openPackage(bytes);
  const assessment = scoreBook(opened, options);
  return { assessment, bytes: await packageBytes(opened.book.pkg) };
}

export { WorkbookError };
