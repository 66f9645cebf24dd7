// xl/styles.xml: what a cell's style index says (a date format? which fill?), and new styles derived from a cell's
// own (its fill, number format or boldness changed, everything else kept). Existing entries are never edited, only
// appended to, so every other cell looks exactly as before.
import type { HostFill } from "../../core";
import { isDateFormat } from "../office/cells";
import { attribute, attributes, children, elementEnd, escapeAttr, findTag, nextTag, withAttribute } from "./xml";

/** Built-in number formats that show a date (ECMA-376 18.8.30, and the zh-CN ones 27–31, 36, 50–54, 57, 58). */
const BUILTIN_DATES = new Set([14, 15, 16, 17, 22, 27, 28, 29, 30, 31, 36, 50, 51, 52, 53, 54, 57, 58]);
const BUILTIN_FORMATS: Record<string, number> = { General: 0, "0": 1, "0.00": 2, "@": 49 };

const SECTIONS = ["numFmts", "fonts", "fills", "borders", "cellStyleXfs", "cellXfs"] as const;
type Section = (typeof SECTIONS)[number];
const ITEM: Record<Section, string> = {
  numFmts: "numFmt",
  fonts: "font",
  fills: "fill",
  borders: "border",
  cellStyleXfs: "xf",
  cellXfs: "xf",
};

export const MINIMAL_STYLES =
  '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n' +
  '<styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">' +
  '<fonts count="1"><font><sz val="11"/><name val="Calibri"/></font></fonts>' +
  '<fills count="2"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill></fills>' +
  '<borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders>' +
  '<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>' +
  '<cellXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/></cellXfs>' +
  '<cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles>' +
  "</styleSheet>";

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
const PATTERNS = new Set([
  "none",
  "solid",
  "mediumGray",
  "darkGray",
  "lightGray",
  "darkHorizontal",
  "darkVertical",
  "darkDown",
  "darkUp",
  "darkGrid",
  "darkTrellis",
  "lightHorizontal",
  "lightVertical",
  "lightDown",
  "lightUp",
  "lightGrid",
  "lightTrellis",
  "gray125",
  "gray0625",
]);

/** Office.js's pattern names (Excel.FillPattern) → ST_PatternType. */
const OFFICE_PATTERNS: Record<string, string> = {
  Solid: "solid",
  Gray50: "mediumGray",
  Gray75: "darkGray",
  Gray25: "lightGray",
  Horizontal: "darkHorizontal",
  Vertical: "darkVertical",
  Down: "darkDown",
  Up: "darkUp",
  Checker: "darkGrid",
  SemiGray75: "darkTrellis",
  LightHorizontal: "lightHorizontal",
  LightVertical: "lightVertical",
  LightDown: "lightDown",
  LightUp: "lightUp",
  Grid: "lightGrid",
  CrissCross: "lightTrellis",
  Gray16: "gray125",
  Gray8: "gray0625",
};

const hexArgb = (hex: HostFill | undefined): string | null =>
  typeof hex === "string" && /^#[0-9a-fA-F]{6}$/.test(hex) ? `FF${hex.slice(1).toUpperCase()}` : null;

/** A fill the add-in saved (Range.getCellProperties: color, pattern, patternColor) in a workbook scored in Excel. */
function officeFillXml(f: { [key: string]: HostFill }): string {
  const pattern = typeof f.pattern === "string" ? (OFFICE_PATTERNS[f.pattern] ?? "none") : "solid";
  const color = hexArgb(f.color);
  if (pattern === "none" || color === null) return '<fill><patternFill patternType="none"/></fill>';
  if (pattern === "solid")
    return `<fill><patternFill patternType="solid"><fgColor rgb="${color}"/></patternFill></fill>`;
  // a pattern: its lines in patternColor over the cell's color
  const lines = hexArgb(f.patternColor) ?? "FF000000";
  return `<fill><patternFill patternType="${pattern}"><fgColor rgb="${lines}"/><bgColor rgb="${color}"/></patternFill></fill>`;
}

export const solidFill = (argb: string): HostFill => ({ type: "pattern", pattern: "solid", fgColor: { argb } });

interface Parsed {
  /** [start, end) of the section's element in the text; absent sections are created when written to. */
  readonly at?: { start: number; end: number; prefix: string };
  readonly items: string[];
  readonly original: number;
}

export class Styles {
  private readonly xml: string;
  private readonly sections = new Map<Section, Parsed>();
  private readonly fillCache = new Map<string, number>();
  private readonly derived = new Map<string, number>();
  private readonly dates: boolean[];
  private readonly fills: (HostFill | null)[];
  private readonly prefix: string;

  constructor(xml: string | undefined) {
    this.xml = xml ?? MINIMAL_STYLES;
    const root = findTag(this.xml, "styleSheet");
    if (!root) throw new Error("styles.xml 没有 styleSheet");
    this.prefix = root.prefix;
    for (const c of children(this.xml, root)) {
      const name = c.tag.name as Section;
      if (!SECTIONS.includes(name) || c.tag.kind === "close") continue;
      const items = children(this.xml, c.tag)
        .filter((i) => i.tag.name === ITEM[name])
        .map((i) => this.xml.slice(i.tag.start, i.end));
      this.sections.set(name, {
        at: { start: c.tag.start, end: c.end, prefix: c.tag.prefix },
        items,
        original: items.length,
      });
    }
    const formats = new Map<number, string>();
    for (const f of this.items("numFmts")) {
      formats.set(Number(attribute(f, "numFmtId")), attribute(f, "formatCode") ?? "");
    }
    const fillList = this.items("fills");
    fillList.forEach((f, i) => this.fillCache.set(f, i));
    this.dates = [];
    this.fills = [];
    for (const xf of this.items("cellXfs")) {
      const id = Number(attribute(startTag(xf), "numFmtId") ?? 0);
      const code = formats.get(id);
      this.dates.push(code !== undefined ? isDateFormat(code) : BUILTIN_DATES.has(id));
      const fillId = Number(attribute(startTag(xf), "fillId") ?? 0);
      this.fills.push(fillId > 0 && fillList[fillId] !== undefined ? fillJson(fillList[fillId]) : null);
    }
  }

  private items(s: Section): string[] {
    return this.sections.get(s)?.items ?? [];
  }

  private section(s: Section): string[] {
    let p = this.sections.get(s);
    if (!p) {
      p = { items: [], original: -1 };
      this.sections.set(s, p);
    }
    return p.items;
  }

  /** Whether cells of this style show a date. */
  isDate(xf: number): boolean {
    return this.dates[xf] ?? false;
  }

  /** The fill cells of this style show (null: none). */
  fillOf(xf: number): HostFill | null {
    return this.fills[xf] ?? null;
  }

  get changed(): boolean {
    return [...this.sections.values()].some((p) => p.items.length !== p.original);
  }

  private fillId(f: HostFill | null): number {
    if (f === null) return 0;
    const xml = fillXml(f);
    let id = this.fillCache.get(xml);
    if (id === undefined) {
      const fills = this.section("fills");
      if (fills.length === 0)
        fills.push("<fill><patternFill/></fill>", '<fill><patternFill patternType="gray125"/></fill>');
      id = fills.push(xml) - 1;
      this.fillCache.set(xml, id);
    }
    return id;
  }

  private numFmtId(code: string): number {
    if (BUILTIN_FORMATS[code] !== undefined) return BUILTIN_FORMATS[code];
    const fmts = this.section("numFmts");
    for (const f of fmts) if (attribute(f, "formatCode") === code) return Number(attribute(f, "numFmtId"));
    const id = Math.max(163, ...fmts.map((f) => Number(attribute(f, "numFmtId")) || 0)) + 1;
    fmts.push(`<numFmt numFmtId="${id}" formatCode="${escapeAttr(code)}"/>`);
    return id;
  }

  /** A font like the style's own, bold and/or of another size. */
  private font(xf: string, change: { bold?: boolean; size?: number }): number {
    const fonts = this.section("fonts");
    const own = Number(attribute(startTag(xf), "fontId") ?? 0);
    let font = fonts[own] ?? "<font/>";
    const t = nextTag(font, 0);
    const p = t?.prefix ?? "";
    if (t && t.kind === "empty") font = `${font.slice(0, t.end - 2).replace(/\s+$/, "")}></${p}font>`;
    const open = nextTag(font, 0);
    const put = (name: string, el: string) => {
      const old = findTag(font, name, open?.end ?? 0);
      font = old
        ? font.slice(0, old.start) + el + font.slice(old.end)
        : font.slice(0, open?.end ?? 0) + el + font.slice(open?.end ?? 0);
    };
    if (change.bold && !findTag(font, "b")) put("b", `<${p}b/>`);
    if (change.size !== undefined) put("sz", `<${p}sz val="${change.size}"/>`);
    if (font === fonts[own]) return own;
    const at = fonts.indexOf(font);
    return at >= 0 ? at : fonts.push(font) - 1;
  }

  /** A style like `xf` with a change, appended once and reused. */
  derive(
    xf: number,
    change: {
      fill?: HostFill | null;
      numFmt?: string;
      bold?: boolean;
      fontSize?: number;
      alignment?: string;
      border?: string;
    },
  ): number {
    const key = `${xf}|${JSON.stringify(change)}`;
    const known = this.derived.get(key);
    if (known !== undefined) return known;
    const xfs = this.section("cellXfs");
    if (xfs.length === 0) xfs.push('<xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/>');
    let text = xfs[xf] ?? xfs[0];
    let tag = startTag(text);
    const set = (name: string, value: string) => {
      const next = withAttribute(tag, name, value);
      text = next + text.slice(tag.length);
      tag = next;
    };
    if ("fill" in change) {
      set("fillId", String(this.fillId(change.fill ?? null)));
      set("applyFill", "1");
    }
    if (change.numFmt !== undefined) {
      set("numFmtId", String(this.numFmtId(change.numFmt)));
      set("applyNumberFormat", "1");
    }
    if (change.bold || change.fontSize !== undefined) {
      set("fontId", String(this.font(text, { bold: change.bold, size: change.fontSize })));
      set("applyFont", "1");
    }
    if (change.border !== undefined) {
      const borders = this.section("borders");
      const at = borders.indexOf(change.border);
      set("borderId", String(at >= 0 ? at : borders.push(change.border) - 1));
      set("applyBorder", "1");
    }
    if (change.alignment !== undefined) {
      text = withChild(text, "alignment", change.alignment);
      tag = startTag(text);
      set("applyAlignment", "1");
    }
    const id = xfs.push(text) - 1;
    this.derived.set(key, id);
    return id;
  }

  /** The styles part with the appended entries and their counts. */
  toXml(): string {
    if (!this.changed) return this.xml;
    const order: Section[] = [...SECTIONS];
    const replaced: { start: number; end: number; text: string }[] = [];
    let insertAt = -1;
    for (const s of order) {
      const p = this.sections.get(s);
      if (!p) continue;
      const prefix = p.at?.prefix ?? this.prefix;
      const text = `<${prefix}${s} count="${p.items.length}">${p.items.join("")}</${prefix}${s}>`;
      if (p.at) {
        replaced.push({ start: p.at.start, end: p.at.end, text });
        insertAt = p.at.end;
      } else {
        // before the next section present, or after the last one seen
        const nextPresent = order
          .slice(order.indexOf(s) + 1)
          .map((n) => this.sections.get(n)?.at?.start)
          .find((x): x is number => x !== undefined);
        const root = findTag(this.xml, "styleSheet");
        const at = nextPresent ?? (insertAt >= 0 ? insertAt : (root?.end ?? 0));
        replaced.push({ start: at, end: at, text });
      }
    }
    replaced.sort((a, b) => a.start - b.start || (a.end === a.start ? -1 : 1));
    let out = "";
    let at = 0;
    for (const r of replaced) {
      out += this.xml.slice(at, r.start) + r.text;
      at = r.end;
    }
    return out + this.xml.slice(at);
  }
}

function startTag(element: string): string {
  const t = nextTag(element, 0);
  return t ? element.slice(t.start, t.end) : element;
}

/** The element with its child `name` replaced by `child` (or put first when it has none). */
function withChild(element: string, name: string, child: string): string {
  const t = nextTag(element, 0);
  if (!t) return element;
  if (t.kind === "empty") {
    return `${element.slice(0, t.end - 2).replace(/\s+$/, "")}>${child}</${t.prefix}xf>`;
  }
  const old = findTag(element, name, t.end);
  if (old) {
    return element.slice(0, old.start) + child + element.slice(elementEnd(element, old));
  }
  return element.slice(0, t.end) + child + element.slice(t.end);
}
