// What Excel 2016 and later put in a workbook that ExcelJS and openpyxl never write, added to an assessment workbook
// (samples/sample-2020.xlsx read with readPackage) the way Excel writes it: its namespaces and mc:Ignorable on each
// root, its part names, relationships and content types, its XML declaration with CRLF, VML with CRLF line breaks.
// Each function changes the package in place and leaves it valid (ooxml-check.py passes on it, tested in
// test/hosts/xlsx/ooxml.test.ts); applyExcelFeatures applies them all.
//   (a) addOfficeNotes          the office's own notes, as Excel writes them (comments part with xr:uid, VML shapes)
//   (b) addHeaderFooterPicture  a picture in the page header: <headerFooter> &G, its VML part, <legacyDrawingHF>
//   (c) addExternalLink         a link to another workbook, <externalReferences>, and no <definedNames> at all
//   (d) addLedgerTable          the 双公示台账 range as a table (Insert > Table)
//   (e) addOfficeTotalColumn    the office's own 总分 column right of the data, one shared formula down the column
//   (f) addX14Extensions        x14 conditional formatting (a data bar) and an x14 list validation in <extLst>
//   (g) addAlternateContent     workbook.xml as Excel writes it: fileVersion, mc:AlternateContent with x15ac:absPath
//   (h) addDyDescent            x14ac:dyDescent on rows and sheetFormatPr, x14ac:knownFonts and Excel's styles extLst
import {
  CONTENT_TYPE,
  NS_REL,
  REL,
  type XlsxPackage,
  insertBeforeClose,
  relsName,
} from "../../src/hosts/xlsx/package/package";
import { type Book, readBook } from "../../src/hosts/xlsx/read";
import type { CellValue, SheetSnapshot } from "../../src/core";
import { columnLetters, parseAddress } from "../../src/core";
import {
  type Tag,
  attribute,
  children,
  escapeAttr,
  escapeText,
  findTag,
  nextTag,
  withAttribute,
} from "../../src/hosts/xlsx/parts/xml";

export const NS = {
  main: "http://schemas.openxmlformats.org/spreadsheetml/2006/main",
  r: NS_REL,
  mc: "http://schemas.openxmlformats.org/markup-compatibility/2006",
  x14ac: "http://schemas.microsoft.com/office/spreadsheetml/2009/9/ac",
  x14: "http://schemas.microsoft.com/office/spreadsheetml/2009/9/main",
  xm: "http://schemas.microsoft.com/office/excel/2006/main",
  x15: "http://schemas.microsoft.com/office/spreadsheetml/2010/11/main",
  x15ac: "http://schemas.microsoft.com/office/spreadsheetml/2010/11/ac",
  x16r2: "http://schemas.microsoft.com/office/spreadsheetml/2015/02/main",
  xr: "http://schemas.microsoft.com/office/spreadsheetml/2014/revision",
  xr2: "http://schemas.microsoft.com/office/spreadsheetml/2015/revision2",
  xr3: "http://schemas.microsoft.com/office/spreadsheetml/2016/revision3",
  xr6: "http://schemas.microsoft.com/office/spreadsheetml/2016/revision6",
  xr10: "http://schemas.microsoft.com/office/spreadsheetml/2016/revision10",
  v: "urn:schemas-microsoft-com:vml",
  o: "urn:schemas-microsoft-com:office:office",
  x: "urn:schemas-microsoft-com:office:excel",
} as const;

export const REL_TYPE = {
  ...REL,
  image: "http://schemas.openxmlformats.org/officeDocument/2006/relationships/image",
  table: "http://schemas.openxmlformats.org/officeDocument/2006/relationships/table",
  externalLink: "http://schemas.openxmlformats.org/officeDocument/2006/relationships/externalLink",
  externalLinkPath: "http://schemas.openxmlformats.org/officeDocument/2006/relationships/externalLinkPath",
} as const;

const CT = "application/vnd.openxmlformats-officedocument.";
export const CONTENT = {
  ...CONTENT_TYPE,
  table: `${CT}spreadsheetml.table+xml`,
  externalLink: `${CT}spreadsheetml.externalLink+xml`,
  calcChain: `${CT}spreadsheetml.calcChain+xml`,
  sharedStrings: `${CT}spreadsheetml.sharedStrings+xml`,
  png: "image/png",
} as const;

/** Excel starts every XML part with this declaration and a CRLF. */
export const XML_DECL = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\r\n';

/** The sample's sheets. */
export const ASSESSMENT_SHEET = "考核表";
export const LEDGER_SHEET = "双公示台账";

// ---------------------------------------------------------------------------------------------------------------------
// Parts and XML in place

// The schema orders are the fixtures' own, not the writer's (src/hosts/xlsx/parts/order.ts): a slip in one is not repeated
// in the other, and ooxml-check.py judges both.

/** Top-level elements of a worksheet, in the order CT_Worksheet (ISO/IEC 29500-1 §18.3.1.99) requires. */
export const WORKSHEET_ORDER = [
  "sheetPr",
  "dimension",
  "sheetViews",
  "sheetFormatPr",
  "cols",
  "sheetData",
  "sheetCalcPr",
  "sheetProtection",
  "protectedRanges",
  "scenarios",
  "autoFilter",
  "sortState",
  "dataConsolidate",
  "customSheetViews",
  "mergeCells",
  "phoneticPr",
  "conditionalFormatting",
  "dataValidations",
  "hyperlinks",
  "printOptions",
  "pageMargins",
  "pageSetup",
  "headerFooter",
  "rowBreaks",
  "colBreaks",
  "customProperties",
  "cellWatches",
  "ignoredErrors",
  "smartTags",
  "drawing",
  "legacyDrawing",
  "legacyDrawingHF",
  "drawingHF",
  "picture",
  "oleObjects",
  "controls",
  "webPublishItems",
  "tableParts",
  "extLst",
];

/** CT_Workbook's order (§18.2.27). Excel writes mc:AlternateContent and xr:revisionPtr right after workbookPr. */
export const WORKBOOK_ORDER = [
  "fileVersion",
  "fileSharing",
  "workbookPr",
  "AlternateContent",
  "revisionPtr",
  "workbookProtection",
  "bookViews",
  "sheets",
  "functionGroups",
  "externalReferences",
  "definedNames",
  "calcPr",
  "oleSize",
  "customWorkbookViews",
  "pivotCaches",
  "smartTagPr",
  "smartTagTypes",
  "webPublishing",
  "fileRecoveryPr",
  "webPublishObjects",
  "extLst",
];

/** CT_Stylesheet's order (§18.8.39). */
export const STYLES_ORDER = [
  "numFmts",
  "fonts",
  "fills",
  "borders",
  "cellStyleXfs",
  "cellXfs",
  "cellStyles",
  "dxfs",
  "tableStyles",
  "colors",
  "extLst",
];

/** The root element's start tag. */
export function rootTag(xml: string): Tag {
  const t = nextTag(xml, 0);
  if (!t) throw new Error("no root element");
  return t;
}

/** The direct children of the root. */
export function rootChildren(xml: string): { tag: Tag; end: number }[] {
  return children(xml, rootTag(xml));
}

/** A direct child of the root by local name. */
export function rootChild(xml: string, name: string): { tag: Tag; end: number } | undefined {
  return rootChildren(xml).find((c) => c.tag.name === name);
}

/** The XML with `content` put among the root's children at the position `order` gives the element `name`: before the
 * first child that comes later in that order, else before the root's end. */
export function insertChild(xml: string, order: readonly string[], name: string, content: string): string {
  const at = order.indexOf(name);
  if (at < 0) throw new Error(`${name} is not in the schema order`);
  const root = rootTag(xml);
  if (root.kind === "empty") throw new Error("empty root");
  const later = children(xml, root).find((c) => order.indexOf(c.tag.name) > at);
  const pos = later ? later.tag.start : xml.lastIndexOf(`</${root.prefix}${root.name}>`);
  return xml.slice(0, pos) + content + xml.slice(pos);
}

/** The XML with the root's start tag given more namespace declarations, prefixes in mc:Ignorable and attributes. */
export function withRoot(
  xml: string,
  ns: readonly (keyof typeof NS)[],
  ignorable: readonly (keyof typeof NS)[] = [],
  attrs: Readonly<Record<string, string>> = {},
): string {
  const root = rootTag(xml);
  let tag = xml.slice(root.start, root.end);
  const decls = ignorable.length ? ["mc" as const, ...ns] : ns;
  for (const p of decls) {
    const have = attribute(tag, `xmlns:${p}`);
    if (have !== undefined && have !== NS[p]) throw new Error(`xmlns:${p} is already ${have}`);
    if (have === undefined) tag = withAttribute(tag, `xmlns:${p}`, NS[p]);
  }
  if (ignorable.length) {
    const now = (attribute(tag, "mc:Ignorable") ?? "").split(/\s+/).filter(Boolean);
    tag = withAttribute(tag, "mc:Ignorable", [...new Set([...now, ...ignorable])].join(" "));
  }
  for (const [k, v] of Object.entries(attrs)) if (attribute(tag, k) === undefined) tag = withAttribute(tag, k, v);
  return xml.slice(0, root.start) + tag + xml.slice(root.end);
}

/** The root of a worksheet as Excel 2016+ writes it. */
const excelWorksheet = (xml: string, uid: string): string =>
  withRoot(xml, ["r", "x14ac", "xr", "xr2", "xr3"], ["x14ac", "xr", "xr2", "xr3"], { "xr:uid": uid });

/** The root of workbook.xml as Excel 2016+ writes it. */
const excelWorkbook = (xml: string): string =>
  withRoot(xml, ["r", "x15", "xr", "xr6", "xr10", "xr2"], ["x15", "xr", "xr6", "xr10", "xr2"]);

/** The root of styles.xml as Excel 2016+ writes it. */
const excelStyles = (xml: string): string => withRoot(xml, ["x14ac", "x16r2", "xr"], ["x14ac", "x16r2", "xr"]);

/** A start tag within `xml` replaced by `edit(tag)`. */
function editTag(xml: string, t: Tag, edit: (tag: string) => string): string {
  return xml.slice(0, t.start) + edit(xml.slice(t.start, t.end)) + xml.slice(t.end);
}

/** Appends `item` to a counted section (<dxfs count="1">…), the section made at its place in `order` when absent. */
export function appendToSection(xml: string, order: readonly string[], section: string, item: string): string {
  const found = rootChild(xml, section);
  if (!found) return insertChild(xml, order, section, `<${section} count="1">${item}</${section}>`);
  const { tag } = found;
  const count = Number(attribute(xml.slice(tag.start, tag.end), "count") ?? "0") + 1;
  const open = withAttribute(xml.slice(tag.start, tag.end), "count", String(count));
  if (tag.kind === "empty") {
    const start = open.replace(/\s*\/>$/, ">");
    return `${xml.slice(0, tag.start)}${start}${item}</${tag.prefix}${tag.name}>${xml.slice(tag.end)}`;
  }
  const close = found.end - `</${tag.prefix}${tag.name}>`.length;
  return xml.slice(0, tag.start) + open + xml.slice(tag.end, close) + item + xml.slice(close);
}

/** A part's text, which must be there. */
export function textOf(pkg: XlsxPackage, part: string): string {
  const xml = pkg.text(part);
  if (xml === undefined) throw new Error(`${part} is missing`);
  return xml;
}

/** The package's book (sheets in tab order, workbook part, styles part) and snapshot. */
export function bookOf(pkg: XlsxPackage): { book: Book; sheets: readonly SheetSnapshot[] } {
  const { book, snapshot } = readBook(pkg);
  return { book, sheets: snapshot.sheets };
}

/** A sheet's part and its grid of values, by name. */
export function sheetOf(pkg: XlsxPackage, name: string): { part: string; index: number; snapshot: SheetSnapshot } {
  const { book, sheets } = bookOf(pkg);
  const index = book.sheets.findIndex((s) => s.name === name);
  const snapshot = sheets.find((s) => s.name === name);
  if (index < 0 || !snapshot) throw new Error(`no sheet ${name}`);
  return { part: book.sheets[index].part, index, snapshot };
}

/** The assessment sheet of a workbook like the sample: its header row (the row with 单位名称 in the first 10) and its
 * last row and column with data. */
export function assessmentOf(pkg: XlsxPackage, name = ASSESSMENT_SHEET) {
  const s = sheetOf(pkg, name);
  const rows = s.snapshot.rows;
  const headerRow = rows.slice(0, 10).findIndex((r) => r.some((v) => v === "单位名称")) + 1;
  if (headerRow < 1) throw new Error(`${name}: no header row with 单位名称`);
  const lastCol = Math.max(...rows.map((r) => r.length));
  return { ...s, headerRow, lastRow: rows.length, lastCol };
}

/** The o:idmap blocks the package's VML drawings take. */
export function vmlBlocks(pkg: XlsxPackage): Set<number> {
  const used = new Set<number>();
  for (const name of pkg.names()) {
    if (!name.toLowerCase().endsWith(".vml")) continue;
    const m = /<o:idmap\b[^>]*\bdata="([^"]*)"/.exec(pkg.text(name) ?? "");
    for (const n of (m?.[1] ?? "").split(",")) if (/^\s*\d+\s*$/.test(n)) used.add(Number(n));
  }
  return used;
}

function freeBlock(pkg: XlsxPackage): number {
  const used = vmlBlocks(pkg);
  let b = 1;
  while (used.has(b)) b++;
  return b;
}

/** A GUID of Excel's form, fixed by what it names, so a fixture is the same bytes on every run. */
const uid = (kind: string, n = 0): string =>
  `{A1B2C3D4-${kind.padStart(4, "0").slice(-4)}-4E5F-8A9B-${n.toString(16).toUpperCase().padStart(12, "0")}}`;

const CRLF = (s: string): string => s.replace(/\r?\n/g, "\r\n");

/** The index of a text in the shared strings, the part (and its relationship and content type) made when absent. */
function sharedString(pkg: XlsxPackage, text: string): number {
  const { book } = bookOf(pkg);
  const rel = pkg.relationships(book.workbookPart).find((r) => r.type === REL.sharedStrings);
  const part = rel?.target ?? "xl/sharedStrings.xml";
  let xml = pkg.text(part);
  if (xml === undefined) {
    xml = `${XML_DECL}<sst xmlns="${NS.main}" count="0" uniqueCount="0"></sst>`;
    pkg.addRelationship(book.workbookPart, REL.sharedStrings, part);
    pkg.setContentType(part, CONTENT.sharedStrings);
  }
  const sst = rootTag(xml);
  const n = sst.kind === "empty" ? 0 : children(xml, sst).length;
  const count = Number(attribute(xml.slice(sst.start, sst.end), "count") ?? "0") + 1;
  let out = insertBeforeClose(xml, "sst", `<si><t>${escapeText(text)}</t></si>`);
  out = editTag(out, rootTag(out), (t) =>
    withAttribute(withAttribute(t, "count", String(count)), "uniqueCount", String(n + 1)),
  );
  pkg.set(part, out);
  return n;
}

/** A1 reference of a row and column. */
const a1 = (row: number, col: number): string => `${columnLetters(col)}${row}`;

/** The sheet XML with `cell` (a <c> element in column `col`) put at the end of row `row` (which must exist), the row's
 * spans widened to hold it. */
function appendCell(xml: string, row: number, col: number, cell: string): string {
  const sheetData = findTag(xml, "sheetData");
  if (!sheetData) throw new Error("no sheetData");
  for (const r of children(xml, sheetData)) {
    let open = xml.slice(r.tag.start, r.tag.end);
    if (attribute(open, "r") !== String(row)) continue;
    const spans = /^(\d+):(\d+)$/.exec(attribute(open, "spans") ?? "");
    if (spans && Number(spans[2]) < col) open = withAttribute(open, "spans", `${spans[1]}:${col}`);
    if (r.tag.kind === "empty") {
      return `${xml.slice(0, r.tag.start)}${open.replace(/\s*\/>$/, ">")}${cell}</${r.tag.prefix}row>${xml.slice(r.end)}`;
    }
    const close = r.end - `</${r.tag.prefix}row>`.length;
    return xml.slice(0, r.tag.start) + open + xml.slice(r.tag.end, close) + cell + xml.slice(close);
  }
  throw new Error(`no row ${row}`);
}

function setDimension(xml: string, ref: string): string {
  const d = rootChild(xml, "dimension");
  return d
    ? editTag(xml, d.tag, (t) => withAttribute(t, "ref", ref))
    : insertChild(xml, WORKSHEET_ORDER, "dimension", `<dimension ref="${ref}"/>`);
}

// ---------------------------------------------------------------------------------------------------------------------
// (a) the office's own notes

/** Notes the office put on the assessment sheet: one on a unit's name, one on an evidence cell the tool highlights as
 * missing in the sample (县公安局's blank 参与修复企业数). */
export const OFFICE_NOTES: readonly { ref: string; author: string; text: string }[] = [
  { ref: "B4", author: "县信用办", text: "\n已电话核实，材料以纸质件为准。" },
  { ref: "AB6", author: "县信用办", text: "\n该单位称无严重失信企业，待补证明。" },
];

const NOTE_RPR =
  '<rPr><sz val="9"/><color indexed="81"/><rFont val="宋体"/><family val="3"/><charset val="134"/></rPr>';

function noteShapeVml(id: number, row: number, col: number, z: number): string {
  return `<v:shape id="_x0000_s${id}" type="#_x0000_t202" style='position:absolute;
  margin-left:107.25pt;margin-top:2.25pt;width:108pt;height:59.25pt;z-index:${z};
  visibility:hidden' fillcolor="infoBackground [80]" strokecolor="none [81]"
  o:insetmode="auto">
  <v:fill color2="infoBackground [80]"/>
  <v:shadow color="none [81]" obscured="t"/>
  <v:path o:connecttype="none"/>
  <v:textbox style='mso-direction-alt:auto'>
   <div style='text-align:left'></div>
  </v:textbox>
  <x:ClientData ObjectType="Note">
   <x:MoveWithCells/>
   <x:SizeWithCells/>
   <x:Anchor>
    ${col}, 15, ${Math.max(0, row - 2)}, 2, ${col + 2}, 15, ${row + 2}, 16</x:Anchor>
   <x:AutoFill>False</x:AutoFill>
   <x:Row>${row - 1}</x:Row>
   <x:Column>${col - 1}</x:Column>
  </x:ClientData>
 </v:shape>`;
}

/** (a) Notes on cells of the assessment sheet as Excel writes them: xl/commentsN.xml (mc:Ignorable="xr", xr:uid on
 * each <comment>, the author's name bold as the first run), xl/drawings/vmlDrawingN.vml with a Note shape per note in
 * an o:idmap block of its own, the sheet's relationships to both and its <legacyDrawing r:id>. */
export function addOfficeNotes(
  pkg: XlsxPackage,
  notes: readonly { ref: string; author: string; text: string }[] = OFFICE_NOTES,
): { sheetPart: string; commentsPart: string; vmlPart: string } {
  const { part } = assessmentOf(pkg);
  let sheet = textOf(pkg, part);
  if (rootChild(sheet, "legacyDrawing")) throw new Error(`${part} has notes already`);
  const commentsPart = pkg.freeName("xl/comments", ".xml");
  const vmlPart = pkg.freeName("xl/drawings/vmlDrawing", ".vml");
  const authors = [...new Set(notes.map((n) => n.author))];
  const sorted = [...notes].sort((a, b) => {
    const pa = parseAddress(a.ref) ?? [0, 0];
    const pb = parseAddress(b.ref) ?? [0, 0];
    return pa[0] - pb[0] || pa[1] - pb[1];
  });
  const comments = sorted.map((n, i) => {
    const id = (i + 1).toString(16).toUpperCase().padStart(2, "0");
    return (
      `<comment ref="${n.ref}" authorId="${authors.indexOf(n.author)}" shapeId="0" xr:uid="{00000000-0006-0000-0000-0000${id}000000}">` +
      `<text><r><rPr><b/><sz val="9"/><color indexed="81"/><rFont val="宋体"/><family val="3"/><charset val="134"/></rPr>` +
      `<t>${escapeText(n.author)}:</t></r><r>${NOTE_RPR}<t xml:space="preserve">${escapeText(n.text)}</t></r></text></comment>`
    );
  });
  pkg.set(
    commentsPart,
    `${XML_DECL}<comments xmlns="${NS.main}" xmlns:mc="${NS.mc}" mc:Ignorable="xr" xmlns:xr="${NS.xr}">` +
      `<authors>${authors.map((a) => `<author>${escapeText(a)}</author>`).join("")}</authors>` +
      `<commentList>${comments.join("")}</commentList></comments>`,
  );
  const block = freeBlock(pkg);
  const shapes = sorted.map((n, i) => {
    const [row, col] = parseAddress(n.ref) ?? [1, 1];
    return noteShapeVml(block * 1024 + 1 + i, row, col, i + 1);
  });
  pkg.set(
    vmlPart,
    CRLF(`${vmlOpen(block)}<v:shapetype id="_x0000_t202" coordsize="21600,21600" o:spt="202"
  path="m,l,21600r21600,l21600,xe">
  <v:stroke joinstyle="miter"/>
  <v:path gradientshapeok="t" o:connecttype="rect"/>
 </v:shapetype>${shapes.join("")}</xml>`),
  );
  const vmlRid = pkg.addRelationship(part, REL.vmlDrawing, vmlPart);
  pkg.addRelationship(part, REL.comments, commentsPart);
  pkg.setContentType(vmlPart, CONTENT.vml, true);
  pkg.setContentType(commentsPart, CONTENT.comments);
  sheet = excelWorksheet(sheet, "{00000000-0001-0000-0000-000000000000}");
  pkg.set(part, insertChild(sheet, WORKSHEET_ORDER, "legacyDrawing", `<legacyDrawing r:id="${vmlRid}"/>`));
  return { sheetPart: part, commentsPart, vmlPart };
}

// ---------------------------------------------------------------------------------------------------------------------
// (b) a picture in the page header

/** A 1×1 PNG, the header's logo. */
export const LOGO_PNG = Buffer.from(
  "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==",
  "base64",
);

/** Puts a binary part (a picture) in the package: XlsxPackage.set takes text, its parts map takes bytes too. */
export function setBinary(pkg: XlsxPackage, name: string, bytes: Buffer): void {
  (pkg as unknown as { parts: Map<string, Buffer | string> }).parts.set(name, bytes);
}

/** (b) A picture in the assessment sheet's header as Excel writes it (Page Layout > Header > Picture): <headerFooter>
 * with &G in the centre section, xl/drawings/vmlDrawingN.vml with a v:shape id="CH" whose v:imagedata points at
 * xl/media/imageN.png through the VML part's own relationships, and <legacyDrawingHF r:id> at its schema position. */
export function addHeaderFooterPicture(pkg: XlsxPackage): { sheetPart: string; vmlPart: string; imagePart: string } {
  const { part } = assessmentOf(pkg);
  let sheet = textOf(pkg, part);
  if (rootChild(sheet, "headerFooter") || rootChild(sheet, "legacyDrawingHF")) {
    throw new Error(`${part} has a header or footer already`);
  }
  const imagePart = pkg.freeName("xl/media/image", ".png");
  const vmlPart = pkg.freeName("xl/drawings/vmlDrawing", ".vml");
  const block = freeBlock(pkg);
  setBinary(pkg, imagePart, LOGO_PNG);
  pkg.set(
    vmlPart,
    CRLF(`${vmlOpen(block)}<v:shapetype id="_x0000_t75" coordsize="21600,21600" o:spt="75"
  o:preferrelative="t" path="m@4@5l@4@11@9@11@9@5xe" filled="f" stroked="f">
  <v:stroke joinstyle="miter"/>
  <v:formulas>
   <v:f eqn="if lineDrawn pixelLineWidth 0"/>
   <v:f eqn="sum @0 1 0"/>
   <v:f eqn="sum 0 0 @1"/>
   <v:f eqn="prod @2 1 2"/>
   <v:f eqn="prod @3 21600 pixelWidth"/>
   <v:f eqn="prod @3 21600 pixelHeight"/>
   <v:f eqn="sum @0 0 1"/>
   <v:f eqn="prod @6 1 2"/>
   <v:f eqn="prod @7 21600 pixelWidth"/>
   <v:f eqn="sum @8 21600 0"/>
   <v:f eqn="prod @7 21600 pixelHeight"/>
   <v:f eqn="sum @10 21600 0"/>
  </v:formulas>
  <v:path o:extrusionok="f" gradientshapeok="t" o:connecttype="rect"/>
  <o:lock v:ext="edit" aspectratio="t"/>
 </v:shapetype><v:shape id="CH" o:spid="_x0000_s${block * 1024 + 1}" type="#_x0000_t75"
  style='position:absolute;margin-left:0;margin-top:0;width:12pt;height:12pt;
  z-index:1'>
  <v:imagedata o:relid="rId1" o:title="县信用办标志"/>
  <o:lock v:ext="edit" rotation="t"/>
 </v:shape></xml>`),
  );
  const imageRid = pkg.addRelationship(vmlPart, REL_TYPE.image, imagePart);
  if (imageRid !== "rId1") throw new Error(`${vmlPart}: the image is ${imageRid}`);
  pkg.setContentType(imagePart, CONTENT.png, true);
  pkg.setContentType(vmlPart, CONTENT.vml, true);
  const rid = pkg.addRelationship(part, REL.vmlDrawing, vmlPart);
  sheet = excelWorksheet(sheet, "{00000000-0001-0000-0000-000000000000}");
  sheet = insertChild(
    sheet,
    WORKSHEET_ORDER,
    "headerFooter",
    "<headerFooter><oddHeader>&amp;C&amp;G</oddHeader><oddFooter>&amp;C第 &amp;P 页，共 &amp;N 页</oddFooter></headerFooter>",
  );
  pkg.set(part, insertChild(sheet, WORKSHEET_ORDER, "legacyDrawingHF", `<legacyDrawingHF r:id="${rid}"/>`));
  return { sheetPart: part, vmlPart, imagePart };
}

// ---------------------------------------------------------------------------------------------------------------------
// (c) a link to another workbook

export const EXTERNAL_TARGET = "file:///C:\\考核\\2019年考核表.xlsx";

/** (c) A link to last year's workbook as Excel writes one (a formula once typed as ='[2019年考核表.xlsx]考核表'!AH4):
 * xl/externalLinks/externalLink1.xml with the book's sheet names and cached cells, its relationship to the file
 * (TargetMode="External"), the workbook's relationship and <externalReferences> right after </sheets>. The workbook
 * is left with no <definedNames> (the sample's empty one is taken away), so a writer that needs a name must put
 * <definedNames> after <externalReferences>, where the schema wants it. */
export function addExternalLink(pkg: XlsxPackage): { part: string } {
  const { book } = bookOf(pkg);
  const part = pkg.freeName("xl/externalLinks/externalLink", ".xml");
  pkg.set(
    part,
    `${XML_DECL}<externalLink xmlns="${NS.main}" xmlns:mc="${NS.mc}" mc:Ignorable="x14" xmlns:x14="${NS.x14}">` +
      `<externalBook xmlns:r="${NS.r}" r:id="rId1"><sheetNames><sheetName val="考核表"/><sheetName val="双公示台账"/></sheetNames>` +
      `<sheetDataSet><sheetData sheetId="0"><row r="4"><cell r="AH4"><v>88</v></cell></row></sheetData><sheetData sheetId="1"/>` +
      `</sheetDataSet></externalBook></externalLink>`,
  );
  pkg.set(
    relsName(part),
    `${XML_DECL}<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">` +
      `<Relationship Id="rId1" Type="${REL_TYPE.externalLinkPath}" Target="${escapeAttr(EXTERNAL_TARGET)}" TargetMode="External"/></Relationships>`,
  );
  pkg.setContentType(part, CONTENT.externalLink);
  const rid = pkg.addRelationship(book.workbookPart, REL_TYPE.externalLink, part);
  let wb = excelWorkbook(textOf(pkg, book.workbookPart));
  const names = rootChild(wb, "definedNames");
  if (names) {
    const inner = wb.slice(names.tag.end, names.end);
    if (names.tag.kind !== "empty" && /<(\w+:)?definedName\b/.test(inner)) {
      throw new Error("the workbook has defined names: this feature wants none");
    }
    wb = wb.slice(0, names.tag.start) + wb.slice(names.end);
  }
  const refs = rootChild(wb, "externalReferences");
  if (refs) throw new Error("the workbook has external references already");
  wb = insertChild(
    wb,
    WORKBOOK_ORDER,
    "externalReferences",
    `<externalReferences><externalReference r:id="${rid}"/></externalReferences>`,
  );
  pkg.set(book.workbookPart, wb);
  return { part };
}

// ---------------------------------------------------------------------------------------------------------------------
// (d) the ledger as a table

/** (d) The 双公示台账 range as an Excel table (Insert > Table, 表1): xl/tables/tableN.xml (mc:Ignorable="xr xr3",
 * xr:uid on the table and its autoFilter, xr3:uid on each column, column names the header cells' text), the sheet's
 * relationship and <tableParts>. */
export function addLedgerTable(pkg: XlsxPackage, sheetName = LEDGER_SHEET): { part: string; sheetPart: string } {
  const { part: sheetPart, snapshot } = sheetOf(pkg, sheetName);
  const header = snapshot.rows[0] ?? [];
  const names = header.map((v) => (v === null ? "" : String(v)));
  if (names.some((n) => n === "") || new Set(names).size !== names.length) {
    throw new Error(`${sheetName}: the header row is not a table's (blank or repeated names)`);
  }
  const ref = `A1:${a1(snapshot.rows.length, names.length)}`;
  const part = pkg.freeName("xl/tables/table", ".xml");
  const id = Number(/(\d+)\.xml$/.exec(part)?.[1] ?? "1");
  const columns = names
    .map((n, i) => `<tableColumn id="${i + 1}" xr3:uid="${uid("3", i + 1)}" name="${escapeAttr(n)}"/>`)
    .join("");
  pkg.set(
    part,
    `${XML_DECL}<table xmlns="${NS.main}" xmlns:mc="${NS.mc}" mc:Ignorable="xr xr3" xmlns:xr="${NS.xr}" xmlns:xr3="${NS.xr3}" ` +
      `id="${id}" xr:uid="${uid("1", id)}" name="表${id}" displayName="表${id}" ref="${ref}" totalsRowShown="0">` +
      `<autoFilter ref="${ref}" xr:uid="${uid("2", id)}"/><tableColumns count="${names.length}">${columns}</tableColumns>` +
      `<tableStyleInfo name="TableStyleMedium2" showFirstColumn="0" showLastColumn="0" showRowStripes="1" showColumnStripes="0"/></table>`,
  );
  pkg.setContentType(part, CONTENT.table);
  const rid = pkg.addRelationship(sheetPart, REL_TYPE.table, part);
  let sheet = excelWorksheet(textOf(pkg, sheetPart), "{00000000-0001-0000-0100-000000000000}");
  if (rootChild(sheet, "tableParts")) throw new Error(`${sheetPart} has tables already`);
  sheet = insertChild(
    sheet,
    WORKSHEET_ORDER,
    "tableParts",
    `<tableParts count="1"><tablePart r:id="${rid}"/></tableParts>`,
  );
  pkg.set(sheetPart, sheet);
  return { part, sheetPart };
}

// ---------------------------------------------------------------------------------------------------------------------
// (e) the office's own 总分 column

export const OFFICE_TOTAL_HEADER = "总分";

/** (e) The office's own 总分 column right of the assessment sheet's data, as Excel writes a formula filled down: the
 * header a shared string, the first unit row the shared formula's master (<f t="shared" ref="AI4:AI39" si="0">), the
 * rows below <f t="shared" si="0"/>, each with its cached value; the calculation chain lists them. */
export function addOfficeTotalColumn(pkg: XlsxPackage): {
  sheetPart: string;
  col: number;
  headerRow: number;
  firstRow: number;
  lastRow: number;
} {
  const a = assessmentOf(pkg);
  const col = a.lastCol + 1;
  const letters = columnLetters(col);
  const firstRow = a.headerRow + 1;
  const lastRow = a.lastRow;
  // the sum of the evidence counts 应报送条数 … 缺席活动次数, as Excel computes SUM (text and blanks left out)
  const from = 13;
  const to = 31;
  const sum = (r: readonly CellValue[]) =>
    r.slice(from - 1, to).reduce<number>((s, v) => (typeof v === "number" ? s + v : s), 0);
  const header = sharedString(pkg, OFFICE_TOTAL_HEADER);
  let sheet = excelWorksheet(textOf(pkg, a.part), "{00000000-0001-0000-0000-000000000000}");
  const si = Math.max(-1, ...[...sheet.matchAll(/<(?:\w+:)?f\b[^>]*\bsi="(\d+)"/g)].map((m) => Number(m[1]))) + 1;
  sheet = appendCell(sheet, a.headerRow, col, `<c r="${a1(a.headerRow, col)}" t="s"><v>${header}</v></c>`);
  for (let row = firstRow; row <= lastRow; row++) {
    const f =
      row === firstRow
        ? `<f t="shared" ref="${letters}${firstRow}:${letters}${lastRow}" si="${si}">SUM(${columnLetters(from)}${row}:${columnLetters(to)}${row})</f>`
        : `<f t="shared" si="${si}"/>`;
    sheet = appendCell(sheet, row, col, `<c r="${a1(row, col)}">${f}<v>${sum(a.snapshot.rows[row - 1] ?? [])}</v></c>`);
  }
  sheet = setDimension(sheet, `A1:${a1(lastRow, col)}`);
  pkg.set(a.part, sheet);
  // the calculation chain Excel keeps of formula cells, by sheetId
  const { book } = bookOf(pkg);
  const wb = textOf(pkg, book.workbookPart);
  let sheetId = "";
  for (let t = findTag(wb, "sheet"); t; t = findTag(wb, "sheet", t.end)) {
    if (attribute(wb.slice(t.start, t.end), "name") === a.snapshot.name)
      sheetId = attribute(wb.slice(t.start, t.end), "sheetId") ?? "";
  }
  const chainRel = pkg.relationships(book.workbookPart).find((r) => r.type === REL.calcChain);
  const chainPart = chainRel?.target ?? "xl/calcChain.xml";
  const entries = Array.from({ length: lastRow - firstRow + 1 }, (_, i) =>
    i === 0 ? `<c r="${a1(firstRow, col)}" i="${sheetId}" l="1"/>` : `<c r="${a1(firstRow + i, col)}"/>`,
  ).join("");
  const chain = pkg.text(chainPart);
  if (chain === undefined) {
    pkg.set(chainPart, `${XML_DECL}<calcChain xmlns="${NS.main}">${entries}</calcChain>`);
    pkg.addRelationship(book.workbookPart, REL.calcChain, chainPart);
    pkg.setContentType(chainPart, CONTENT.calcChain);
  } else {
    const close = chain.lastIndexOf("</");
    pkg.set(chainPart, chain.slice(0, close) + entries + chain.slice(close));
  }
  return { sheetPart: a.part, col, headerRow: a.headerRow, firstRow, lastRow };
}

// ---------------------------------------------------------------------------------------------------------------------
// (f) x14 conditional formatting and data validation

const EXT_CF = "{78C0D931-6437-407d-A8EE-F0AAD7539E65}";
const EXT_DV = "{CCE6A557-97BC-4b89-ADB6-D9C93CAAB3DF}";
const EXT_CF_ID = "{B025F937-C7B1-47D3-B67F-A62EFF666E3E}";

/** (f) What Excel 2010+ keeps in a worksheet's <extLst>: a data bar on 已报送条数 (the main <conditionalFormatting> with
 * its x14:id, and the x14:conditionalFormatting it points at), a highlight rule on 自评总分 > 100 with its dxf in
 * styles.xml, and a list validation on 单位名称 whose source is on another sheet (Excel writes that as
 * x14:dataValidation with an xm:f formula). */
export function addX14Extensions(pkg: XlsxPackage): void {
  const a = assessmentOf(pkg);
  const first = a.headerRow + 1;
  const last = a.lastRow;
  const { book } = bookOf(pkg);
  // the dxf of Excel's preset "light red fill with dark red text"
  let styles = excelStyles(textOf(pkg, book.stylesPart));
  const dxfs = rootChild(styles, "dxfs");
  const dxfId =
    dxfs && dxfs.tag.kind !== "empty" ? children(styles, dxfs.tag).filter((c) => c.tag.name === "dxf").length : 0;
  styles = appendToSection(
    styles,
    STYLES_ORDER,
    "dxfs",
    '<dxf><font><color rgb="FF9C0006"/></font><fill><patternFill><bgColor rgb="FFFFC7CE"/></patternFill></fill></dxf>',
  );
  pkg.set(book.stylesPart, styles);
  const barId = uid("B");
  let sheet = excelWorksheet(textOf(pkg, a.part), "{00000000-0001-0000-0000-000000000000}");
  const existing = [...sheet.matchAll(/<(?:\w+:)?cfRule\b[^>]*\bpriority="(\d+)"/g)].map((m) => Number(m[1]));
  const p = Math.max(0, ...existing);
  const cf =
    `<conditionalFormatting sqref="N${first}:N${last}"><cfRule type="dataBar" priority="${p + 1}"><dataBar>` +
    '<cfvo type="min"/><cfvo type="max"/><color rgb="FF638EC6"/></dataBar>' +
    `<extLst><ext uri="${EXT_CF_ID}" xmlns:x14="${NS.x14}"><x14:id>${barId}</x14:id></ext></extLst></cfRule></conditionalFormatting>` +
    `<conditionalFormatting sqref="AH${first}:AH${last}"><cfRule type="cellIs" dxfId="${dxfId}" priority="${p + 2}" operator="greaterThan">` +
    "<formula>100</formula></cfRule></conditionalFormatting>";
  sheet = insertChild(sheet, WORKSHEET_ORDER, "conditionalFormatting", cf);
  const exts =
    `<ext uri="${EXT_CF}" xmlns:x14="${NS.x14}"><x14:conditionalFormattings><x14:conditionalFormatting xmlns:xm="${NS.xm}">` +
    `<x14:cfRule type="dataBar" id="${barId}"><x14:dataBar minLength="0" maxLength="100" border="1" negativeBarBorderColorSameAsPositive="0">` +
    '<x14:cfvo type="autoMin"/><x14:cfvo type="autoMax"/><x14:borderColor rgb="FF638EC6"/><x14:negativeFillColor rgb="FFFF0000"/>' +
    '<x14:negativeBorderColor rgb="FFFF0000"/><x14:axisColor rgb="FF000000"/></x14:dataBar></x14:cfRule>' +
    `<xm:sqref>N${first}:N${last}</xm:sqref></x14:conditionalFormatting></x14:conditionalFormattings></ext>` +
    `<ext uri="${EXT_DV}" xmlns:x14="${NS.x14}"><x14:dataValidations count="1" xmlns:xm="${NS.xm}">` +
    `<x14:dataValidation type="list" allowBlank="1" showInputMessage="1" showErrorMessage="1" xr:uid="${uid("D")}">` +
    `<x14:formula1><xm:f>${LEDGER_SHEET}!$B$2:$B$41</xm:f></x14:formula1><xm:sqref>B${first}:B${last}</xm:sqref></x14:dataValidation>` +
    "</x14:dataValidations></ext>";
  sheet = withExt(sheet, WORKSHEET_ORDER, exts);
  pkg.set(a.part, sheet);
}

/** The root element's <extLst> with `exts` (<ext> elements) added at its end, made at its place when there is none. */
function withExt(xml: string, order: readonly string[], exts: string): string {
  const extLst = rootChild(xml, "extLst");
  if (!extLst) return insertChild(xml, order, "extLst", `<extLst>${exts}</extLst>`);
  const close = extLst.end - `</${extLst.tag.prefix}extLst>`.length;
  return xml.slice(0, close) + exts + xml.slice(close);
}

/** A VML drawing's start as Excel writes it: the root with its namespaces and the shape-id block it claims. */
function vmlOpen(block: number): string {
  return `<xml xmlns:v="urn:schemas-microsoft-com:vml"
 xmlns:o="urn:schemas-microsoft-com:office:office"
 xmlns:x="urn:schemas-microsoft-com:office:excel">
 <o:shapelayout v:ext="edit">
  <o:idmap v:ext="edit" data="${block}"/>
 </o:shapelayout>`;
}

// ---------------------------------------------------------------------------------------------------------------------
// (g) workbook.xml as Excel writes it

/** (g) workbook.xml's Excel 2016+ furniture: the root's namespaces and mc:Ignorable, <fileVersion>, the
 * mc:AlternateContent holding x15ac:absPath (where the file was last saved), xr:revisionPtr, xr2:uid on the workbook
 * view, and the x15 workbookPr extension. */
export function addAlternateContent(pkg: XlsxPackage): void {
  const { book } = bookOf(pkg);
  let wb = excelWorkbook(textOf(pkg, book.workbookPart));
  if (rootChild(wb, "AlternateContent")) throw new Error("workbook.xml has mc:AlternateContent already");
  if (!rootChild(wb, "fileVersion")) {
    wb = insertChild(
      wb,
      WORKBOOK_ORDER,
      "fileVersion",
      '<fileVersion appName="xl" lastEdited="7" lowestEdited="7" rupBuild="22228"/>',
    );
  }
  wb = insertChild(
    wb,
    WORKBOOK_ORDER,
    "AlternateContent",
    `<mc:AlternateContent xmlns:mc="${NS.mc}"><mc:Choice Requires="x15"><x15ac:absPath url="C:\\考核\\" xmlns:x15ac="${NS.x15ac}"/></mc:Choice></mc:AlternateContent>`,
  );
  wb = insertChild(
    wb,
    WORKBOOK_ORDER,
    "revisionPtr",
    '<xr:revisionPtr revIDLastSave="0" documentId="8_{5F3A7E1C-2B4D-4E6F-9A8B-7C6D5E4F3A2B}" xr6:coauthVersionLast="47" xr6:coauthVersionMax="47" xr10:uidLastSave="{00000000-0000-0000-0000-000000000000}"/>',
  );
  const view = findTag(wb, "workbookView");
  if (view)
    wb = editTag(wb, view, (t) =>
      attribute(t, "xr2:uid") ? t : withAttribute(t, "xr2:uid", "{00000000-000D-0000-FFFF-FFFF00000000}"),
    );
  const ext = `<ext uri="{140A7094-0E35-4892-8432-C4D2E57EDEB5}" xmlns:x15="${NS.x15}"><x15:workbookPr chartTrackingRefBase="1"/></ext>`;
  wb = withExt(wb, WORKBOOK_ORDER, ext);
  pkg.set(book.workbookPart, wb);
}

// ---------------------------------------------------------------------------------------------------------------------
// (h) x14ac:dyDescent and x14ac:knownFonts

/** (h) What Excel writes on every sheet and in styles.xml: x14ac:dyDescent on <sheetFormatPr> and each <row> (with
 * spans), xr:uid on the worksheet; x14ac:knownFonts on <fonts>, an empty <dxfs count="0"/> and the styles extLst with
 * the default slicer and timeline styles. */
export function addDyDescent(pkg: XlsxPackage): void {
  const { book } = bookOf(pkg);
  book.sheets.forEach((s, i) => {
    const id = i.toString(16).toUpperCase().padStart(2, "0");
    let xml = excelWorksheet(textOf(pkg, s.part), `{00000000-0001-0000-${id}00-000000000000}`);
    const fmt = rootChild(xml, "sheetFormatPr");
    xml = fmt
      ? editTag(xml, fmt.tag, (t) => withAttribute(t, "x14ac:dyDescent", "0.25"))
      : insertChild(
          xml,
          WORKSHEET_ORDER,
          "sheetFormatPr",
          '<sheetFormatPr defaultRowHeight="13.5" x14ac:dyDescent="0.25"/>',
        );
    const data = findTag(xml, "sheetData");
    if (data && data.kind !== "empty") {
      const rows = children(xml, data).filter((c) => c.tag.name === "row");
      for (const r of rows.reverse()) {
        const inner = xml.slice(r.tag.end, r.end);
        const cols = [...inner.matchAll(/<(?:\w+:)?c\b[^>]*\br="([A-Z]+)\d+"/g)].map(
          (m) => parseAddress(`${m[1]}1`)?.[1] ?? 0,
        );
        xml = editTag(xml, r.tag, (t) => {
          let tag =
            cols.length && attribute(t, "spans") === undefined
              ? withAttribute(t, "spans", `${Math.min(...cols)}:${Math.max(...cols)}`)
              : t;
          tag = withAttribute(tag, "x14ac:dyDescent", "0.25");
          return tag;
        });
      }
    }
    pkg.set(s.part, xml);
  });
  let styles = excelStyles(textOf(pkg, book.stylesPart));
  const fonts = rootChild(styles, "fonts");
  if (fonts) styles = editTag(styles, fonts.tag, (t) => withAttribute(t, "x14ac:knownFonts", "1"));
  if (!rootChild(styles, "dxfs")) styles = insertChild(styles, STYLES_ORDER, "dxfs", '<dxfs count="0"/>');
  if (!rootChild(styles, "extLst")) {
    styles = insertChild(
      styles,
      STYLES_ORDER,
      "extLst",
      `<extLst><ext uri="{EB79DEF2-80B8-43e5-95BD-54CBDDF9020C}" xmlns:x14="${NS.x14}"><x14:slicerStyles defaultSlicerStyle="SlicerStyleLight1"/></ext>` +
        `<ext uri="{9260A510-F301-46a8-8635-F512D64BE5F5}" xmlns:x15="${NS.x15}"><x15:timelineStyles defaultTimelineStyle="TimeSlicerStyleLight1"/></ext></extLst>`,
    );
  }
  pkg.set(book.stylesPart, styles);
}

// ---------------------------------------------------------------------------------------------------------------------

export const EXCEL_FEATURES = {
  notes: addOfficeNotes,
  headerFooter: addHeaderFooterPicture,
  externalLink: addExternalLink,
  table: addLedgerTable,
  officeTotal: addOfficeTotalColumn,
  x14: addX14Extensions,
  alternateContent: addAlternateContent,
  dyDescent: addDyDescent,
} as const;
export type FeatureName = keyof typeof EXCEL_FEATURES;

/** Every feature at once, in an order where each later one finds what an earlier one left. */
export function applyExcelFeatures(pkg: XlsxPackage): void {
  addDyDescent(pkg);
  addAlternateContent(pkg);
  addExternalLink(pkg);
  addLedgerTable(pkg);
  addOfficeTotalColumn(pkg);
  addX14Extensions(pkg);
  addOfficeNotes(pkg);
  addHeaderFooterPicture(pkg);
}
