// ExcelJS, loaded only when one of these runs: saving a workbook built with it (the template command), and the
// helpers tests use to build and change input workbooks (test/office imports them through workbook.ts). The command
// line's scoring never loads it (it takes most of a second to load); reading a workbook is read.ts's alone.
import type ExcelJS from "exceljs";
import { type AssessOptions, buildReport } from "../../core";
import { XlsxPackage } from "./package/package";
import { atomically, type ScoreResult, scoreBuffer } from "./workbook";

/** The ExcelJS module, loaded on first use. */
export async function excelJs(): Promise<typeof ExcelJS> {
  return (await import("exceljs")).default;
}

export async function loadWorkbook(file: string): Promise<ExcelJS.Workbook> {
  const wb = new (await excelJs()).Workbook();
  await wb.xlsx.readFile(file);
  return wb;
}

export async function saveWorkbook(wb: ExcelJS.Workbook, file: string): Promise<void> {
  await atomically(file, (tmp) => wb.xlsx.writeFile(tmp));
}

/** An ExcelJS workbook scored the way a file is: written to bytes, scored, and read back by ExcelJS (for tests that
 * look at the result as another spreadsheet library sees it). */
export async function scoreWorkbook(wb: ExcelJS.Workbook, options: AssessOptions = {}): Promise<ScoreResult> {
  const { assessment, bytes } = await scoreBuffer(Buffer.from(await wb.xlsx.writeBuffer()), options);
  const out = new (await excelJs()).Workbook();
  await out.xlsx.load(bytes as unknown as ArrayBuffer);
  return { assessment, report: buildReport(assessment), workbook: out, bytes };
}

/** ExcelJS's own part writers (lib/xlsx/xlsx.js, 4.4.0), in the order its write() calls them. Each renders its part
 * into the zip it is handed without waiting on anything, so a workbook without pictures becomes parts at once. */
const PART_WRITERS = [
  "addContentTypes",
  "addOfficeRels",
  "addWorkbookRels",
  "addWorksheets",
  "addSharedStrings",
  "addDrawings",
  "addTables",
  "addThemes",
  "addStyles",
  "addApp",
  "addCore",
  "addWorkbook",
] as const;

type PartWriter = (zip: { append(data: string | Uint8Array, o: { name: string }): void }, model: unknown) => unknown;

/** An ExcelJS workbook (as a test built or changed it) as the package its file would be, made synchronously, so that
 * what reads it is the command line's own reader. ExcelJS's write() only adds the zip around these parts. */
export function packageOfWorkbook(wb: ExcelJS.Workbook): XlsxPackage {
  if ((wb.model as { media?: unknown[] }).media?.length)
    throw new Error("packageOfWorkbook: pictures are not supported");
  const xlsx = wb.xlsx as unknown as { prepareModel(model: unknown, options: object): void } & Record<
    (typeof PART_WRITERS)[number],
    PartWriter
  >;
  const model = wb.model;
  const parts = new Map<string, Uint8Array | string>();
  const zip = { append: (data: string | Uint8Array, o: { name: string }) => void parts.set(o.name, data) };
  xlsx.prepareModel(model, {});
  for (const step of PART_WRITERS) void xlsx[step](zip, model);
  return new XlsxPackage(parts);
}
