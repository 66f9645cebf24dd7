// The simulated Excel's load/sync semantics (context.ts, client-object.ts): as Excel's, or the host tests prove nothing.
import { FakeOfficeError } from "../../../src/preview/excel";
import { book } from "./book";

describe("fake Excel load/sync semantics", () => {
  it("throws PropertyNotLoaded for a property never loaded", async () => {
    const excel = book();
    await excel.run(async (ctx) => {
      const r = ctx.workbook.worksheets.getItem("考核表").getRange("A1:A2");
      await ctx.sync();
      expect(() => r.values).toThrow(expect.objectContaining({ code: "PropertyNotLoaded" }));
    });
  });

  it("throws PropertyNotLoaded for a property loaded but not yet synced, and gives it after the sync", async () => {
    const excel = book();
    await excel.run(async (ctx) => {
      const r = ctx.workbook.worksheets.getItem("考核表").getRange("A1:A2");
      r.load("values");
      expect(() => r.values).toThrow(FakeOfficeError);
      await ctx.sync();
      expect(r.values).toEqual([["单位名称"], ["县发改局"]]);
    });
  });

  it("knows isNullObject only after a sync", async () => {
    const excel = book();
    await excel.run(async (ctx) => {
      const missing = ctx.workbook.worksheets.getItemOrNullObject("没有");
      const there = ctx.workbook.worksheets.getItemOrNullObject("考核表");
      expect(() => missing.isNullObject).toThrow(FakeOfficeError);
      await ctx.sync();
      expect(missing.isNullObject).toBe(true);
      expect(there.isNullObject).toBe(false);
    });
  });

  it("runs queued writes only at sync, counts syncs, and rejects a sync with Excel's code", async () => {
    const excel = book();
    await expect(
      excel.run(async (ctx) => {
        const ws = ctx.workbook.worksheets.getItem("考核表");
        ws.getRange("B1").values = [["x"]];
        expect(excel.value("考核表", "B1")).toBe("");
        await ctx.sync();
        expect(excel.value("考核表", "B1")).toBe("x");
        ws.getRange("B1:C1").values = [["only one"]];
        await ctx.sync();
      }),
    ).rejects.toMatchObject({ code: "InvalidArgument" });
    expect(excel.syncCount).toBe(2);
  });

  it("stores numeric text as a number unless the cell is formatted as text, as Excel does", async () => {
    const excel = book();
    await excel.run(async (ctx) => {
      const ws = ctx.workbook.worksheets.getItem("考核表");
      ws.getRange("C1").values = [["12"]];
      const d = ws.getRange("D1");
      d.numberFormat = [["@"]];
      d.values = [["12"]];
      await ctx.sync();
    });
    expect(excel.value("考核表", "C1")).toBe(12);
    expect(excel.value("考核表", "D1")).toBe("12");
  });

  it("fails getItem on a missing sheet with ItemNotFound", async () => {
    const excel = book();
    await expect(
      excel.run(async (ctx) => {
        ctx.workbook.worksheets.getItem("没有").getRange("A1").values = [[1]];
        await ctx.sync();
      }),
    ).rejects.toMatchObject({ code: "ItemNotFound" });
  });
});
