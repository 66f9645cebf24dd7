import { dateToSerial, isDateFormat, serialToDate } from "../../src/core/serial";

describe("Excel date serials and number formats", () => {
  it.each([
    ["yyyy/m/d", true],
    ["yyyy-mm-dd", true],
    ['yyyy"年"m"月"d"日"', true],
    ["[$-804]yyyy年m月d日", true],
    ["m/d/yy h:mm", true],
    ["General", false],
    ["0.00", false],
    ["@", false],
    ["h:mm:ss", false],
    ['0"天"', false],
    ["[Red]0.00", false],
  ])("isDateFormat(%s) is %s", (f, want) => {
    expect(isDateFormat(f)).toBe(want);
  });

  it("turns serials into dates across Excel's 1900 leap-year quirk", () => {
    expect(serialToDate(43892)).toBe("2020-03-02");
    expect(serialToDate(43892.75)).toBe("2020-03-02");
    expect(serialToDate(61)).toBe("1900-03-01");
    expect(serialToDate(59)).toBe("1900-02-28");
    expect(serialToDate(1)).toBe("1900-01-01");
    for (const d of ["2020-01-01", "2021-12-31", "1900-01-01", "1900-03-01"])
      expect(serialToDate(dateToSerial(d))).toBe(d);
  });
});
