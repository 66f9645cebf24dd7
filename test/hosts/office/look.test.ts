// The look vocabulary (core/plan/look.ts) through Office.js: the add-in writes alignments Excel's enums accept, and
// the fake refuses anything else, as Excel does.
import { LOOKS, type Look, rankingBodyLook } from "../../../src/core";
import { OfficeWorkbook } from "../../../src/taskpane/office-workbook";
import { HENGDONG_2020 } from "../../../src/rules/hengdong-2020";
import { HORIZONTAL, VERTICAL } from "../../../src/hosts/office/look";
import { FakeExcel, HORIZONTAL_ALIGNMENTS, VERTICAL_ALIGNMENTS } from "../../../src/preview/excel";
import { fakeEnv } from "../../fakes/env";
import { loadWorkbook } from "../../../src/hosts/xlsx/workbook";
import { SAMPLE, documentFrom } from "../../fakes/from-xlsx";

describe("alignments through Office.js", () => {
  it("maps every alignment of the vocabulary to a value of Excel's enums", () => {
    for (const v of Object.values(HORIZONTAL)) expect(HORIZONTAL_ALIGNMENTS).toContain(v);
    for (const v of Object.values(VERTICAL)) expect(VERTICAL_ALIGNMENTS).toContain(v);
    expect(VERTICAL.center).toBe("Center");
    const looks: Look[] = [...Object.values(LOOKS), rankingBodyLook(0, 15, true, "0.00")];
    for (const l of looks) {
      if (l.alignment?.vertical) expect(VERTICAL[l.alignment.vertical]).toBeDefined();
      if (l.alignment?.horizontal) expect(HORIZONTAL[l.alignment.horizontal]).toBeDefined();
    }
  });

  it("the fake rejects a value outside the enum at sync, as Excel does", async () => {
    const excel = new FakeExcel(documentFrom(await loadWorkbook(SAMPLE)));
    await expect(
      excel.run(async (context) => {
        const range = context.workbook.worksheets.getItem("考核表").getRange("A1");
        (range.format as { verticalAlignment: string }).verticalAlignment = "middle";
        await context.sync();
      }),
    ).rejects.toMatchObject({ code: "InvalidArgument" });
  });

  it("writes the score headers and 考核排名 centred with Excel's names", async () => {
    const excel = new FakeExcel(documentFrom(await loadWorkbook(SAMPLE)));
    const outcome = await new OfficeWorkbook(fakeEnv(excel)).recalculate();
    const title = excel.doc.sheet("考核排名")!.get(0, 0)!;
    expect(title.verticalAlignment).toBe("Center");
    expect(title.horizontalAlignment).toBe("Center");
    // the first score column's header, written by the tool on the header row
    const sheet = excel.doc.sheet(outcome.sheet)!;
    const col = outcome.scoreColumns[0] - 1;
    const row = [...Array(20).keys()].find((r) => sheet.get(r, col)?.value === HENGDONG_2020.indicators[0].column)!;
    expect(row).toBeDefined();
    expect(sheet.get(row, col)?.verticalAlignment).toBe("Center");
    expect(sheet.get(row, col)?.horizontalAlignment).toBe("Center");
    expect(sheet.get(row, col)?.bold).toBe(true);
  });
});

describe("考核排名's print setup through Office.js", () => {
  it("one page wide, as many tall as needed: both fit properties set, so Excel does not ignore them", async () => {
    const excel = new FakeExcel(documentFrom(await loadWorkbook(SAMPLE)));
    await new OfficeWorkbook(fakeEnv(excel)).recalculate();
    const page = excel.doc.sheet("考核排名")!.page;
    expect(page.zoomIgnored).toBeUndefined();
    expect(page.zoom).toEqual({ horizontalFitToPages: 1, verticalFitToPages: 0 });
    expect(page).toMatchObject({ paperSize: "A4", orientation: "Landscape", printTitleRows: "$1:$2" });
  });

  it("the fake, as Excel was reported to, ignores a fit to width given alone (office-js#1860)", async () => {
    const excel = new FakeExcel(documentFrom(await loadWorkbook(SAMPLE)));
    await excel.run(async (context) => {
      context.workbook.worksheets.getItem("考核表").pageLayout.zoom = { horizontalFitToPages: 1 };
      await context.sync();
    });
    const page = excel.doc.sheet("考核表")!.page;
    expect(page.zoom).toBeUndefined();
    expect(page.zoomIgnored).toEqual({ horizontalFitToPages: 1 });
  });
});
