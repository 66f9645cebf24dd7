// xl/styles.xml: what a cell's style index says (a date format? which fill?), and new styles derived from a cell's
// own (its fill, number format or boldness changed, everything else kept). Existing entries are never edited, only
// appended to, so every other cell looks exactly as before. The entries' own kinds are beside it: fill.ts,
// number-formats.ts, delta.ts (what a change sets).
import { type HostFill } from "../../../../core";
import { isDateFormat } from "../../../../core/serial";
import { insertChild } from "../order";
import { attribute, canonical, children, escapeAttr, findTag, nextTag, withAttribute } from "../xml";
import { BORDERS, type StyleDelta, alignmentXml, withChild } from "./delta";
import { fillJson, fillXml } from "./fill";
import { BUILTIN_CODES, BUILTIN_DATES, BUILTIN_FORMATS } from "./number-formats";

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

interface Parsed {
  /** [start, end) of the section's element in the text, and its start tag as written (x14ac:knownFonts and any other
   * attribute kept); absent sections are created when written to. */
  readonly at?: { start: number; end: number; prefix: string; open: string };
  readonly items: string[];
  readonly original: number;
}

export class Styles {
  private readonly xml: string;
  private readonly sections = new Map<Section, Parsed>();
  private readonly fillCache = new Map<string, number>();
  private readonly derived = new Map<string, number>();
  /** Every cellXfs entry by its canonical text, first one wins: a style the tool would derive that the file already
   * holds (from an earlier run, or the office's own) is reused, never appended again. */
  private xfIndex: Map<string, number> | null = null;
  private readonly dates: boolean[];
  private readonly fills: (HostFill | null)[];
  private readonly formats = new Map<number, string>();
  private readonly prefix: string;

  constructor(xml: string | undefined) {
    this.xml = xml ?? MINIMAL_STYLES;
    const root = findTag(this.xml, "styleSheet");
    if (!root) throw new Error("styles.xml 中没有样式表");
    this.prefix = root.prefix;
    for (const c of children(this.xml, root)) {
      const name = c.tag.name as Section;
      if (!SECTIONS.includes(name) || c.tag.kind === "close") continue;
      const items = children(this.xml, c.tag)
        .filter((i) => i.tag.name === ITEM[name])
        .map((i) => this.xml.slice(i.tag.start, i.end));
      this.sections.set(name, {
        at: { start: c.tag.start, end: c.end, prefix: c.tag.prefix, open: this.xml.slice(c.tag.start, c.tag.end) },
        items,
        original: items.length,
      });
    }
    const formats = this.formats;
    for (const f of this.items("numFmts")) {
      formats.set(Number(attribute(f, "numFmtId")), attribute(f, "formatCode") ?? "");
    }
    const fillList = this.items("fills");
    fillList.forEach((f, i) => {
      if (!this.fillCache.has(f)) this.fillCache.set(f, i);
    });
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

  /** The number format code cells of this style show ("General" when none; a built-in one by its ECMA-376 code). */
  numFmtOf(xf: number): string {
    const id = Number(attribute(startTag(this.items("cellXfs")[xf] ?? "<xf/>"), "numFmtId") ?? 0);
    return this.formats.get(id) ?? BUILTIN_CODES[id] ?? (BUILTIN_DATES.has(id) ? "yyyy/m/d" : "General");
  }

  /** How cells of this style look beyond fill and format: bold, horizontal alignment, wrapped. For viewers (the
   * browser preview); the writer never needs it. */
  lookOf(xf: number): { bold: boolean; horizontal?: string; wrap: boolean } {
    const item = this.items("cellXfs")[xf] ?? "<xf/>";
    const font = this.items("fonts")[Number(attribute(startTag(item), "fontId") ?? 0)] ?? "";
    const b = findTag(font, "b");
    const bold = b !== null && !/^(0|false)$/.test(attribute(font.slice(b.start, b.end), "val") ?? "1");
    const a = findTag(item, "alignment");
    const tag = a ? item.slice(a.start, a.end) : "";
    const horizontal = attribute(tag, "horizontal");
    const wrap = /^(1|true)$/.test(attribute(tag, "wrapText") ?? "");
    return { bold, ...(horizontal ? { horizontal } : {}), wrap };
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
        fills.push(
          '<fill><patternFill patternType="none"/></fill>',
          '<fill><patternFill patternType="gray125"/></fill>',
        );
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

  /** The index of an entry equal to `item` in a section, appended when there is none. */
  private entry(section: Section, item: string): number {
    const list = this.section(section);
    const key = canonical(item);
    const at = list.findIndex((x) => x === item || canonical(x) === key);
    return at >= 0 ? at : list.push(item) - 1;
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
    // CT_Font is a choice of its children in any order (sml.xsd): a new one goes first
    const put = (name: string, el: string) => {
      const old = findTag(font, name, open?.end ?? 0);
      font = old
        ? font.slice(0, old.start) + el + font.slice(old.end)
        : font.slice(0, open?.end ?? 0) + el + font.slice(open?.end ?? 0);
    };
    if (change.bold && !findTag(font, "b")) put("b", `<${p}b/>`);
    if (change.size !== undefined) put("sz", `<${p}sz val="${change.size}"/>`);
    if (font === fonts[own]) return own;
    return this.entry("fonts", font);
  }

  /** A style like `xf` with a change: an equal style already in the file is reused, a new one appended once. */
  derive(xf: number, change: StyleDelta): number {
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
      set("borderId", String(this.entry("borders", BORDERS[change.border])));
      set("applyBorder", "1");
    }
    if (change.alignment !== undefined) {
      text = withChild(text, "alignment", alignmentXml(change.alignment));
      tag = startTag(text);
      set("applyAlignment", "1");
    }
    const id = this.xfId(text);
    this.derived.set(key, id);
    return id;
  }

  private xfId(text: string): number {
    const xfs = this.section("cellXfs");
    if (!this.xfIndex) {
      this.xfIndex = new Map();
      xfs.forEach((x, i) => {
        const k = canonical(x);
        if (!this.xfIndex?.has(k)) this.xfIndex?.set(k, i);
      });
    }
    const key = canonical(text);
    const at = this.xfIndex.get(key);
    if (at !== undefined) return at;
    const id = xfs.push(text) - 1;
    this.xfIndex.set(key, id);
    return id;
  }

  /** The styles part with the appended entries and their counts; each section's start tag as it was written but
   * for its count, and a new section at its schema position. */
  toXml(): string {
    if (!this.changed) return this.xml;
    let out = this.xml;
    // from the last section back, so the positions read from the original text stay right
    const present = SECTIONS.filter((s) => this.sections.get(s)?.at).reverse();
    for (const s of present) {
      const p = this.sections.get(s) as Parsed;
      const at = p.at as NonNullable<Parsed["at"]>;
      if (p.items.length === p.original) continue;
      const open = withAttribute(at.open.replace(/\s*\/>$/, ">"), "count", String(p.items.length));
      out = `${out.slice(0, at.start)}${open}${p.items.join("")}</${at.prefix}${s}>${out.slice(at.end)}`;
    }
    for (const s of SECTIONS) {
      const p = this.sections.get(s);
      if (!p || p.at) continue;
      out = insertChild(
        out,
        "styleSheet",
        s,
        `<${this.prefix}${s} count="${p.items.length}">${p.items.join("")}</${this.prefix}${s}>`,
      );
    }
    return out;
  }
}

function startTag(element: string): string {
  const t = nextTag(element, 0);
  return t ? element.slice(t.start, t.end) : element;
}
