// The little XML the .xlsx host needs to edit a part in place: find elements by local name (any namespace prefix),
// read and set attributes, escape text. Reading values goes through a real parser (saxes, in sax.ts); editing keeps
// every byte it does not change, so it works on positions in the text instead of a parsed tree.

export interface Tag {
  /** Index of "<" and just past ">". */
  readonly start: number;
  readonly end: number;
  /** Local name, without a namespace prefix. */
  readonly name: string;
  /** The prefix with its colon ("x:"), or "". */
  readonly prefix: string;
  readonly kind: "open" | "close" | "empty";
}

/** The next element tag at or after `from` (comments, processing instructions, CDATA and DOCTYPE skipped), or null.
 * Attribute values are skipped whole, so a ">" inside quotes does not end a tag. */
export function nextTag(xml: string, from: number): Tag | null {
  let i = from;
  for (;;) {
    const lt = xml.indexOf("<", i);
    if (lt < 0) return null;
    const c = xml.charCodeAt(lt + 1);
    if (c === 0x21 /* ! */) {
      if (xml.startsWith("<!--", lt)) i = skipTo(xml, lt, "-->");
      else if (xml.startsWith("<![CDATA[", lt)) i = skipTo(xml, lt, "]]>");
      else i = skipTo(xml, lt, ">");
      continue;
    }
    if (c === 0x3f /* ? */) {
      i = skipTo(xml, lt, "?>");
      continue;
    }
    const close = c === 0x2f; /* / */
    let p = close ? lt + 2 : lt + 1;
    const nameStart = p;
    while (p < xml.length) {
      const ch = xml.charCodeAt(p);
      if (ch === 0x20 || ch === 0x09 || ch === 0x0a || ch === 0x0d || ch === 0x2f || ch === 0x3e) break;
      p++;
    }
    const qname = xml.slice(nameStart, p);
    let quote = 0;
    for (; p < xml.length; p++) {
      const ch = xml.charCodeAt(p);
      if (quote) {
        if (ch === quote) quote = 0;
      } else if (ch === 0x22 || ch === 0x27) quote = ch;
      else if (ch === 0x3e) break;
    }
    if (p >= xml.length) return null;
    const colon = qname.indexOf(":");
    return {
      start: lt,
      end: p + 1,
      name: colon < 0 ? qname : qname.slice(colon + 1),
      prefix: colon < 0 ? "" : qname.slice(0, colon + 1),
      kind: close ? "close" : xml.charCodeAt(p - 1) === 0x2f ? "empty" : "open",
    };
  }
}

function skipTo(xml: string, from: number, end: string): number {
  const at = xml.indexOf(end, from);
  return at < 0 ? xml.length : at + end.length;
}

/** The end (just past the closing tag) of the element whose start tag is `open`. Found by text search for the
 * closing tag, counting same-named elements opened on the way, so a 50 MB sheetData is one indexOf. */
export function elementEnd(xml: string, open: Tag): number {
  if (open.kind === "empty") return open.end;
  const closing = `</${open.prefix}${open.name}>`;
  const opening = `<${open.prefix}${open.name}`;
  let depth = 1;
  let at = open.end;
  for (;;) {
    const close = xml.indexOf(closing, at);
    if (close < 0) return xml.length;
    for (let o = xml.indexOf(opening, at); o >= 0 && o < close; o = xml.indexOf(opening, o + 1)) {
      const next = xml.charCodeAt(o + opening.length);
      const isSame = next === 0x20 || next === 0x3e || next === 0x2f || next === 0x09 || next === 0x0a || next === 0x0d;
      if (!isSame) continue;
      const t = nextTag(xml, o);
      if (t && t.kind === "open") depth++;
    }
    at = close + closing.length;
    if (--depth === 0) return at;
  }
}

/** The first element with this local name at or after `from` (and starting before `until`). */
export function findTag(xml: string, name: string, from = 0, until = Infinity): Tag | null {
  let t = nextTag(xml, from);
  while (t && t.start < until && !(t.name === name && t.kind !== "close")) t = nextTag(xml, t.end);
  return t && t.start < until ? t : null;
}

/** The direct child elements of the element whose start tag is `parent`, each as [start, end). */
export function children(xml: string, parent: Tag): { tag: Tag; end: number }[] {
  const out: { tag: Tag; end: number }[] = [];
  if (parent.kind === "empty") return out;
  let t = nextTag(xml, parent.end);
  while (t && t.kind !== "close") {
    const end = elementEnd(xml, t);
    out.push({ tag: t, end });
    t = nextTag(xml, end);
  }
  return out;
}

const ATTR = /([\w:.-]+)\s*=\s*("([^"]*)"|'([^']*)')/g;

/** The attributes of a start tag, by qualified name, values unescaped. */
export function attributes(tagText: string): Map<string, string> {
  const out = new Map<string, string>();
  const body = tagText.replace(/^<[^\s/>]+/, "");
  for (const m of body.matchAll(ATTR)) out.set(m[1], unescapeXml(m[3] ?? m[4] ?? ""));
  return out;
}

/** One attribute by qualified name, or by local name when `local` is set (r:id, for any prefix). */
export function attribute(tagText: string, name: string, local = false): string | undefined {
  for (const [k, v] of attributes(tagText)) {
    if (k === name || (local && k.endsWith(`:${name}`))) return v;
  }
  return undefined;
}

/** The start tag with an attribute set (added before the tag's end, or its value replaced), or removed (null). */
export function withAttribute(tagText: string, name: string, value: string | null): string {
  const re = new RegExp(`\\s${name.replace(/[.:]/g, "\\$&")}\\s*=\\s*("[^"]*"|'[^']*')`);
  const stripped = tagText.replace(re, "");
  if (value === null) return stripped;
  const close = stripped.endsWith("/>") ? stripped.length - 2 : stripped.length - 1;
  return `${stripped.slice(0, close).replace(/\s+$/, "")} ${name}="${escapeAttr(value)}"${stripped.slice(close)}`;
}

const ENTITY: Record<string, string> = { lt: "<", gt: ">", amp: "&", quot: '"', apos: "'" };

export function unescapeXml(s: string): string {
  if (!s.includes("&")) return s;
  return s.replace(/&(#x[0-9a-fA-F]+|#\d+|lt|gt|amp|quot|apos);/g, (m, e: string) => {
    if (e[0] !== "#") return ENTITY[e] ?? m;
    const code = e[1] === "x" ? parseInt(e.slice(2), 16) : parseInt(e.slice(1), 10);
    return Number.isFinite(code) && code <= 0x10ffff ? String.fromCodePoint(code) : m;
  });
}

// Characters XML 1.0 cannot carry at all, which OOXML writes as _xHHHH_; a literal "_xHHHH_" is itself escaped so it
// reads back as typed (ECMA-376 Part 1, 22.9.2.19 ST_Xstring).
// eslint-disable-next-line no-control-regex
const NOT_XML = /[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]|_(?=x[0-9a-fA-F]{4}_)/g;
const ooxmlEscape = (s: string): string =>
  s.replace(NOT_XML, (ch) => `_x${ch.charCodeAt(0).toString(16).toUpperCase().padStart(4, "0")}_`);

/** Text for element content: XML-escaped, and OOXML-escaped for what XML cannot hold. */
export function escapeText(s: string): string {
  return ooxmlEscape(s).replace(/[&<>]/g, (c) => (c === "&" ? "&amp;" : c === "<" ? "&lt;" : "&gt;"));
}

const ATTR_ESCAPE: Record<string, string> = {
  "&": "&amp;",
  "<": "&lt;",
  ">": "&gt;",
  '"': "&quot;",
  "\n": "&#10;",
  "\r": "&#13;",
  "\t": "&#9;",
};

export function escapeAttr(s: string): string {
  return ooxmlEscape(s).replace(/[&<>"\n\r\t]/g, (c) => ATTR_ESCAPE[c] ?? c);
}

/** OOXML's _xHHHH_ escapes back to characters, as Excel reads them (shared strings, inline strings, comments). */
export function unescapeOoxml(s: string): string {
  if (!s.includes("_x")) return s;
  return s.replace(/_x([0-9a-fA-F]{4})_/g, (_, h: string) => String.fromCharCode(parseInt(h, 16)));
}

/** A run of text as an element's content, keeping leading and trailing spaces and line breaks. */
export function textElement(prefix: string, s: string): string {
  const keep = /^\s|\s$|\n/.test(s) ? ' xml:space="preserve"' : "";
  return `<${prefix}t${keep}>${escapeText(s)}</${prefix}t>`;
}

/** An element's text with every tag's attributes in one order and white space between attributes folded, so two
 * equal styles written differently (by Excel, by an earlier run) compare equal. */
export function canonical(element: string): string {
  let out = "";
  let at = 0;
  for (let t = nextTag(element, 0); t; t = nextTag(element, t.end)) {
    out += element.slice(at, t.start);
    if (t.kind === "close") out += element.slice(t.start, t.end);
    else {
      const attrs = [...attributes(element.slice(t.start, t.end))].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
      out += `<${t.prefix}${t.name}${attrs.map(([k, v]) => ` ${k}="${escapeAttr(v)}"`).join("")}${t.kind === "empty" ? "/>" : ">"}`;
    }
    at = t.end;
  }
  return out + element.slice(at);
}
