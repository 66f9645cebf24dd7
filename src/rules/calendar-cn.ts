// China's official working-day calendar, from the State Council's holiday notices (rules-2020.md "3.4").
// Only the years listed are covered: a date in another year has no answer here, never a Monday–Friday guess.

export interface HolidayCalendar {
  readonly years: readonly number[];
  /** 放假: days off, whatever the weekday. */
  readonly daysOff: readonly string[];
  /** 调休上班: weekend days that are working days. */
  readonly workingWeekendDays: readonly string[];
  readonly sources: readonly string[];
}

function span(from: string, to: string): string[] {
  const out: string[] = [];
  const start = Date.parse(`${from}T00:00:00Z`);
  const end = Date.parse(`${to}T00:00:00Z`);
  for (let t = start; t <= end; t += 86_400_000) out.push(new Date(t).toISOString().slice(0, 10));
  return out;
}

export const CN_CALENDAR_2020_2021: HolidayCalendar = Object.freeze({
  years: [2020, 2021],
  daysOff: [
    // 2020: 国办发明电〔2019〕16号, Spring Festival extended to 2 Feb by 国办发明电〔2020〕1号
    "2020-01-01",
    ...span("2020-01-24", "2020-02-02"),
    ...span("2020-04-04", "2020-04-06"),
    ...span("2020-05-01", "2020-05-05"),
    ...span("2020-06-25", "2020-06-27"),
    ...span("2020-10-01", "2020-10-08"),
    // 2021: 国办发明电〔2020〕27号
    ...span("2021-01-01", "2021-01-03"),
    ...span("2021-02-11", "2021-02-17"),
    ...span("2021-04-03", "2021-04-05"),
    ...span("2021-05-01", "2021-05-05"),
    ...span("2021-06-12", "2021-06-14"),
    ...span("2021-09-19", "2021-09-21"),
    ...span("2021-10-01", "2021-10-07"),
  ],
  workingWeekendDays: [
    // 2020 (Sat 1 Feb was cancelled by the extension)
    "2020-01-19",
    "2020-04-26",
    "2020-05-09",
    "2020-06-28",
    "2020-09-27",
    "2020-10-10",
    // 2021
    "2021-02-07",
    "2021-02-20",
    "2021-04-25",
    "2021-05-08",
    "2021-09-18",
    "2021-09-26",
    "2021-10-09",
  ],
  sources: ["国办发明电〔2019〕16号", "国办发明电〔2020〕1号", "国办发明电〔2020〕27号"],
});
