// What the host must cope with in the simulated Excel, as in Excel: protection, merged areas, used ranges, RangeAreas,
// request bytes, a workbook changed between two syncs.
import { book } from "./book";

describe("fake Excel: what the host must cope with", () => {
  it("refuses writes to a protected sheet at sync with AccessDenied, and formats too unless allowed", async () => {
    const excel = book();
    excel.doc.sheet("考核表")!.protection = { protected: true };
    await expect(
      excel.run(async (ctx) => {
        const ws = ctx.workbook.worksheets.getItem("考核表");
        ws.protection.load("protected");
        await ctx.sync();
        expect(ws.protection.protected).toBe(true);
        ws.getRange("B1").values = [["x"]];
        await ctx.sync();
      }),
    ).rejects.toMatchObject({ code: "AccessDenied" });
    expect(excel.value("考核表", "B1")).toBe("");
    excel.doc.sheet("考核表")!.protection = { protected: true, allowFormatCells: true };
    await excel.run(async (ctx) => {
      ctx.workbook.worksheets.getItem("考核表").getRange("A2").format.fill.color = "#FFE699";
      await ctx.sync();
    });
    expect(excel.cellModel("考核表", "A2")?.fill?.color).toBe("#FFE699");
  });

  it("refuses to add a sheet to a workbook whose structure is protected", async () => {
    const excel = book();
    excel.doc.protection.protected = true;
    await expect(
      excel.run(async (ctx) => {
        const p = ctx.workbook.protection;
        p.load("protected");
        await ctx.sync();
        expect(p.protected).toBe(true);
        ctx.workbook.worksheets.add("考核排名");
        await ctx.sync();
      }),
    ).rejects.toMatchObject({ code: "AccessDenied" });
    expect(excel.doc.sheet("考核排名")).toBeUndefined();
  });

  it("refuses a write that cuts through a merged area; a whole area or its top-left cell is fine", async () => {
    const excel = book();
    const s = excel.doc.sheet("考核表")!;
    s.merges.push({ row: 4, col: 0, rows: 2, cols: 1 }); // A5:A6
    await expect(
      excel.run(async (ctx) => {
        ctx.workbook.worksheets.getItem("考核表").getRange("A6:B6").values = [["x", "y"]];
        await ctx.sync();
      }),
    ).rejects.toMatchObject({ code: "InvalidOperation" });
    await excel.run(async (ctx) => {
      const ws = ctx.workbook.worksheets.getItem("考核表");
      ws.getRange("A5").values = [["县发改局"]];
      ws.getRange("A5:B6").values = [
        ["县财政局", 1],
        ["lost", 2],
      ];
      await ctx.sync();
    });
    expect(excel.value("考核表", "A5")).toBe("县财政局");
    expect(excel.value("考核表", "A6")).toBe("");
    expect(excel.value("考核表", "B6")).toBe(2);
  });

  it("gives the used cells inside a range, or a null object when there are none", async () => {
    const excel = book();
    excel.doc.sheet("考核表")!.cell(9, 3).value = 5; // D10
    await excel.run(async (ctx) => {
      const ws = ctx.workbook.worksheets.getItem("考核表");
      const top = ws.getRangeByIndexes(0, 0, 5, 64).getUsedRangeOrNullObject(true);
      top.load("address");
      const none = ws.getRangeByIndexes(20, 0, 5, 5).getUsedRangeOrNullObject(true);
      none.load("address");
      await ctx.sync();
      expect(top.isNullObject).toBe(false);
      expect(top.address).toBe("考核表!A1:A2");
      expect(none.isNullObject).toBe(true);
    });
  });

  it("sets or clears a fill on many areas at once, and refuses an address longer than Office takes", async () => {
    const excel = book();
    await excel.run(async (ctx) => {
      const ws = ctx.workbook.worksheets.getItem("考核表");
      ws.getRanges("B2,D4:D5").format.fill.color = "#ffc7ce";
      await ctx.sync();
    });
    expect(excel.cellModel("考核表", "D5")?.fill).toEqual({ color: "#FFC7CE", pattern: "Solid" });
    expect(excel.cellModel("考核表", "C3")?.fill ?? null).toBeNull();
    await excel.run(async (ctx) => {
      ctx.workbook.worksheets.getItem("考核表").getRanges("D4").format.fill.clear();
      await ctx.sync();
    });
    expect(excel.cellModel("考核表", "D4")?.fill).toBeNull();
    await expect(
      excel.run(async (ctx) => {
        ctx.workbook.worksheets.getItem("考核表").getRanges(Array(2000).fill("AB12345").join(","));
      }),
    ).rejects.toMatchObject({ code: "InvalidArgument" });
  });

  it("counts UTF-8 bytes: a Chinese character is three", async () => {
    const excel = book();
    await excel.run(async (ctx) => {
      ctx.workbook.worksheets.getItem("考核表").getRange("B1").values = [["考核"]];
      await ctx.sync();
    });
    // [["考核"]] is 2 + 1 + 6 + 1 + 2 bytes, plus 64 for each of the two commands (getItem, the write).
    expect(excel.syncs[0].bytesOut).toBe(12 + 2 * 64);
  });

  it("lets a test change the workbook between two syncs of the add-in", async () => {
    const excel = book();
    excel.onSync = (n) => {
      if (n === 2) excel.doc.sheet("考核表")!.cell(1, 0).value = "县财政局";
    };
    await excel.run(async (ctx) => {
      const r = ctx.workbook.worksheets.getItem("考核表").getRange("A2");
      r.load("values");
      await ctx.sync();
      expect(r.values).toEqual([["县发改局"]]);
      r.load("values");
      await ctx.sync();
      expect(r.values).toEqual([["县财政局"]]);
    });
  });
});
