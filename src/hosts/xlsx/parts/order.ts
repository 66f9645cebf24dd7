// Where a child element goes among its parent's children. SpreadsheetML's complex types are strict sequences
// (ISO/IEC 29500-1, sml.xsd): an element out of its place makes Excel offer to repair the file. So the writer never
// appends a child at the end or after a neighbour it happens to know: it looks its place up here, as ExcelJS's xforms
// keep each parent's child order. Children the table does not know (mc:AlternateContent, x15ac:…, xr:…) are passed
// over: the new child goes before the first known sibling that the schema puts after it.
import { type Tag, elementEnd, findTag, nextTag } from "./xml";

/** Each parent's children in schema order (sml.xsd CT_Workbook, CT_Worksheet, CT_Stylesheet, CT_Xf). */
export const CHILD_ORDER = {
  workbook: [
    "fileVersion",
    "fileSharing",
    "workbookPr",
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
  ],
  worksheet: [
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
  ],
  styleSheet: [
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
  ],
  xf: ["alignment", "protection", "extLst"],
} as const satisfies Record<string, readonly string[]>;

export type Parent = keyof typeof CHILD_ORDER;

/** The index in `xml` where a new child `name` of a `parentKind` element goes, its siblings starting at `from` (just
 * past the parent's start tag, or anywhere between two children): before the first sibling that the schema puts after
 * it, or at the parent's end tag. */
export function childPosition(xml: string, from: number, parentKind: Parent, name: string): number {
  const order: readonly string[] = CHILD_ORDER[parentKind];
  const rank = order.indexOf(name);
  if (rank < 0) throw new Error(`${parentKind} 下没有 ${name} 元素`);
  let t = nextTag(xml, from);
  while (t && t.kind !== "close") {
    if (rankOf(xml, t, order) > rank) return t.start;
    t = nextTag(xml, elementEnd(xml, t));
  }
  if (!t) throw new Error(`${parentKind} 元素没有结束标记`);
  return t.start;
}

/** A sibling's place in the order. Excel wraps some children in mc:AlternateContent (controls, oleObjects): such a
 * wrapper stands where the element in its first mc:Choice stands. Unknown elements rank nowhere (-1). */
function rankOf(xml: string, t: Tag, order: readonly string[]): number {
  if (t.name === "AlternateContent" && t.kind === "open") {
    const choice = nextTag(xml, t.end);
    const inner = choice && choice.kind === "open" ? nextTag(xml, choice.end) : null;
    return inner && inner.kind !== "close" ? order.indexOf(inner.name) : -1;
  }
  return order.indexOf(t.name);
}

/** `xml` with `element` put as a child of the first `parentKind` element, at its schema position. A parent written
 * as an empty tag is opened (`<x/>` → `<x>…</x>`). */
export function insertChild(xml: string, parentKind: Parent, name: string, element: string): string {
  const parent = findTag(xml, parentKind);
  if (!parent) throw new Error(`缺少 ${parentKind} 元素`);
  if (parent.kind === "empty") {
    const open = xml.slice(parent.start, parent.end - 2).replace(/\s+$/, "");
    return `${xml.slice(0, parent.start)}${open}>${element}</${parent.prefix}${parentKind}>${xml.slice(parent.end)}`;
  }
  const at = childPosition(xml, parent.end, parentKind, name);
  return xml.slice(0, at) + element + xml.slice(at);
}
