// A <fill> of xl/styles.xml and its colours, both ways: read as ExcelJS describes a fill (so a fill saved by earlier
// versions reads the same), written back from that, from Office.js's description (a fill the add-in saved), or as a
// solid highlight. As ExcelJS's fill-xform and color-xform.
import { FILL_PATTERNS, type HostFill, hexToArgb } from "../../../../core";
import { attribute, attributes, escapeAttr, findTag } from "../xml";

type Json = HostFill;
type JsonObject = { [key: string]: HostFill };

function colorJson(tag: string): JsonObject {
  const out: JsonObject = {};
  const a = attributes(tag);
  if (a.has("rgb")) out.argb = a.get("rgb") as string;
  if (a.has("theme")) out.theme = Number(a.get("theme"));
  if (a.has("tint")) out.tint = Number(a.get("tint"));
  if (a.has("indexed")) out.indexed = Number(a.get("indexed"));
  if (a.has("auto")) out.auto = a.get("auto") === "1" || a.get("auto") === "true";
  return out;
}

function colorXml(name: string, c: Json): string {
  if (typeof c !== "object" || c === null || Array.isArray(c)) return "";
  const attrs: string[] = [];
  if (typeof c.auto === "boolean") attrs.push(`auto="${c.auto ? 1 : 0}"`);
  if (typeof c.argb === "string") attrs.push(`rgb="${escapeAttr(c.argb)}"`);
  if (typeof c.indexed === "number") attrs.push(`indexed="${c.indexed}"`);
  if (typeof c.theme === "number") attrs.push(`theme="${c.theme}"`);
  if (typeof c.tint === "number") attrs.push(`tint="${c.tint}"`);
  return `<${name} ${attrs.join(" ")}/>`;
}

/** A <fill> element → the fill as ExcelJS describes it (so a fill saved by earlier versions reads the same): a
 * pattern fill as {type, pattern, fgColor, bgColor}; anything else kept as its XML. */
export function fillJson(xml: string): HostFill {
  const pattern = findTag(xml, "patternFill");
  if (!pattern || findTag(xml, "gradientFill")) return { xml };
  const out: JsonObject = {
    type: "pattern",
    pattern: attribute(xml.slice(pattern.start, pattern.end), "patternType") ?? "none",
  };
  const fg = findTag(xml, "fgColor");
  if (fg) out.fgColor = colorJson(xml.slice(fg.start, fg.end));
  const bg = findTag(xml, "bgColor");
  if (bg) out.bgColor = colorJson(xml.slice(bg.start, bg.end));
  return out;
}

/** The <fill> element for a fill as fillJson (or ExcelJS) describes it. */
export function fillXml(f: HostFill): string {
  if (typeof f !== "object" || f === null || Array.isArray(f)) return "<fill><patternFill/></fill>";
  if (typeof f.xml === "string" && /^<([\w]+:)?fill[\s>]/.test(f.xml)) return f.xml;
  if (f.type === "gradient" && Array.isArray(f.stops)) {
    const attrs =
      f.gradient === "path"
        ? ` type="path"${["left", "right", "top", "bottom"].map((k) => (typeof (f.center as JsonObject | undefined)?.[k] === "number" ? ` ${k}="${(f.center as JsonObject)[k]}"` : "")).join("")}`
        : ` degree="${typeof f.degree === "number" ? f.degree : 0}"`;
    const stops = f.stops
      .map((s) =>
        typeof s === "object" && s !== null && !Array.isArray(s)
          ? `<stop position="${Number(s.position) || 0}">${colorXml("color", s.color ?? null)}</stop>`
          : "",
      )
      .join("");
    return `<fill><gradientFill${attrs}>${stops}</gradientFill></fill>`;
  }
  if (f.type === undefined && (typeof f.color === "string" || typeof f.pattern === "string")) return officeFillXml(f);
  const pattern = typeof f.pattern === "string" && PATTERNS.has(f.pattern) ? f.pattern : "none";
  const inner = `${f.fgColor ? colorXml("fgColor", f.fgColor) : ""}${f.bgColor ? colorXml("bgColor", f.bgColor) : ""}`;
  return `<fill><patternFill patternType="${pattern}"${inner ? `>${inner}</patternFill>` : "/>"}</fill>`;
}

/** ST_PatternType: anything else in a file makes Excel repair it. */
const PATTERNS = new Set(FILL_PATTERNS.map(([name]) => name));

/** Office.js's pattern names (Excel.FillPattern) → ST_PatternType. */
const OFFICE_PATTERNS = new Map(FILL_PATTERNS.map(([name, office]) => [office, name]));

/** A fill the add-in saved (Range.getCellProperties: color, pattern, patternColor) in a workbook scored in Excel. */
function officeFillXml(f: { [key: string]: HostFill }): string {
  const pattern = typeof f.pattern === "string" ? (OFFICE_PATTERNS.get(f.pattern) ?? "none") : "solid";
  const color = hexToArgb(f.color);
  if (pattern === "none" || color === null) return '<fill><patternFill patternType="none"/></fill>';
  if (pattern === "solid")
    return `<fill><patternFill patternType="solid"><fgColor rgb="${color}"/></patternFill></fill>`;
  // a pattern: its lines in patternColor over the cell's color
  const lines = hexToArgb(f.patternColor) ?? "FF000000";
  return `<fill><patternFill patternType="${pattern}"><fgColor rgb="${lines}"/><bgColor rgb="${color}"/></patternFill></fill>`;
}

export const solidFill = (argb: string): HostFill => ({ type: "pattern", pattern: "solid", fgColor: { argb } });
