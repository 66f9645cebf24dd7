// The .xlsx host's own reader and writer on parts written by hand: what other writers than ExcelJS put in a file
// (namespace prefixes, phonetic runs, inline strings, zh-CN date formats, the 1904 date system, rows without r).
import ExcelJS from "exceljs";
import { readBook } from "../../../../src/hosts/xlsx/read";
import { scoreBuffer } from "../../../../src/hosts/xlsx/workbook";
import { load } from "../util";
import { XlsxPackage, readPackage } from "../../../../src/hosts/xlsx/package/package";
import { patchSheetXml } from "../../../../src/hosts/xlsx/parts/worksheet";
import { fillXml } from "../../../../src/hosts/xlsx/parts/styles/fill";
import { Styles } from "../../../../src/hosts/xlsx/parts/styles/styles";
import { escapeText, unescapeOoxml } from "../../../../src/hosts/xlsx/parts/xml";

const MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
const REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";

function pkgWith(sheet: string, opts: { strings?: string; styles?: string; workbookPr?: string } = {}): XlsxPackage {
  const parts = new Map<string, string>([
    ["[Content_Types].xml", '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"></Types>'],
    [
      "_rels/.rels",
      `<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="${REL}/officeDocument" Target="xl/workbook.xml"/></Relationships>`,
    ],
    [
      "xl/workbook.xml",
      `<x:workbook xmlns:x="${MAIN}" xmlns:r="${REL}">${opts.workbookPr ?? ""}<x:sheets><x:sheet name="考核表" sheetId="1" r:id="rId1"/></x:sheets></x:workbook>`,
    ],
    [
      "xl/_rels/workbook.xml.rels",
      `<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="${REL}/worksheet" Target="/xl/worksheets/sheet1.xml"/><Relationship Id="rId2" Type="${REL}/sharedStrings" Target="sharedStrings.xml"/><Relationship Id="rId3" Type="${REL}/styles" Target="styles.xml"/></Relationships>`,
    ],
    ["xl/worksheets/sheet1.xml", `<x:worksheet xmlns:x="${MAIN}"><x:sheetData>${sheet}</x:sheetData></x:worksheet>`],
    ["xl/sharedStrings.xml", `<sst xmlns="${MAIN}">${opts.strings ?? ""}</sst>`],
  ]);
  if (opts.styles) parts.set("xl/styles.xml", `<styleSheet xmlns="${MAIN}">${opts.styles}</styleSheet>`);
  return new XlsxPackage(parts);
}

const STYLES =
  '<numFmts count="1"><numFmt numFmtId="164" formatCode="yyyy&quot;年&quot;m&quot;月&quot;d&quot;日&quot;"/></numFmts>' +
  '<fills count="3"><fill><patternFill/></fill><fill><patternFill patternType="gray125"/></fill>' +
  '<fill><patternFill patternType="solid"><fgColor rgb="FF00B050"/></patternFill></fill></fills>' +
  '<cellXfs count="4"><xf numFmtId="0" fontId="0" fillId="0"/><xf numFmtId="31" fontId="0" fillId="0"/>' +
  '<xf numFmtId="164" fontId="0" fillId="0"/><xf numFmtId="0" fontId="0" fillId="2" applyFill="1"/></cellXfs>';

describe("reading an .xlsx package", () => {
  it("reads values by type, with prefixes, phonetic runs left out, and rows and cells without r", () => {
    const { snapshot } = readBook(
      pkgWith(
        '<x:row r="1"><x:c r="A1" t="s"><x:v>0</x:v></x:c><x:c r="C1" t="inlineStr"><x:is><x:t>县 &amp; 局</x:t></x:is></x:c></x:row>' +
          '<x:row><x:c t="b"><x:v>1</x:v></x:c><x:c t="e"><x:v>#N/A</x:v></x:c><x:c><x:v>12.5</x:v></x:c>' +
          '<x:c t="str"><x:f>A1&amp;""</x:f><x:v></x:v></x:c><x:c><x:v>NaN</x:v></x:c></x:row>',
        {
          strings:
            '<si><r><t>县发</t></r><r><t>改局</t></r><rPh sb="0" eb="1"><t>けん</t></rPh></si>' +
            "<si><t>_x000D_</t></si>",
        },
      ),
    );
    const rows = snapshot.sheets[0].rows;
    expect(rows[0]).toEqual(["县发改局", null, "县 & 局"]);
    expect(rows[1]).toEqual([true, { error: "#N/A" }, 12.5, "", { error: "#NUM!" }]);
    expect(snapshot.sheets[0].blankFormulas).toEqual(["D2"]);
  });

  it("reads zh-CN built-in and custom date formats as dates, in both date systems, and a cell's fill", () => {
    const sheet =
      '<x:row r="1"><x:c r="A1" s="1"><x:v>43891</x:v></x:c><x:c r="B1" s="2"><x:v>43891.75</x:v></x:c>' +
      '<x:c r="C1"><x:v>43891</x:v></x:c><x:c r="D1" s="3"/></x:row>';
    const d1900 = readBook(pkgWith(sheet, { styles: STYLES })).snapshot.sheets[0];
    expect(d1900.rows[0]).toEqual([{ date: "2020-03-01" }, { date: "2020-03-01" }, 43891]);
    expect(d1900.fills?.get("D1")).toEqual({ type: "pattern", pattern: "solid", fgColor: { argb: "FF00B050" } });
    expect(d1900.fills?.get("A1")).toBeUndefined();
    const d1904 = readBook(pkgWith(sheet, { styles: STYLES, workbookPr: '<x:workbookPr date1904="1"/>' }));
    expect(d1904.snapshot.sheets[0].rows[0][0]).toEqual({ date: "2024-03-02" });
  });
});

describe("writing cells into a worksheet part", () => {
  const styles = () => new Styles(`<styleSheet xmlns="${MAIN}">${STYLES}</styleSheet>`);

  it("puts new cells in column order inside and after a row, adds missing rows in order, keeps the rest", () => {
    const xml =
      `<worksheet xmlns="${MAIN}"><dimension ref="A1:C3"/><sheetData>` +
      '<row r="1" spans="1:3"><c r="A1"><v>1</v></c><c r="C1" s="3"><v>3</v></c></row>' +
      '<row r="3" hidden="1"/></sheetData><mergeCells count="0"/></worksheet>';
    const s = styles();
    const changes = new Map([
      [
        1,
        new Map([
          [2, { value: { v: "中" } }],
          [4, { value: { v: 4.5 } }],
          [3, { style: { fill: null } }],
        ]),
      ],
      [2, new Map([[1, { value: { v: "新行" } }]])],
      [3, new Map([[2, { value: { v: 7 } }]])],
    ]);
    const out = patchSheetXml(xml, changes, s).join("");
    expect(out).toContain('<dimension ref="A1:D3"/>');
    expect(out).toContain(
      '<row r="1"><c r="A1"><v>1</v></c><c r="B1" t="inlineStr"><is><t>中</t></is></c><c r="C1" s="4"><v>3</v></c><c r="D1"><v>4.5</v></c></row>',
    );
    expect(out).toContain('<row r="2"><c r="A2" t="inlineStr"><is><t>新行</t></is></c></row><row r="3" hidden="1">');
    expect(out).toContain('<row r="3" hidden="1"><c r="B3"><v>7</v></c></row></sheetData><mergeCells count="0"/>');
    // the cell's own style kept all but its fill
    expect(s.toXml()).toContain('<xf numFmtId="0" fontId="0" fillId="0" applyFill="1"/>');
  });

  it("gives back a fill saved by the add-in or by ExcelJS, and never an invalid pattern", () => {
    expect(fillXml({ color: "#FFFF00", pattern: "Solid" })).toBe(
      '<fill><patternFill patternType="solid"><fgColor rgb="FFFFFF00"/></patternFill></fill>',
    );
    expect(fillXml({ color: "#FFFFFF", pattern: "Gray25", patternColor: "#FF0000" })).toBe(
      '<fill><patternFill patternType="lightGray"><fgColor rgb="FFFF0000"/><bgColor rgb="FFFFFFFF"/></patternFill></fill>',
    );
    expect(fillXml({ type: "pattern", pattern: "solid", fgColor: { argb: "FF00B050" } })).toBe(
      '<fill><patternFill patternType="solid"><fgColor rgb="FF00B050"/></patternFill></fill>',
    );
    expect(fillXml({ type: "pattern", pattern: 'Solid"/><x' })).toBe('<fill><patternFill patternType="none"/></fill>');
    expect(fillXml({ color: 12 })).toBe('<fill><patternFill patternType="none"/></fill>');
  });

  it("escapes what XML cannot hold and reads it back", () => {
    const text = "a<b>&c\u0001_x0041_";
    expect(escapeText(text)).toBe("a&lt;b&gt;&amp;c_x0001__x005F_x0041_");
    expect(unescapeOoxml("c_x0001__x005F_x0041_")).toBe("c\u0001_x0041_");
  });
});

describe("parts the plan does not touch", () => {
  it("are copied byte for byte: a picture on the assessment sheet, its drawing, the theme, docProps", async () => {
    const wb = await load();
    const png = Buffer.from(
      "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==",
      "base64",
    );
    const image = wb.addImage({ buffer: png, extension: "png" } as unknown as ExcelJS.Image);
    (wb.getWorksheet("考核表") as ExcelJS.Worksheet).addImage(image, "B42:D46");
    const input = Buffer.from(await wb.xlsx.writeBuffer());
    const { bytes } = await scoreBuffer(input);
    const parts = async (buf: Buffer) => {
      const pkg = await readPackage(buf);
      return new Map(pkg.names().map((name) => [name, Buffer.from(pkg.bytes(name) as Uint8Array)]));
    };
    const before = await parts(input);
    const after = await parts(bytes);
    const untouched = [...before.keys()].filter(
      (name) => !/worksheets\/(_rels\/)?sheet\d\.xml(\.rels)?$|styles|workbook|Content_Types|comments|vml/.test(name),
    );
    expect(untouched).toEqual(
      expect.arrayContaining(["xl/media/image1.png", "xl/drawings/drawing1.xml", "xl/theme/theme1.xml"]),
    );
    for (const name of untouched)
      expect({ name, same: after.get(name)?.equals(before.get(name) as Buffer) }).toEqual({ name, same: true });
    // and the sheet still points at its drawing (its relationships gain the notes', and keep the drawing's)
    expect(after.get("xl/worksheets/sheet1.xml")?.toString("utf8")).toMatch(/<drawing r:id="rId\d+"\/>/);
    expect(after.get("xl/worksheets/_rels/sheet1.xml.rels")?.toString("utf8")).toContain("../drawings/drawing1.xml");
  });
});
