import {
  dateToSerial,
  isDateFormat,
  officeFill,
  ownFill,
  rangeOrigin,
  serialToDate,
  toCellValue,
  toRows,
} from "../../src/hosts/office/cells";

describe("Excel cells → CellValue", () => {
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

  it("reads types: errors, booleans, blanks, dates only when the format says so", () => {
    expect(toCellValue("#N/A", "Error", "General")).toEqual({ error: "#N/A" });
    expect(toCellValue("#N/A", "String", "General")).toBe("#N/A");
    expect(toCellValue(true, "Boolean", "General")).toBe(true);
    expect(toCellValue("", "Empty", "General")).toBeNull();
    expect(toCellValue(43892, "Double", "yyyy/m/d")).toEqual({ date: "2020-03-02" });
    expect(toCellValue(12, "Double", "0")).toBe(12);
    expect(toCellValue(0, "Double", "yyyy/m/d")).toBe(0);
  });

  it("places a used range that does not start at A1", () => {
    expect(rangeOrigin("'my sheet'!C5:F9")).toEqual({ row: 4, col: 2 });
    const rows = toRows([["a", ""]], [["String", "Empty"]], [["General", "General"]], 2, 1);
    expect(rows).toEqual([[], [], [null, "a"]]);
  });

  it("keeps a cell's own fill and gives it back, also one saved by the command line", () => {
    expect(ownFill({ color: "#FFFFFF", pattern: "None" })).toBeNull();
    expect(ownFill({ color: "#DDEBF7", pattern: "Solid" })).toEqual({ color: "#DDEBF7", pattern: "Solid" });
    expect(officeFill({ color: "#DDEBF7", pattern: "Solid" })).toEqual({ color: "#DDEBF7", pattern: "Solid" });
    expect(officeFill({ type: "pattern", pattern: "solid", fgColor: { argb: "FFDDEBF7" } })).toEqual({
      color: "#DDEBF7",
      pattern: "Solid",
    });
    expect(officeFill(null)).toBeNull();
  });
});
