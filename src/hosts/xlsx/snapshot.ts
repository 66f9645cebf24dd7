// An ExcelJS workbook's snapshot, read by the command line's own reader (read.ts) from the package the workbook would
// be written as. Kept for test/office/outcome.test.ts; new code reads with openPackage (workbook.ts) or readBook.
import type ExcelJS from "exceljs";
import type { Snapshot } from "../../core";
import { packageOfWorkbook } from "./exceljs";
import { readBook } from "./read";

/** @deprecated read a file or its bytes with openPackage (workbook.ts) instead. */
export function snapshot(wb: ExcelJS.Workbook): Snapshot {
  return readBook(packageOfWorkbook(wb)).snapshot;
}
