// Civil dates (no time, no zone) as day numbers, reading dates from cells, and working days by the holiday calendar.
import type { HolidayCalendar } from "../rules/calendar-cn";
import { type CellValue, isDateCell, isErrorCell } from "./model";

const MS_PER_DAY = 86_400_000;
/** Excel's 1900 date system: serial 1 is 1900-01-01, with the phantom 1900-02-29 at serial 60. */
const EXCEL_EPOCH_DAY = Date.UTC(1899, 11, 30) / MS_PER_DAY;

/** Days since 1970-01-01. */
export type Day = number;

export function dayFromYmd(y: number, m: number, d: number): Day | null {
  if (!Number.isInteger(y) || !Number.isInteger(m) || !Number.isInteger(d)) return null;
  if (y < 1900 || y > 9999 || m < 1 || m > 12 || d < 1 || d > 31) return null;
  const t = Date.UTC(y, m - 1, d);
  const back = new Date(t);
  if (back.getUTCFullYear() !== y || back.getUTCMonth() !== m - 1 || back.getUTCDate() !== d) return null;
  return t / MS_PER_DAY;
}

export function ymd(day: Day): string {
  return new Date(day * MS_PER_DAY).toISOString().slice(0, 10);
}

export function yearOf(day: Day): number {
  return new Date(day * MS_PER_DAY).getUTCFullYear();
}

/** 0 = Sunday … 6 = Saturday. */
export function weekday(day: Day): number {
  return new Date(day * MS_PER_DAY).getUTCDay();
}

const WEEKDAY_ZH = ["周日", "周一", "周二", "周三", "周四", "周五", "周六"];
/** "2020-02-06（周四）" */
export function formatDay(day: Day): string {
  return `${ymd(day)}（${WEEKDAY_ZH[weekday(day)]}）`;
}

export function dayFromExcelSerial(serial: number): Day | null {
  if (!Number.isFinite(serial) || serial < 1 || serial >= 2958466) return null;
  const whole = Math.floor(serial); // a time part is dropped
  if (whole === 60) return null; // 1900-02-29 never existed
  return EXCEL_EPOCH_DAY + (whole < 60 ? whole + 1 : whole);
}

const DATE_TEXT = /^(\d{4})(?:[-/.])(\d{1,2})(?:[-/.])(\d{1,2})$|^(\d{4})年(\d{1,2})月(\d{1,2})日$/;

export type DateReading =
  | { readonly state: "present"; readonly day: Day }
  | { readonly state: "missing" }
  | { readonly state: "invalid"; readonly reason: string };

/** A date cell, an Excel serial number, or text 2020-03-02, 2020/3/2, 2020.3.2, 2020年3月2日 (workbook.md). */
export function readDate(v: CellValue): DateReading {
  if (v === null) return { state: "missing" };
  if (isDateCell(v)) {
    const m = /^(\d{4})-(\d{2})-(\d{2})/.exec(v.date);
    const day = m ? dayFromYmd(Number(m[1]), Number(m[2]), Number(m[3])) : null;
    return day === null ? { state: "invalid", reason: `无法识别的日期“${v.date}”` } : { state: "present", day };
  }
  if (isErrorCell(v)) return { state: "invalid", reason: `单元格为错误值 ${v.error}` };
  if (typeof v === "number") {
    const day = dayFromExcelSerial(v);
    return day === null ? { state: "invalid", reason: `数字 ${v} 不是有效日期` } : { state: "present", day };
  }
  if (typeof v === "boolean") return { state: "invalid", reason: `“${v ? "TRUE" : "FALSE"}”不是日期` };
  const text = v.normalize("NFKC").replace(/\s+/g, "");
  if (text === "") return { state: "missing" };
  const m = DATE_TEXT.exec(text);
  if (m) {
    const [y, mo, d] = m[1] !== undefined ? [m[1], m[2], m[3]] : [m[4], m[5], m[6]];
    const day = dayFromYmd(Number(y), Number(mo), Number(d));
    if (day !== null) return { state: "present", day };
  }
  return { state: "invalid", reason: `“${v}”不是有效日期（应如 2020-03-02）` };
}

/** Working days by a holiday calendar; a day in a year the calendar does not cover has no answer. */
export class WorkingDays {
  private readonly off: Set<Day>;
  private readonly on: Set<Day>;
  private readonly years: Set<number>;

  constructor(readonly calendar: HolidayCalendar) {
    const toDay = (s: string): Day => Date.parse(`${s}T00:00:00Z`) / MS_PER_DAY;
    this.off = new Set(calendar.daysOff.map(toDay));
    this.on = new Set(calendar.workingWeekendDays.map(toDay));
    this.years = new Set(calendar.years);
  }

  covers(day: Day): boolean {
    return this.years.has(yearOf(day));
  }

  /** True for a working day; throws UncoveredYear for a day the calendar does not cover. */
  isWorkingDay(day: Day): boolean {
    if (!this.covers(day)) throw new UncoveredYear(yearOf(day));
    if (this.off.has(day)) return false;
    if (this.on.has(day)) return true;
    const w = weekday(day);
    return w !== 0 && w !== 6;
  }

  /** The last day to publish: the n-th working day after `effective` (the day itself never counts, 民法典 第二百零一条). */
  deadline(effective: Day, n: number): Day {
    let day = effective;
    let counted = 0;
    while (counted < n) {
      day += 1;
      if (this.isWorkingDay(day)) counted += 1;
    }
    return day;
  }
}

export class UncoveredYear extends Error {
  constructor(readonly year: number) {
    super(`节假日日历未覆盖 ${year} 年`);
    this.name = "UncoveredYear";
  }
}
