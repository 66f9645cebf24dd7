import { officeFill, ownFill, rangeOrigin, cellValueOf } from "../../../src/hosts/office/cells";
import { SheetRead } from "../../../src/hosts/office/sheet-read";

describe("Excel cells → CellValue", () => {
  it("reads types: errors, booleans, blanks, dates only when the format says so", () => {
    expect(cellValueOf("#N/A", "Error", "General")).toEqual({ error: "#N/A" });
    expect(cellValueOf("#N/A", "String", "General")).toBe("#N/A");
    expect(cellValueOf(true, "Boolean", "General")).toBe(true);
    expect(cellValueOf("", "Empty", "General")).toBeNull();
    expect(cellValueOf(43892, "Double", "yyyy/m/d")).toEqual({ date: "2020-03-02" });
    expect(cellValueOf(12, "Double", "0")).toBe(12);
    expect(cellValueOf(0, "Double", "yyyy/m/d")).toBe(0);
  });

  it("places a used range that does not start at A1", () => {
    expect(rangeOrigin("'my sheet'!C5:F9")).toEqual({ row: 4, col: 2 });
    const read = new SheetRead("考核表", true);
    read.absorb({ row: 2, col: 1, rows: 1, cols: 2 }, [["a", ""]], [["String", "Empty"]], [["General", "General"]]);
    expect(read.snapshot().rows).toEqual([[], [], [null, "a"]]);
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
