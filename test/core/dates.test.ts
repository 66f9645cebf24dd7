// Dates as workbook.md reads them, and working days as rules-2020.md counts them (State Council holiday notices).
import { isWorkday } from "chinese-days";
import {
  type Day,
  UncoveredYear,
  WorkingDays,
  dayFromExcelSerial,
  dayFromYmd,
  formatDay,
  readDate,
  weekday,
  ymd,
} from "../../src/core/dates";
import type { CellValue } from "../../src/core/model";
import { CN_CALENDAR_2020_2021 } from "../../src/rules/calendar-cn";

const d = (s: string): Day => {
  const [y, m, dd] = s.split("-").map(Number);
  const day = dayFromYmd(y, m, dd);
  if (day === null) throw new Error(`bad test date ${s}`);
  return day;
};

function read(v: CellValue): string {
  const r = readDate(v);
  return r.state === "present" ? ymd(r.day) : r.state;
}

describe("readDate: the text forms of workbook.md", () => {
  test.each([
    ["2020-03-02"],
    ["2020/3/2"],
    ["2020.3.2"],
    ["2020年3月2日"],
    ["2020-3-2"],
    ["2020/03/02"],
    ["2020.03.02"],
    ["2020年03月02日"],
    [" 2020-03-02 "], // surrounding spaces
    ["２０２０－０３－０２"], // full-width, NFKC
    ["２０２０年３月２日"],
  ])("%j → 2020-03-02", (text) => {
    expect(read(text)).toBe("2020-03-02");
  });

  test("2020 is a leap year: 2020-02-29 is a date", () => {
    expect(read("2020-02-29")).toBe("2020-02-29");
    expect(read("2020年2月29日")).toBe("2020-02-29");
  });

  test.each([
    ["2020-02-30"],
    ["2021-02-29"], // 2021 is not a leap year
    ["2020-13-01"],
    ["2020-00-10"],
    ["2020-04-31"],
    ["2020年2月30日"],
    ["2020/2/30"],
    ["3/2/2020"], // not a form the spec lists
    ["20200302"],
    ["二〇二〇年三月二日"],
    ["2020-03-02 10:00"],
    ["明天"],
  ])("%j is invalid, with a reason", (text) => {
    const r = readDate(text);
    expect(r.state).toBe("invalid");
    if (r.state === "invalid") expect(r.reason).not.toBe("");
  });

  test("blank is missing, not invalid", () => {
    expect(readDate(null).state).toBe("missing");
    expect(readDate("").state).toBe("missing");
    expect(readDate("   ").state).toBe("missing");
    expect(readDate("\u3000").state).toBe("missing");
  });

  test("TRUE/FALSE and error values are invalid", () => {
    expect(readDate(true).state).toBe("invalid");
    expect(readDate(false).state).toBe("invalid");
    expect(readDate({ error: "#N/A" }).state).toBe("invalid");
    expect(readDate({ error: "#VALUE!" }).state).toBe("invalid");
  });
});

describe("readDate: date cells", () => {
  test("a date cell is read as its civil date", () => {
    expect(read({ date: "2020-03-02" })).toBe("2020-03-02");
    expect(read({ date: "2020-12-31" })).toBe("2020-12-31");
  });

  test("a time part is dropped", () => {
    expect(read({ date: "2020-03-02T23:59:00" })).toBe("2020-03-02");
  });

  test("an impossible date cell is invalid", () => {
    expect(readDate({ date: "2020-02-30" }).state).toBe("invalid");
    expect(readDate({ date: "not a date" }).state).toBe("invalid");
  });
});

describe("Excel serial numbers (1900 date system, with its phantom 1900-02-29)", () => {
  test.each([
    [1, "1900-01-01"], // serial 1 is the first day
    [59, "1900-02-28"], // last day before the leap-year bug
    [61, "1900-03-01"], // serial 60 is the phantom 29 Feb, so 61 is 1 March
    [43831, "2020-01-01"], // =DATE(2020,1,1)
    [43892, "2020-03-02"], // 43831 + 31 (Jan) + 29 (Feb 2020) + 1
    [44196, "2020-12-31"], // 43831 + 365 (2020 has 366 days: 1 Jan + 365)
    [44197, "2021-01-01"],
    [2958465, "9999-12-31"], // Excel's last date
  ])("%d → %s", (serial, text) => {
    expect(read(serial)).toBe(text);
    expect(ymd(dayFromExcelSerial(serial) as Day)).toBe(text);
  });

  test("serial 60 (1900-02-29, which never existed) is invalid", () => {
    expect(dayFromExcelSerial(60)).toBeNull();
    expect(readDate(60).state).toBe("invalid");
  });

  test("the boundary: 59 and 61 are two days apart", () => {
    expect((dayFromExcelSerial(61) as Day) - (dayFromExcelSerial(59) as Day)).toBe(1);
  });

  test("a time part is dropped: 43831.75 is 2020-01-01", () => {
    expect(read(43831.75)).toBe("2020-01-01");
    expect(read(43831.999)).toBe("2020-01-01");
  });

  test.each([0, -1, 0.5, 2958466, Number.NaN, Infinity])("%d is not a date", (serial) => {
    expect(readDate(serial).state).toBe("invalid");
  });
});

describe("civil days", () => {
  test("dayFromYmd refuses impossible dates", () => {
    expect(dayFromYmd(2020, 2, 30)).toBeNull();
    expect(dayFromYmd(2020, 2, 29)).not.toBeNull();
    expect(dayFromYmd(2019, 2, 29)).toBeNull();
    expect(dayFromYmd(2020, 0, 1)).toBeNull();
    expect(dayFromYmd(2020, 1, 0)).toBeNull();
    expect(dayFromYmd(2020.5, 1, 1)).toBeNull();
  });

  test("weekdays and formatting", () => {
    expect(weekday(d("2020-01-20"))).toBe(1); // Monday
    expect(weekday(d("2020-03-07"))).toBe(6); // Saturday
    expect(formatDay(d("2020-02-06"))).toBe("2020-02-06（周四）");
  });
});

// ---------------------------------------------------------------------------------------------------------------
// Working days, pinned to rules-2020.md's lists (written out here from the spec, not read from the calendar data).

function span(from: string, to: string): string[] {
  const out: string[] = [];
  for (let t = d(from); t <= d(to); t++) out.push(ymd(t));
  return out;
}

/** 2020 (国办发明电〔2019〕16号 + 〔2020〕1号) and 2021 (国办发明电〔2020〕27号) days off, from rules-2020.md. */
const SPEC_DAYS_OFF = [
  "2020-01-01",
  ...span("2020-01-24", "2020-02-02"),
  ...span("2020-04-04", "2020-04-06"),
  ...span("2020-05-01", "2020-05-05"),
  ...span("2020-06-25", "2020-06-27"),
  ...span("2020-10-01", "2020-10-08"),
  ...span("2021-01-01", "2021-01-03"),
  ...span("2021-02-11", "2021-02-17"),
  ...span("2021-04-03", "2021-04-05"),
  ...span("2021-05-01", "2021-05-05"),
  ...span("2021-06-12", "2021-06-14"),
  ...span("2021-09-19", "2021-09-21"),
  ...span("2021-10-01", "2021-10-07"),
];
/** Working weekend days, from rules-2020.md, with the weekday the spec names. */
const SPEC_WORKING_WEEKEND: [string, number][] = [
  ["2020-01-19", 0], // Sun
  ["2020-04-26", 0], // Sun
  ["2020-05-09", 6], // Sat
  ["2020-06-28", 0], // Sun
  ["2020-09-27", 0], // Sun
  ["2020-10-10", 6], // Sat
  ["2021-02-07", 0], // Sun
  ["2021-02-20", 6], // Sat
  ["2021-04-25", 0], // Sun
  ["2021-05-08", 6], // Sat
  ["2021-09-18", 6], // Sat
  ["2021-09-26", 0], // Sun
  ["2021-10-09", 6], // Sat
];

describe("the working-day calendar of 2020 and 2021", () => {
  const wd = new WorkingDays(CN_CALENDAR_2020_2021);

  test.each(SPEC_DAYS_OFF)("%s is a day off", (day) => {
    expect(wd.isWorkingDay(d(day))).toBe(false);
  });

  test.each(SPEC_WORKING_WEEKEND)("%s (weekday %i) is a working day", (day, w) => {
    expect(weekday(d(day))).toBe(w);
    expect(wd.isWorkingDay(d(day))).toBe(true);
  });

  test("Sat 1 Feb 2020 is not a working day: the extension cancelled it", () => {
    expect(weekday(d("2020-02-01"))).toBe(6);
    expect(wd.isWorkingDay(d("2020-02-01"))).toBe(false);
  });

  test("every other day of 2020–2021 follows Monday–Friday", () => {
    const off = new Set(SPEC_DAYS_OFF);
    const on = new Set(SPEC_WORKING_WEEKEND.map(([s]) => s));
    const working: Record<string, number> = { "2020": 0, "2021": 0 };
    for (let t = d("2020-01-01"); t <= d("2021-12-31"); t++) {
      const s = ymd(t);
      const expected = off.has(s) ? false : on.has(s) ? true : weekday(t) !== 0 && weekday(t) !== 6;
      expect([s, wd.isWorkingDay(t)]).toEqual([s, expected]);
      if (expected) working[s.slice(0, 4)]++;
    }
    // 2020 (366 days from Wed 1 Jan): 52 weeks = 260 weekdays + Wed 30, Thu 31 Dec = 262 weekdays.
    // Weekday days off: 1 Jan (1); Fri 24, Mon–Fri 27–31 Jan (6); Mon 6 Apr (1); Fri 1, Mon 4, Tue 5 May (3);
    // Thu 25, Fri 26 Jun (2); Thu 1, Fri 2, Mon–Thu 5–8 Oct (6) = 19. Working weekend days: 6. 262 − 19 + 6 = 249.
    // 2021 (365 days from Fri 1 Jan): 260 + Fri 31 Dec = 261 weekdays. Weekday days off: Fri 1 Jan (1);
    // Thu 11, Fri 12, Mon–Wed 15–17 Feb (5); Mon 5 Apr (1); Mon–Wed 3–5 May (3); Mon 14 Jun (1); Mon 20, Tue 21 Sep (2);
    // Fri 1, Mon–Thu 4–7 Oct (5) = 18. Working weekend days: 7. 261 − 18 + 7 = 250.
    expect(working).toEqual({ "2020": 249, "2021": 250 });
  });

  test("a day the calendar does not cover has no answer", () => {
    expect(() => wd.isWorkingDay(d("2019-12-31"))).toThrow(UncoveredYear);
    expect(() => wd.isWorkingDay(d("2022-01-04"))).toThrow(/2022/);
    expect(wd.covers(d("2020-06-01"))).toBe(true);
    expect(wd.covers(d("2022-06-01"))).toBe(false);
  });

  test("agrees with chinese-days' isWorkday on every day of 2020–2021 (the notices win on any difference)", () => {
    const differ: string[] = [];
    for (let t = d("2020-01-01"); t <= d("2021-12-31"); t++) {
      const s = ymd(t);
      if (isWorkday(s) !== wd.isWorkingDay(t)) differ.push(s);
    }
    expect(differ).toEqual([]);
  });
});

describe("the 7-working-day deadline: the worked examples of rules-2020.md", () => {
  const wd = new WorkingDays(CN_CALENDAR_2020_2021);

  test.each([
    // Mon 20 Jan: 21, 22, 23 Jan (1–3); 24 Jan – 2 Feb off; 3, 4, 5, 6 Feb (4–7)
    ["2020-01-20", "2020-02-06", 4],
    // Wed 30 Sep: 1–8 Oct off; Fri 9 (1), Sat 10 Oct works (2), 12–16 Oct (3–7)
    ["2020-09-30", "2020-10-16", 5],
    // Thu 31 Dec: 1–3 Jan off; 4–8 Jan (1–5), 11, 12 Jan (6–7)
    ["2020-12-31", "2021-01-12", 2],
    // Sat 7 Mar: the day itself never counts; 9–13 Mar (1–5), 16, 17 Mar (6–7)
    ["2020-03-07", "2020-03-17", 2],
  ])("effective %s → deadline %s (weekday %i)", (effective, deadline, w) => {
    const got = wd.deadline(d(effective), 7);
    expect(ymd(got)).toBe(deadline);
    expect(weekday(got)).toBe(w);
  });

  test("without the Spring Festival extension the first example would end on 4 Feb (the extension matters)", () => {
    // The first notice: 24–30 Jan off, Sat 1 Feb worked. 21, 22, 23 (1–3), 31 Jan (4), Sat 1 Feb (5), 3, 4 Feb (6–7).
    const first = new WorkingDays({
      ...CN_CALENDAR_2020_2021,
      daysOff: CN_CALENDAR_2020_2021.daysOff.filter((s) => !["2020-01-31", "2020-02-01", "2020-02-02"].includes(s)),
      workingWeekendDays: [...CN_CALENDAR_2020_2021.workingWeekendDays, "2020-02-01"],
    });
    expect(ymd(first.deadline(d("2020-01-20"), 7))).toBe("2020-02-04");
  });

  test("a deadline reaching 2022 throws, naming the year", () => {
    // Tue 28 Dec 2021: 29, 30, 31 Dec (1–3), then 2022, which the calendar does not cover
    expect(() => wd.deadline(d("2021-12-28"), 7)).toThrow(UncoveredYear);
    try {
      wd.deadline(d("2021-12-28"), 7);
    } catch (e) {
      expect((e as UncoveredYear).year).toBe(2022);
      expect((e as Error).message).toContain("2022");
    }
  });

  test("a deadline that stays inside 2021 is fine even late in the year", () => {
    // Mon 20 Dec 2021: 21–24 Dec (1–4), 27–29 Dec (5–7)
    expect(ymd(wd.deadline(d("2021-12-20"), 7))).toBe("2021-12-29");
  });
});
