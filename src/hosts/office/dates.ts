/// <reference types="office-js" />
// The workbook's date system. A workbook may count dates from 1904 (serial 0 = 1904-01-01) rather than from 1900; the
// command line reads it from the file (`workbookPr date1904`), but the Excel JavaScript API has no generally
// available property for it. Excel's own DATE function answers in the workbook's system ("year Is a number from 1900
// or 1904 (depending on the workbook's date system)", @types/office-js, Excel.Functions.date): DATE(1904,1,1) is 0 in
// the 1904 system and 1462 in the 1900 one. Workbook.functions (ExcelApi 1.2) evaluates it without writing anything,
// in the first read's round trip.

/** Queues DATE(1904,1,1). */
export function queueDateSystem(workbook: Excel.Workbook): Excel.FunctionResult<number> {
  const probe = workbook.functions.date(1904, 1, 1);
  probe.load("value,error");
  return probe;
}

/** After the sync: whether the workbook counts dates from 1904. An answer that is neither (an error) is taken as the
 * usual 1900 system. */
export function takeDateSystem(probe: Excel.FunctionResult<number>): boolean {
  return !probe.error && probe.value === 0;
}
