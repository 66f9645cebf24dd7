// The simulated Excel's merged areas (merges.ts, Range.getMergedAreasOrNullObject in range.ts).
import { FakeOfficeError } from "../../../src/preview/excel";
import { book } from "./book";

describe("fake Excel: merged areas", () => {
  it("reports only areas whose top-left cell lies in the range (office-js#3611), and fails above 512", async () => {
    const excel = book();
    const s = excel.doc.sheet("考核表")!;
    s.merges.push({ row: 4, col: 0, rows: 1, cols: 4 }); // A5:D5
    await excel.run(async (ctx) => {
      const ws = ctx.workbook.worksheets.getItem("考核表");
      const fromC = ws.getRange("C1:F9").getMergedAreasOrNullObject();
      const fromA = ws.getRange("A1:F9").getMergedAreasOrNullObject();
      fromA.load("address");
      await ctx.sync();
      expect(fromC.isNullObject).toBe(true); // A5:D5 reaches into C1:F9 but starts left of it
      expect(fromA.address).toBe("考核表!A5:D5");
    });
    for (let r = 10; r < 10 + 512; r++) s.merges.push({ row: r, col: 0, rows: 1, cols: 2 });
    await expect(
      excel.run(async (ctx) => {
        ctx.workbook.worksheets.getItem("考核表").getRange().getMergedAreasOrNullObject().load("address");
        await ctx.sync();
      }),
    ).rejects.toThrow(FakeOfficeError);
  });
});
