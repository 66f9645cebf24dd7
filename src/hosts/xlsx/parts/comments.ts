// Notes (Excel's legacy comments): a sheet's comments part and the VML drawing that shows them. The user's own
// notes are kept as they were (their text, formatting, author, box); the tool's are added, replaced or taken away.
import { address, parseAddress } from "../../../core";
import { CONTENT_TYPE, REL, type XlsxPackage } from "../package/package";
import { childPosition } from "./order";
import { localName, parse, textCollector } from "./sax";
import { attribute, children, elementEnd, escapeText, findTag, nextTag, textElement } from "./xml";

export const NOTE_AUTHOR = "信用考核助手";
const NS_MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";

/** Notes to change on one sheet, by A1 address: a text to set, or null to take the note away. */
export type NoteChanges = Map<string, string | null>;

const byPosition = (a: string, b: string): number => {
  const pa = parseAddress(a) ?? [0, 0];
  const pb = parseAddress(b) ?? [0, 0];
  return pa[0] - pb[0] || pa[1] - pb[1];
};

function commentsXml(old: string | undefined, changes: NoteChanges): { xml: string; refs: string[] } {
  const authors: string[] = [];
  const kept = new Map<string, string>();
  if (old !== undefined) {
    const a = findTag(old, "authors");
    if (a) for (const c of children(old, a)) authors.push(old.slice(c.tag.start, c.end));
    const list = findTag(old, "commentList");
    if (list) {
      for (const c of children(old, list)) {
        const ref = (attribute(old.slice(c.tag.start, c.tag.end), "ref") ?? "").toUpperCase();
        if (ref && !changes.has(ref)) kept.set(ref, old.slice(c.tag.start, c.end));
      }
    }
  }
  const p = old !== undefined ? (findTag(old, "comments")?.prefix ?? "") : "";
  let authorId = authors.findIndex((x) => x.replace(/<[^>]*>/g, "") === escapeText(NOTE_AUTHOR));
  if (authorId < 0 && [...changes.values()].some((v) => v !== null)) {
    authorId = authors.push(`<${p}author>${escapeText(NOTE_AUTHOR)}</${p}author>`) - 1;
  }
  const all = new Map(kept);
  for (const [ref, text] of changes) {
    if (text === null) continue;
    all.set(
      ref,
      `<${p}comment ref="${ref}" authorId="${authorId}"><${p}text><${p}r><${p}rPr><${p}sz val="9"/></${p}rPr>${textElement(p, text)}</${p}r></${p}text></${p}comment>`,
    );
  }
  const refs = [...all.keys()].sort(byPosition);
  const head =
    old !== undefined
      ? old.slice(0, (findTag(old, "comments") as { end: number }).end)
      : `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<comments xmlns="${NS_MAIN}">`;
  const xml = `${head}<${p}authors>${authors.join("")}</${p}authors><${p}commentList>${refs.map((r) => all.get(r)).join("")}</${p}commentList></${p}comments>`;
  return { xml, refs };
}

const SHAPETYPE =
  '<v:shapetype id="_x0000_t202" coordsize="21600,21600" o:spt="202" path="m,l,21600r21600,l21600,xe">' +
  '<v:stroke joinstyle="miter"/><v:path gradientshapeok="t" o:connecttype="rect"/></v:shapetype>';

function noteShape(id: number, row: number, col: number, z: number): string {
  // hidden until hovered, anchored beside the cell, tall enough for a few lines of explanation
  const anchor = `${col}, 15, ${Math.max(0, row - 2)}, 10, ${col + 3}, 15, ${row + 5}, 4`;
  return (
    `<v:shape id="_x0000_s${id}" type="#_x0000_t202" style="position:absolute;margin-left:80pt;margin-top:2pt;` +
    `width:240pt;height:120pt;z-index:${z};visibility:hidden" fillcolor="#ffffe1" o:insetmode="auto">` +
    '<v:fill color2="#ffffe1"/><v:shadow on="t" color="black" obscured="t"/><v:path o:connecttype="none"/>' +
    '<v:textbox style="mso-direction-alt:auto"><div style="text-align:left"></div></v:textbox>' +
    `<x:ClientData ObjectType="Note"><x:MoveWithCells/><x:SizeWithCells/><x:Anchor>${anchor}</x:Anchor>` +
    `<x:AutoFill>False</x:AutoFill><x:Row>${row - 1}</x:Row><x:Column>${col - 1}</x:Column></x:ClientData></v:shape>`
  );
}

/** VML shape ids are workbook-wide (ISO/IEC 29500-1 §14.2.2.14, o:idmap): each drawing part owns blocks of 1024
 * ids (block b holds b×1024 … b×1024+1023) and lists them in its o:idmap. The blocks every other VML part of the
 * package claims, by its idmap and by the ids its shapes carry. */
function blocksOfOthers(pkg: XlsxPackage, except: string | undefined): Set<number> {
  const used = new Set<number>();
  for (const name of pkg.names()) {
    if (!name.toLowerCase().endsWith(".vml") || name === except) continue;
    const text = pkg.text(name) ?? "";
    for (const b of idmapBlocks(text)) used.add(b);
    for (const id of shapeIds(text)) used.add(Math.floor(id / 1024));
  }
  return used;
}

function idmapBlocks(vml: string): number[] {
  const m = /<o:idmap[^>]*\sdata="([^"]*)"/.exec(vml);
  return (m?.[1] ?? "")
    .split(/[\s,]+/)
    .map(Number)
    .filter((n) => Number.isInteger(n) && n > 0);
}

function shapeIds(vml: string): number[] {
  return [...vml.matchAll(/\bid="_x0000_s(\d+)"/g)].map((m) => Number(m[1]));
}

/** New shape ids for one drawing part: the lowest free ids in blocks the part already owns (and no other part
 * claims), then in the lowest blocks nobody claims. The same notes on the same workbook get the same ids every run. */
function allocateIds(count: number, own: readonly number[], taken: ReadonlySet<number>, others: ReadonlySet<number>) {
  const ids: number[] = [];
  const blocks = [...new Set(own)].filter((b) => !others.has(b)).sort((a, b) => a - b);
  let k = 0;
  let block = blocks[0];
  let next = block === undefined ? 0 : block * 1024 + 1;
  while (ids.length < count) {
    if (block === undefined || next > block * 1024 + 1023) {
      k++;
      if (k < blocks.length) block = blocks[k];
      else {
        // a fresh block: the lowest one that no part claims and this part does not hold yet
        let b = 1;
        while (others.has(b) || blocks.includes(b)) b++;
        blocks.push(b);
        k = blocks.length - 1;
        block = b;
      }
      next = block * 1024 + 1;
      continue;
    }
    if (!taken.has(next)) ids.push(next);
    next++;
  }
  return ids;
}

function vmlXml(
  pkg: XlsxPackage,
  part: string,
  existing: boolean,
  refs: readonly string[],
  changed: NoteChanges,
): string {
  const old = existing ? pkg.text(part) : undefined;
  const keep: string[] = [];
  /** Kept note boxes, by their index in `keep`: their ids may be renumbered (a note finds its box by row and
   * column, never by id), unlike a control's, which the sheet names by shape id. */
  const noteBoxes: number[] = [];
  const shown = new Set<string>();
  const taken = new Set<number>();
  let head = "";
  let tail = "</xml>";
  if (old !== undefined) {
    const root = findTag(old, "xml");
    const close = old.lastIndexOf("</xml>");
    head = root ? old.slice(0, root.end) : "";
    tail = close >= 0 ? old.slice(close) : tail;
    for (let t = root ? nextTag(old, root.end) : null; t && t.start < close;) {
      const end = elementEnd(old, t);
      const el = old.slice(t.start, end);
      if (t.name === "shape") {
        const row = /<x:Row>\s*(\d+)\s*<\/x:Row>/.exec(el);
        const col = /<x:Column>\s*(\d+)\s*<\/x:Column>/.exec(el);
        const isNote = /ObjectType\s*=\s*"Note"/.test(el);
        const ref = row && col ? address(Number(row[1]) + 1, Number(col[1]) + 1) : "";
        // a note's box goes with its note: dropped when the note changes or goes, the rest kept as they are
        if (isNote && (changed.has(ref) || !refs.includes(ref))) {
          t = nextTag(old, end);
          continue;
        }
        if (isNote) {
          shown.add(ref);
          noteBoxes.push(keep.length);
        }
      } else if (t.name === "shapelayout") {
        t = nextTag(old, end);
        continue;
      }
      for (const id of shapeIds(el)) taken.add(id);
      keep.push(el);
      t = nextTag(old, end);
    }
  }
  const fresh = refs.filter((r) => !shown.has(r));
  const others = blocksOfOthers(pkg, part);
  // A kept note box whose id lies in a block another drawing claims (ExcelJS numbers every sheet's notes from 1025)
  // gets a new id of this part's own, so the workbook's ids end up unique.
  const clashing = noteBoxes.filter((k) => shapeIds(keep[k]).some((id) => others.has(Math.floor(id / 1024))));
  for (const k of clashing) for (const id of shapeIds(keep[k])) taken.delete(id);
  const own = [...idmapBlocks(old ?? ""), ...[...taken].map((id) => Math.floor(id / 1024))];
  const renumbered = allocateIds(clashing.length, own, taken, others);
  clashing.forEach((k, i) => {
    keep[k] = keep[k].replace(/_x0000_s\d+/g, `_x0000_s${renumbered[i]}`);
    taken.add(renumbered[i]);
  });
  const ids = allocateIds(fresh.length, [...own, ...renumbered.map((id) => Math.floor(id / 1024))], taken, others);
  const shapes = fresh.map((ref, i) => {
    const [row, col] = parseAddress(ref) ?? [1, 1];
    return noteShape(ids[i], row, col, i + 1);
  });
  const blocks = new Set([...taken, ...ids].map((id) => Math.floor(id / 1024)));
  // a drawing with no shape left still names a block of its own
  if (blocks.size === 0) blocks.add(Math.floor(allocateIds(1, own, taken, others)[0] / 1024));
  const layout = `<o:shapelayout v:ext="edit"><o:idmap v:ext="edit" data="${[...blocks].sort((a, b) => a - b).join(",")}"/></o:shapelayout>`;
  const hasType = keep.some((el) => /id="_x0000_t202"/.test(el));
  const start =
    head ||
    '<xml xmlns:v="urn:schemas-microsoft-com:vml" xmlns:o="urn:schemas-microsoft-com:office:office" xmlns:x="urn:schemas-microsoft-com:office:excel">';
  return `${start}${layout}${hasType ? "" : SHAPETYPE}${keep.join("")}${shapes.join("")}${tail}`;
}

/** Applies note changes to one sheet: its comments part and the VML drawing that shows them written (created when
 * the sheet had none, with their relationships and content types). The notes' drawing is the one the sheet's own
 * <legacyDrawing> names: a <legacyDrawingHF> drawing (header/footer pictures) is another part, never written into.
 * `root` is the worksheet's start tag and `tail` the worksheet from </sheetData> on; returns the tail, with a
 * <legacyDrawing> at its schema position when the drawing is new. */
export function writeNotes(
  pkg: XlsxPackage,
  sheetPart: string,
  root: string,
  tail: string,
  changes: NoteChanges,
): string {
  if (changes.size === 0) return tail;
  const rels = pkg.relationships(sheetPart);
  const commentsRel = rels.find((r) => r.type === REL.comments && !r.external);
  const legacy = legacyDrawingOf(tail);
  const vmlRel = legacy ? rels.find((r) => r.id === legacy && r.type === REL.vmlDrawing && !r.external) : undefined;
  const { xml, refs } = commentsXml(commentsRel ? pkg.text(commentsRel.target) : undefined, changes);
  if (refs.length === 0 && !commentsRel) return tail;
  const commentsPart = commentsRel?.target ?? pkg.freeName("xl/comments", ".xml");
  pkg.set(commentsPart, xml);
  if (!commentsRel) {
    pkg.addRelationship(sheetPart, REL.comments, commentsPart);
    pkg.setContentType(commentsPart, CONTENT_TYPE.comments);
  }
  const vmlPart = vmlRel?.target ?? pkg.freeName("xl/drawings/vmlDrawing", ".vml");
  pkg.set(vmlPart, vmlXml(pkg, vmlPart, vmlRel !== undefined, refs, changes));
  if (vmlRel) return tail;
  const rid = pkg.addRelationship(sheetPart, REL.vmlDrawing, vmlPart);
  pkg.setContentType(vmlPart, CONTENT_TYPE.vml, true);
  return withLegacyDrawing(root, tail, rid);
}

/** The relationship id of the sheet's <legacyDrawing> (not <legacyDrawingHF>), if it has one. */
function legacyDrawingOf(tail: string): string | undefined {
  const t = findTag(tail, "legacyDrawing");
  return t ? attribute(tail.slice(t.start, t.end), "id", true) : undefined;
}

function withLegacyDrawing(rootTag: string, tail: string, rid: string): string {
  const root = nextTag(rootTag, 0);
  if (!root) return tail;
  const relPrefix = [
    ...rootTag.matchAll(
      /xmlns:([\w.-]+)="http:\/\/schemas\.openxmlformats\.org\/officeDocument\/2006\/relationships"/g,
    ),
  ][0]?.[1];
  const el = relPrefix
    ? `<${root.prefix}legacyDrawing ${relPrefix}:id="${rid}"/>`
    : `<${root.prefix}legacyDrawing xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships" r:id="${rid}"/>`;
  // the tail starts with </sheetData>: the worksheet's other children follow it
  const first = nextTag(tail, 0);
  const at = childPosition(tail, first ? first.end : 0, "worksheet", "legacyDrawing");
  return tail.slice(0, at) + el + tail.slice(at);
}

/** A sheet's notes as read: their text by A1 address (upper case), from the comments part its relationships name. */
export function notes(pkg: XlsxPackage, sheetPart: string): Map<string, string> {
  const out = new Map<string, string>();
  const rel = pkg.relationships(sheetPart).find((r) => r.type === REL.comments && !r.external);
  const xml = rel ? pkg.text(rel.target) : undefined;
  if (xml === undefined) return out;
  const c = textCollector("text");
  let ref = "";
  parse(xml, {
    open: (t) => {
      if (localName(t.name) === "comment") ref = (t.attributes.ref ?? "").toUpperCase();
      c.open(t);
    },
    close: (n) => {
      const s = c.close(n);
      if (s !== null && ref) out.set(ref, s);
    },
    text: c.text,
  });
  return out;
}
