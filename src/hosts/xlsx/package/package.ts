// An .xlsx file as its parts (OPC package): read whole from the zip, edited part by part, written back with every
// part the tool did not touch byte for byte as it was (charts, pictures, pivot tables, macros' settings, everything
// a spreadsheet library might not know survives). Relationships and content types as the package needs them.
// No Node modules: the browser preview reads packages with this too; writing a zip is Node's (zip.ts).
import { type ZipLimits, unzip } from "./unzip";
import { decodeUtf8, encodePieces, encodeUtf8 } from "./utf8";
import { attribute, elementEnd, escapeAttr, findTag, nextTag } from "../parts/xml";

export const REL = {
  officeDocument: "http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument",
  worksheet: "http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet",
  sharedStrings: "http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings",
  styles: "http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles",
  comments: "http://schemas.openxmlformats.org/officeDocument/2006/relationships/comments",
  vmlDrawing: "http://schemas.openxmlformats.org/officeDocument/2006/relationships/vmlDrawing",
  calcChain: "http://schemas.openxmlformats.org/officeDocument/2006/relationships/calcChain",
} as const;
export const CONTENT_TYPE = {
  worksheet: "application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml",
  comments: "application/vnd.openxmlformats-officedocument.spreadsheetml.comments+xml",
  vml: "application/vnd.openxmlformats-officedocument.vmlDrawing",
} as const;
export const NS_REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";

export interface Relationship {
  readonly id: string;
  readonly type: string;
  /** The target part's name in the package, resolved ("xl/worksheets/sheet1.xml"); the raw Target when external. */
  readonly target: string;
  readonly external: boolean;
}

/** The parts of one package, by name without a leading slash, in their order in the zip. */
export class XlsxPackage {
  private readonly parts: Map<string, Uint8Array | string>;

  constructor(parts: Map<string, Uint8Array | string>) {
    this.parts = parts;
  }

  has(name: string): boolean {
    return this.parts.has(name);
  }

  names(): string[] {
    return [...this.parts.keys()];
  }

  /** A part's bytes, or undefined. */
  bytes(name: string): Uint8Array | undefined {
    const p = this.parts.get(name);
    return typeof p === "string" ? encodeUtf8(p) : p;
  }

  /** A part as text (UTF-8), or undefined. */
  text(name: string): string | undefined {
    const p = this.parts.get(name);
    if (p === undefined) return undefined;
    if (typeof p === "string") return p;
    return decodeUtf8(p);
  }

  set(name: string, content: string): void {
    this.parts.set(name, content);
  }

  /** Sets a part from pieces of text, encoded straight into one buffer (no string of the whole part is made). */
  setPieces(name: string, pieces: readonly string[]): void {
    this.parts.set(name, encodePieces(pieces));
  }

  delete(name: string): void {
    this.parts.delete(name);
  }

  /** A part name not yet taken: prefix + the lowest free number + suffix. */
  freeName(prefix: string, suffix: string): string {
    for (let i = 1; ; i++) if (!this.parts.has(`${prefix}${i}${suffix}`)) return `${prefix}${i}${suffix}`;
  }

  /** The relationships of a part (from its _rels/x.rels), or none. */
  relationships(part: string): Relationship[] {
    const xml = this.text(relsName(part));
    if (xml === undefined) return [];
    const out: Relationship[] = [];
    for (let t = findTag(xml, "Relationship"); t; t = findTag(xml, "Relationship", t.end)) {
      out.push(relationshipOf(part, xml.slice(t.start, t.end)));
    }
    return out;
  }

  /** Adds a relationship from `part` to `target` (a part name) and returns its id. */
  addRelationship(part: string, type: string, target: string): string {
    const name = relsName(part);
    const xml =
      this.text(name) ??
      `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"></Relationships>`;
    const taken = new Set(this.relationships(part).map((r) => r.id));
    let n = taken.size + 1;
    while (taken.has(`rId${n}`)) n++;
    const id = `rId${n}`;
    const rel = `<Relationship Id="${id}" Type="${type}" Target="${escapeAttr(relativeTarget(part, target))}"/>`;
    this.set(name, insertBeforeClose(xml, "Relationships", rel));
    return id;
  }

  /** Takes away the relationships from `part` that match. */
  removeRelationships(part: string, match: (r: Relationship) => boolean): void {
    const name = relsName(part);
    const xml = this.text(name);
    if (xml === undefined) return;
    let out = "";
    let at = 0;
    for (let t = findTag(xml, "Relationship"); t; t = findTag(xml, "Relationship", t.end)) {
      if (!match(relationshipOf(part, xml.slice(t.start, t.end)))) continue;
      out += xml.slice(at, t.start);
      at = elementEnd(xml, t);
    }
    this.set(name, out + xml.slice(at));
  }

  /** Registers a part's content type ([Content_Types].xml), by an Override, or by a Default for its extension. */
  setContentType(part: string, type: string, byExtension = false): void {
    const name = "[Content_Types].xml";
    const xml = this.text(name) ?? "";
    if (byExtension) {
      const ext = path.extname(part).slice(1).toLowerCase();
      for (let t = findTag(xml, "Default"); t; t = findTag(xml, "Default", t.end)) {
        if ((attribute(xml.slice(t.start, t.end), "Extension") ?? "").toLowerCase() === ext) return;
      }
      this.set(name, insertBeforeClose(xml, "Types", `<Default Extension="${ext}" ContentType="${type}"/>`));
      return;
    }
    this.removeContentType(part);
    const after = this.text(name) ?? "";
    this.set(
      name,
      insertBeforeClose(after, "Types", `<Override PartName="/${escapeAttr(part)}" ContentType="${type}"/>`),
    );
  }

  removeContentType(part: string): void {
    const name = "[Content_Types].xml";
    const xml = this.text(name) ?? "";
    let out = "";
    let at = 0;
    for (let t = findTag(xml, "Override"); t; t = findTag(xml, "Override", t.end)) {
      const partName = attribute(xml.slice(t.start, t.end), "PartName") ?? "";
      if (partName.replace(/^\//, "").toLowerCase() !== part.toLowerCase()) continue;
      out += xml.slice(at, t.start);
      at = t.end;
    }
    this.set(name, out + xml.slice(at));
  }

  /** Every part, by name, in their order: text parts as their text. */
  entries(): IterableIterator<[string, Uint8Array | string]> {
    return this.parts.entries();
  }
}

function relationshipOf(source: string, tag: string): Relationship {
  const target = attribute(tag, "Target") ?? "";
  const external = attribute(tag, "TargetMode") === "External";
  return {
    id: attribute(tag, "Id") ?? "",
    type: attribute(tag, "Type") ?? "",
    target: external ? target : resolveTarget(source, target),
    external,
  };
}

/** POSIX path arithmetic on part names (node:path/posix's, which the browser does not have). */
const path = {
  dirname(p: string): string {
    const at = p.replace(/\/+$/, "").lastIndexOf("/");
    return at < 0 ? "." : at === 0 ? "/" : p.slice(0, at);
  },
  basename(p: string): string {
    const t = p.replace(/\/+$/, "");
    return t.slice(t.lastIndexOf("/") + 1);
  },
  extname(p: string): string {
    const b = path.basename(p);
    const dot = b.lastIndexOf(".");
    return dot <= 0 ? "" : b.slice(dot);
  },
  /** Folds ".", ".." and repeated slashes; keeps a leading slash; "" for nothing. */
  normalize(p: string): string {
    const absolute = p.startsWith("/");
    const out: string[] = [];
    for (const s of p.split("/")) {
      if (s === "" || s === ".") continue;
      if (s === "..") {
        if (out.length && out[out.length - 1] !== "..") out.pop();
        else if (!absolute) out.push("..");
      } else out.push(s);
    }
    const joined = out.join("/");
    return absolute ? `/${joined}` : joined || ".";
  },
  join(...parts: string[]): string {
    return path.normalize(parts.filter((x) => x !== "").join("/"));
  },
  relative(from: string, to: string): string {
    const a = path
      .normalize(from)
      .split("/")
      .filter((s) => s && s !== ".");
    const b = path
      .normalize(to)
      .split("/")
      .filter((s) => s && s !== ".");
    let i = 0;
    while (i < a.length && i < b.length && a[i] === b[i]) i++;
    return [...a.slice(i).map(() => ".."), ...b.slice(i)].join("/");
  },
};

export function relsName(part: string): string {
  const dir = path.dirname(part);
  return `${dir === "." ? "" : `${dir}/`}_rels/${path.basename(part)}.rels`;
}

/** A relationship's Target, relative to the source part's folder or absolute from the package root, as a part name. */
export function resolveTarget(source: string, target: string): string {
  const t = decodeURI(target.replace(/\\/g, "/"));
  if (t.startsWith("/")) return path.normalize(t).slice(1);
  const base = path.dirname(source);
  return path.normalize(path.join(base === "." ? "" : base, t)).replace(/^\/+/, "");
}

function relativeTarget(source: string, target: string): string {
  const base = path.dirname(source);
  return path.relative(base === "." ? "" : base, target) || target;
}

/** The XML with `content` put just before the closing tag of the root element `root`. */
export function insertBeforeClose(xml: string, root: string, content: string): string {
  let close = -1;
  for (let t = nextTag(xml, 0); t; t = nextTag(xml, t.end)) {
    if (t.name === root && t.kind === "close") close = t.start;
    if (t.name === root && t.kind === "empty") {
      const open = xml.slice(t.start, t.end - 2).replace(/\s+$/, "");
      return `${xml.slice(0, t.start)}${open}>${content}</${t.prefix}${root}>${xml.slice(t.end)}`;
    }
  }
  if (close < 0) throw new Error(`${root} 元素缺失`);
  return xml.slice(0, close) + content + xml.slice(close);
}

/** Every part of an .xlsx from its bytes, within the limits (unzip.ts: a ZipError says what was wrong). */
export function readPackage(bytes: Uint8Array, limits?: ZipLimits): XlsxPackage {
  return new XlsxPackage(new Map<string, Uint8Array | string>(unzip(bytes, limits)));
}
