// Reading and writing .xlsx files with ExcelJS, and scoring one end to end: the command line's whole job.
import { promises as fs } from "node:fs";
import path from "node:path";
import ExcelJS from "exceljs";
import { type Assessment, type AssessOptions, type Report, WorkbookError, assess, buildReport, plan } from "../../core";
import { applyPlan } from "./apply";
import { snapshot } from "./snapshot";

export async function loadWorkbook(file: string): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(file);
  return wb;
}

export interface ScoreResult {
  readonly assessment: Assessment;
  readonly report: Report;
  readonly workbook: ExcelJS.Workbook;
}

/** Settings saved in the workbook on an earlier run, under the ones given here. */
export function scoreWorkbook(wb: ExcelJS.Workbook, options: AssessOptions = {}): ScoreResult {
  const snap = snapshot(wb);
  const saved = snap.state?.settings ?? {};
  const assessment = assess(snap, { ...options, settings: { ...saved, ...options.settings } });
  applyPlan(wb, plan(assessment, snap));
  return { assessment, report: buildReport(assessment), workbook: wb };
}

/** Writes to a temporary file beside the target, then renames: an interrupted run leaves no half file. */
export async function saveWorkbook(wb: ExcelJS.Workbook, file: string): Promise<void> {
  const tmp = path.join(path.dirname(file), `.${path.basename(file)}.${process.pid}.tmp`);
  try {
    await wb.xlsx.writeFile(tmp);
    await fs.rename(tmp, file);
  } catch (e) {
    await fs.rm(tmp, { force: true });
    throw e;
  }
}

export { WorkbookError };
