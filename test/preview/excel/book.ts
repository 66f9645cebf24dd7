// The workbook the simulated Excel's own tests start from (test/preview/excel/): the fake must fail where Excel fails,
// or the host tests prove nothing.
import { FakeExcel } from "../../../src/preview/excel";

export function book(): FakeExcel {
  const excel = new FakeExcel();
  const s = excel.doc.add("考核表");
  s.cell(0, 0).value = "单位名称";
  s.cell(1, 0).value = "县发改局";
  return excel;
}
