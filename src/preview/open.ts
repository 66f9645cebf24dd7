// Opening a workbook in the preview: an .xlsx file's bytes (the bundled sample, or a file the user picks or drops),
// read by the command line's own reader (src/hosts/xlsx: unzipped with fflate, within the same limits against zip
// bombs) into the simulated Excel the host tests use (src/preview/excel/), or an empty workbook.
import { readDetail } from "../hosts/xlsx/detail";
import { readPackage } from "../hosts/xlsx/package/package";
import { FakeDocument, FakeExcel } from "./excel";
import { documentOf } from "./from-package";
import { type Looks, lookOf } from "./look";

export interface OpenWorkbook {
  readonly name: string;
  readonly excel: FakeExcel;
  readonly looks: Looks;
}

/** ZIP's local file header: every .xlsx starts with it. */
function isZip(bytes: ArrayBuffer): boolean {
  const b = new Uint8Array(bytes, 0, Math.min(4, bytes.byteLength));
  return b.length === 4 && b[0] === 0x50 && b[1] === 0x4b && b[2] === 0x03 && b[3] === 0x04;
}

export class OpenError extends Error {}

export async function openXlsx(name: string, bytes: ArrayBuffer): Promise<OpenWorkbook> {
  if (!isZip(bytes)) throw new OpenError(`“${name}”不是 Excel 工作簿（.xlsx）。`);
  let details;
  try {
    details = readDetail(readPackage(new Uint8Array(bytes)));
  } catch (e) {
    throw new OpenError(`无法读取“${name}”：文件已损坏或不是 .xlsx 工作簿。（${(e as Error).message}）`);
  }
  const doc = documentOf(details);
  const looks: Looks = new WeakMap();
  details.forEach((d, i) => looks.set(doc.sheets[i], lookOf(d)));
  return { name, excel: new FakeExcel(doc), looks };
}

/** A new workbook as Excel makes it: one empty sheet. */
export function emptyWorkbook(name: string): OpenWorkbook {
  const doc = new FakeDocument();
  doc.add("Sheet1");
  doc.active = "Sheet1";
  return { name, excel: new FakeExcel(doc), looks: new WeakMap() };
}
