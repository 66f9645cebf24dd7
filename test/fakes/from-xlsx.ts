// The fake Excel from an .xlsx file on disk (documentFrom, in from-exceljs.ts, builds its document).
import { loadWorkbook } from "../../src/hosts/xlsx/workbook";
import { FakeExcel } from "./excel";
import { documentFrom } from "./from-exceljs";

export { documentFrom };

/** The shared sample, as the repository carries it (samples/ is a copy of ../shared/samples). */
export const SAMPLE = `${__dirname}/../../samples/sample-2020.xlsx`;

export async function fakeFromFile(file: string): Promise<FakeExcel> {
  return new FakeExcel(documentFrom(await loadWorkbook(file)));
}
