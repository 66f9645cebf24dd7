// The fake Excel from an .xlsx file on disk, its bytes, or an ExcelJS workbook a test built or changed: each becomes
// the package its file would be and is read by the command line's own reader (src/preview/from-package.ts builds the document).
import { readFileSync } from "node:fs";
import type ExcelJS from "exceljs";
import { packageOfWorkbook } from "../../src/hosts/xlsx/exceljs";
import { XlsxPackage, readPackage } from "../../src/hosts/xlsx/package/package";
import { FakeDocument, FakeExcel } from "../../src/preview/excel";
import { documentFrom as documentOfPackage } from "../../src/preview/from-package";

/** The shared sample, as the repository carries it (samples/ is a copy of ../shared/samples). */
export const SAMPLE = `${__dirname}/../../samples/sample-2020.xlsx`;

export function documentFrom(source: ExcelJS.Workbook | XlsxPackage | Uint8Array): FakeDocument {
  const pkg =
    source instanceof XlsxPackage
      ? source
      : source instanceof Uint8Array
        ? readPackage(source)
        : packageOfWorkbook(source);
  return documentOfPackage(pkg);
}

export async function fakeFromFile(file: string): Promise<FakeExcel> {
  return new FakeExcel(documentFrom(readFileSync(file)));
}
