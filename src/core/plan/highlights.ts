// Highlights: each flagged cell's fill and note, and each fixed one's own fill given back, with the memory of them.
import { scoreHeadersOf } from "../locate/score-block";
import type { Assessment } from "../assess";
import { address, parseAddress } from "../address";
import type { Finding, SavedCell, Snapshot, ToolMemory } from "../model";
import { FINDING_LABELS } from "../findings";
import { headerPrint } from "./memory";
import { type HandEdit, handEditNote } from "./hand-edits";
import type { FormatWrite, HighlightKind } from "./write-plan";
import { NOTE_PREFIX } from "./write-plan";

export function highlightFormats(
  a: Assessment,
  snapshot: Snapshot,
  edits: readonly HandEdit[] = [],
): { formats: FormatWrite[]; highlights: ToolMemory["highlights"] } {
  const sheets = new Map(snapshot.sheets.map((s) => [s.name, s]));
  // Highlights remembered on a sheet count only where the sheet is proven to be the one remembered: its header row
  // reads as it did. A name or a Worksheet.id proves nothing (an id is stable within a session only, office-js-docs
  // #297): a new sheet given an old id, or another sheet renamed to an old name, never gets remembered fills.
  const known = snapshot.memory?.sheets;
  const ownHeaders = scoreHeadersOf(a.rulebook);
  const previous = Object.fromEntries(
    Object.entries(snapshot.memory?.highlights ?? {}).filter(([name]) => {
      const rec = known?.[name];
      if (!rec) return true; // a memory from before the fingerprints: by name, as it was written
      const snap = sheets.get(name);
      return snap !== undefined && headerPrint(snap.rows[rec.headerRow - 1], ownHeaders) === rec.print;
    }),
  );
  const flagged = new Map<
    string,
    { sheet: string; row: number; col: number; addr: string; kind: HighlightKind; messages: string[] }
  >();
  const add = (f: Finding, sheet: string) => {
    if (f.kind === "warning" || f.row === undefined || f.col === undefined) return;
    const addr = address(f.row, f.col);
    const key = `${sheet}!${addr}`;
    const cur = flagged.get(key);
    if (cur) {
      cur.messages.push(f.message);
      if (f.kind === "invalid") cur.kind = "invalid";
    } else flagged.set(key, { sheet, row: f.row, col: f.col, addr, kind: f.kind, messages: [f.message] });
  };
  const main = a.layout.sheet.name;
  for (const u of a.units) for (const f of u.findings) add(f, f.sheet ?? main);
  for (const f of a.findings) add(f, f.sheet ?? main);
  // A score typed over by hand and kept as typed (the add-in): blue, with what the tool computes.
  for (const e of edits) {
    const addr = address(e.row, e.col);
    flagged.set(`${main}!${addr}`, {
      sheet: main,
      row: e.row,
      col: e.col,
      addr,
      kind: "edited",
      messages: [handEditNote(e)],
    });
  }

  const formats: FormatWrite[] = [];
  const highlights: Record<string, Record<string, SavedCell>> = {};
  for (const h of flagged.values()) {
    const addr = h.addr;
    const snap = sheets.get(h.sheet);
    const before = previous[h.sheet]?.[addr];
    const currentNote = snap?.notes?.get(addr);
    // The note standing in the cell now decides: a user's note written over the tool's since the last run is theirs,
    // and is never replaced (workbook.md: nothing the office typed is ever changed, no comment). A host that cannot
    // see notes gets none attached.
    const ours = snap?.notesKnown !== false && (currentNote === undefined || currentNote.startsWith(NOTE_PREFIX));
    const saved: SavedCell = {
      fill: before ? before.fill : (snap?.fills?.get(addr) ?? null),
      note: ours,
      shown: h.kind,
    };
    (highlights[h.sheet] ??= {})[addr] = saved;
    const label = h.kind === "edited" ? "手工改动" : FINDING_LABELS[h.kind];
    formats.push({
      sheet: h.sheet,
      row: h.row,
      col: h.col,
      fill: { kind: "highlight", highlight: h.kind },
      note: ours ? { set: `${NOTE_PREFIX}${label}\n${h.messages.join("\n")}` } : { keep: true },
    });
  }
  // Cells fixed since the last run get their own fill back, and lose the tool's note.
  for (const [sheet, cells] of Object.entries(previous)) {
    const snap = sheets.get(sheet);
    if (!snap) continue;
    for (const [addr, saved] of Object.entries(cells)) {
      if (highlights[sheet]?.[addr]) continue;
      const at = parseAddress(addr);
      if (!at) continue;
      const note = snap.notes?.get(addr);
      formats.push({
        sheet,
        row: at[0],
        col: at[1],
        fill: { kind: "restore", fill: saved.fill },
        note: saved.note && note !== undefined && note.startsWith(NOTE_PREFIX) ? { remove: true } : { keep: true },
      });
    }
  }
  return { formats, highlights };
}
