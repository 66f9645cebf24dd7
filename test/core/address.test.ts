import fc from "fast-check";
import {
  MAX_COLS,
  MAX_ROWS,
  address,
  columnLetters,
  columnNumber,
  columnOf,
  parseAddress,
  parseRange,
} from "../../src/core/address";

describe("A1 addresses", () => {
  it("letters and numbers are each other's inverse over Excel's 16,384 columns", () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: MAX_COLS }), fc.integer({ min: 1, max: MAX_ROWS }), (col, row) => {
        expect(columnNumber(columnLetters(col))).toBe(col);
        expect(columnOf(`${columnLetters(col)}${row}`)).toBe(col);
        expect(parseAddress(address(row, col))).toEqual([row, col]);
      }),
    );
    expect(columnLetters(16_384)).toBe("XFD");
  });

  it("reads cells, rectangles in either corner order, sheets, $ signs, whole columns and rows", () => {
    expect(parseRange("B7")).toEqual({ top: 7, left: 2, bottom: 7, right: 2 });
    expect(parseRange("考核表!$AF$40:B3")).toEqual({ top: 3, left: 2, bottom: 40, right: 32 });
    expect(parseRange("'My sheet!'!b3")).toEqual({ top: 3, left: 2, bottom: 3, right: 2 });
    expect(parseRange("C:A")).toEqual({ top: 1, left: 1, bottom: MAX_ROWS, right: 3 });
    expect(parseRange("5:3")).toEqual({ top: 3, left: 1, bottom: 5, right: MAX_COLS });
  });

  it("refuses what is not an address", () => {
    for (const bad of ["", "A0", "7B", "A1:B2:C3", "ABCD1", "单位名称", "0:3"]) expect(parseRange(bad)).toBeNull();
    expect(parseAddress("B7:C8")).toBeNull();
    expect(columnNumber("a")).toBe(0);
  });
});
