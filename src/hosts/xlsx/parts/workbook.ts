// xl/workbook.xml: the worksheets in tab order (name, part, relationship id, visibility) and the date system.
import { REL, type XlsxPackage } from "../package/package";
import { attribute, findTag } from "./xml";

export interface SheetPart {
  readonly name: string;
  /** The worksheet part, e.g. xl/worksheets/sheet1.xml. */
  readonly part: string;
  /** The relationship id in workbook.xml. */
  readonly rid: string;
  readonly state: "visible" | "hidden" | "veryHidden";
}

/** The workbook part and its sheets, in tab order. */
export function workbookOf(pkg: XlsxPackage): { part: string; sheets: SheetPart[]; date1904: boolean } {
  const root = pkg.relationships("").find((r) => r.type === REL.officeDocument);
  const part = root?.target ?? "xl/workbook.xml";
  const xml = pkg.text(part);
  if (xml === undefined) throw new Error("缺少 xl/workbook.xml");
  const rels = new Map(pkg.relationships(part).map((r) => [r.id, r]));
  const sheets: SheetPart[] = [];
  for (let t = findTag(xml, "sheet"); t; t = findTag(xml, "sheet", t.end)) {
    const tag = xml.slice(t.start, t.end);
    const rid = attribute(tag, "id", true) ?? "";
    const rel = rels.get(rid);
    if (!rel || rel.type !== REL.worksheet || !pkg.has(rel.target)) continue;
    const state = attribute(tag, "state");
    sheets.push({
      name: attribute(tag, "name") ?? "",
      part: rel.target,
      rid,
      state: state === "hidden" || state === "veryHidden" ? state : "visible",
    });
  }
  const pr = findTag(xml, "workbookPr");
  const d1904 = pr ? attribute(xml.slice(pr.start, pr.end), "date1904") : undefined;
  return { part, sheets, date1904: d1904 === "1" || d1904 === "true" };
}
