// An .xlsx file as its parts (OPC package): read whole from the zip, edited part by part, written back with every
// part the tool did not touch byte for byte as it was (charts, pictures, pivot tables, macros' settings, everything
// a spreadsheet library might not know survives). Relationships and content types as the package needs them.
import { createWriteStream } from "node:fs";
import path from "node:path/posix";
import yauzl from "yauzl";
import yazl from "yazl";
import { attribute, elementEnd, escapeAttr, findTag, nextTag } from "./xml";

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
  private readonly parts: Map<string, Buffer | string>;

  constructor(parts: Map<string, Buffer | string>) {
    this.parts = parts;
  }

  has(name: string): boolean {
    return this.parts.has(name);
  }

  names(): string[] {
    return [...this.parts.keys()];
  }

  /** A part's bytes, or undefined. */
  bytes(name: string): Buffer | undefined {
    const p = this.parts.get(name);
    return typeof p === "string" ? Buffer.from(p, "utf8") : p;
  }

  /** A part as text (UTF-8), or undefined. */
  text(name: string): string | undefined {
    const p = this.parts.get(name);
    if (p === undefined) return undefined;
    if (typeof p === "string") return p;
    // a UTF-8 byte order mark is not part of the XML text
    const s = p.toString("utf8");
    return s.charCodeAt(0) === 0xfeff ? s.slice(1) : s;
  }

  set(name: string, content: string): void {
    this.parts.set(name, content);
  }

  /** Sets a part from pieces of text, encoded straight into one buffer (no string of the whole part is made). */
  setPieces(name: string, pieces: readonly string[]): void {
    let size = 0;
    for (const p of pieces) size += Buffer.byteLength(p, "utf8");
    const buf = Buffer.allocUnsafe(size);
    let at = 0;
    for (const p of pieces) at += buf.write(p, at, "utf8");
    this.parts.set(name, buf);
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

  /** The parts as a zip, in their order, each deflated (a part over 4 MB at a faster level) with a fixed time. */
  private zip(): yazl.ZipFile {
    const zip = new yazl.ZipFile();
    for (const [name, content] of this.parts) {
      const buf = typeof content === "string" ? Buffer.from(content, "utf8") : content;
      zip.addBuffer(buf, name, { compressionLevel: buf.length > 4 * 1024 * 1024 ? 1 : 6, mtime: FIXED_TIME });
    }
    zip.end();
    return zip;
  }

  /** The package as zip bytes written to a file. */
  async writeFile(file: string): Promise<void> {
    const zip = this.zip();
    await new Promise<void>((resolve, reject) => {
      const out = createWriteStream(file);
      out.on("error", reject);
      zip.outputStream.on("error", reject);
      out.on("close", () => resolve());
      zip.outputStream.pipe(out);
    });
  }

  async toBuffer(): Promise<Buffer> {
    const chunks: Buffer[] = [];
    for await (const chunk of this.zip().outputStream) chunks.push(chunk as Buffer);
    return Buffer.concat(chunks);
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

/** Parts carry a fixed time, so the same workbook scored twice gives the same bytes. */
const FIXED_TIME = new Date("2020-01-01T00:00:00Z");

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

/** Reads every part of an .xlsx (from a file or bytes) into memory. Size limits are the caller's (cli/inputs.ts). */
export async function readPackage(source: string | Buffer): Promise<XlsxPackage> {
  const zip = await new Promise<yauzl.ZipFile>((resolve, reject) => {
    const done = (err: Error | null, z?: yauzl.ZipFile) => (err || !z ? reject(err ?? new Error("zip")) : resolve(z));
    const opts = { lazyEntries: true, autoClose: false, validateEntrySizes: true, decodeStrings: true };
    if (typeof source === "string") yauzl.open(source, opts, done);
    else yauzl.fromBuffer(source, opts, done);
  });
  const parts = new Map<string, Buffer | string>();
  try {
    await new Promise<void>((resolve, reject) => {
      zip.on("error", reject);
      zip.on("end", () => resolve());
      zip.on("entry", (e: yauzl.Entry) => {
        if (e.fileName.endsWith("/")) return zip.readEntry();
        zip.openReadStream(e, (err, stream) => {
          if (err) return reject(err);
          const chunks: Buffer[] = [];
          stream.on("data", (c: Buffer) => chunks.push(c));
          stream.on("error", reject);
          stream.on("end", () => {
            parts.set(e.fileName.replace(/^\/+/, ""), Buffer.concat(chunks));
            zip.readEntry();
          });
        });
      });
      zip.readEntry();
    });
  } finally {
    zip.close();
  }
  return new XlsxPackage(parts);
}
