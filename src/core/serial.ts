// Excel's date serial numbers and number formats, as both hosts meet them: the .xlsx file stores dates as serials under
// a date number format, and Excel hands the add-in the same serials with the format text.
/** Whether a number format shows a date: a d or y outside quoted text, escapes and [..] sections. Times (h:mm) are
 * not dates; General and 0.00 are not. */
export function isDateFormat(format: string): boolean {
  const bare = format
    .replace(/"[^"]*"/g, "")
    .replace(/\\./g, "")
    .replace(/\[[^\]]*\]/g, "")
    .replace(/[_*]./g, "");
  if (/^general$/i.test(bare.trim())) return false;
  return /[dy]/i.test(bare);
}

const DAY_MS = 86_400_000;
const EPOCH_1900 = Date.UTC(1899, 11, 30);

/** Excel's 1900 date system: serial 61 is 1900-03-01; below that Excel counts the phantom 1900-02-29, so one day
 * is added back. The time part is dropped. */
export function serialToDate(serial: number): string {
  const day = Math.floor(serial);
  const shifted = day < 61 ? day + 1 : day;
  return new Date(EPOCH_1900 + shifted * DAY_MS).toISOString().slice(0, 10);
}

export function dateToSerial(iso: string): number {
  const ms = Date.parse(`${iso}T00:00:00Z`);
  const day = Math.round((ms - EPOCH_1900) / DAY_MS);
  return day < 61 ? day - 1 : day;
}

/** Days from 1900-01-00 to 1904-01-01 in Excel's 1900 serials: a 1904 serial plus this is the 1900 serial. */
export const DAYS_1900_TO_1904 = 1462;
