// The tool's memory between runs, kept inside the workbook as JSON text in column A of a hidden sheet.
import { cellText, normalizeHeader } from "../locate/normalize";
import type { CellValue, OfficeMemory, SavedCell, ToolMemory, WrittenValue } from "../model";

export const MEMORY_CHUNK = 30_000; // below Excel's 32,767 characters per cell

/** A value the tool wrote, as its memory keeps it: numbers as they are, an empty text as null, and a text (核查意见,
 * often long) as a fingerprint "#" + 8 hex digits (FNV-1a over its UTF-16 code units): enough to tell whether the
 * cell still holds what the tool wrote, at a fixed size for 50,000 units. Compare a cell with `remembered(value)`. */
export function remembered(value: number | string | null): WrittenValue {
  if (typeof value !== "string") return value;
  if (value === "") return null;
  let h = 0x811c9dc5;
  for (let i = 0; i < value.length; i++) {
    h ^= value.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return `#${h.toString(16).padStart(8, "0")}`;
}

export function encodeMemory(state: ToolMemory): string[] {
  const json = JSON.stringify(state);
  const chunks: string[] = [];
  for (let i = 0; i < json.length; i += MEMORY_CHUNK) chunks.push(json.slice(i, i + MEMORY_CHUNK));
  return chunks.length ? chunks : ["{}"];
}

function savedCell(v: unknown): SavedCell | null {
  if (typeof v !== "object" || v === null || !("fill" in v)) return null;
  const { fill, note, shown } = v as { fill: SavedCell["fill"]; note?: unknown; shown?: unknown };
  if (typeof note !== "boolean") return null;
  return shown === "missing" || shown === "invalid" || shown === "edited" ? { fill, note, shown } : { fill, note };
}

/** Sorted row numbers → [first, last] ranges. */
export function toRanges(rows: readonly number[]): [number, number][] {
  const out: [number, number][] = [];
  // A typed copy sorts numbers as numbers, without a comparison function (a large sheet has 100,000 rows).
  for (const r of Float64Array.from(rows).sort()) {
    const last = out[out.length - 1];
    if (last && r <= last[1] + 1) last[1] = Math.max(last[1], r);
    else out.push([r, r]);
  }
  return out;
}

/** Reads the chunks back; anything unreadable is treated as no memory (never an error for the user's data). */
export function decodeMemory(chunks: readonly unknown[]): ToolMemory | null {
  const text = chunks.filter((c): c is string => typeof c === "string").join("");
  if (text === "") return null;
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch {
    return null;
  }
  const version = (raw as { version?: unknown } | null)?.version;
  if (typeof raw !== "object" || raw === null || (version !== 1 && version !== 2)) return null;
  const r = raw as {
    assessmentSheet?: unknown;
    highlights?: unknown;
    settings?: unknown;
    scoredRows?: unknown;
    block?: unknown;
    written?: unknown;
    ranking?: unknown;
    sheets?: unknown;
    office?: unknown;
  };
  const highlights: Record<string, Record<string, SavedCell>> = {};
  if (typeof r.highlights === "object" && r.highlights !== null) {
    for (const [sheet, cells] of Object.entries(r.highlights as Record<string, unknown>)) {
      if (typeof cells !== "object" || cells === null) continue;
      highlights[sheet] = {};
      for (const [addr, raw] of Object.entries(cells as Record<string, unknown>)) {
        const saved = savedCell(raw);
        if (saved) highlights[sheet][addr] = saved;
      }
    }
  }
  const settings: Record<string, string | number> = {};
  if (typeof r.settings === "object" && r.settings !== null) {
    for (const [k, v] of Object.entries(r.settings as Record<string, unknown>)) {
      if (typeof v === "string" || typeof v === "number") settings[k] = v;
    }
  }
  const scoredRows = Array.isArray(r.scoredRows)
    ? r.scoredRows.filter(
        (x): x is [number, number] =>
          Array.isArray(x) && x.length === 2 && x.every((n) => Number.isSafeInteger(n) && n > 0) && x[0] <= x[1],
      )
    : undefined;
  const block = blockOf(r.block);
  const written = block ? writtenOf(r.written, block.headers.length) : undefined;
  return {
    version: 2,
    assessmentSheet: typeof r.assessmentSheet === "string" ? r.assessmentSheet : undefined,
    highlights,
    scoredRows,
    settings,
    ...(block ? { block } : {}),
    ...(written ? { written } : {}),
    ...(typeof r.ranking === "string" ? { ranking: r.ranking } : {}),
    ...sheetsOf(r.sheets),
    ...officeOf(r.office),
  };
}

function officeOf(raw: unknown): { office?: OfficeMemory } {
  if (typeof raw !== "object" || raw === null) return {};
  const { autoRecalc, sheetIds } = raw as { autoRecalc?: unknown; sheetIds?: unknown };
  const ids: Record<string, string> = {};
  if (typeof sheetIds === "object" && sheetIds !== null) {
    for (const [name, id] of Object.entries(sheetIds as Record<string, unknown>))
      if (typeof id === "string") ids[name] = id;
  }
  return {
    office: {
      ...(typeof autoRecalc === "boolean" ? { autoRecalc } : {}),
      ...(Object.keys(ids).length > 0 ? { sheetIds: ids } : {}),
    },
  };
}

function sheetsOf(raw: unknown): { sheets?: ToolMemory["sheets"] } {
  if (typeof raw !== "object" || raw === null) return {};
  const out: Record<string, { headerRow: number; print: string }> = {};
  for (const [name, v] of Object.entries(raw as Record<string, unknown>)) {
    const { headerRow, print } = (v ?? {}) as { headerRow?: unknown; print?: unknown };
    if (
      typeof headerRow === "number" &&
      Number.isSafeInteger(headerRow) &&
      headerRow > 0 &&
      typeof print === "string"
    ) {
      out[name] = { headerRow, print };
    }
  }
  return { sheets: out };
}

/** A fingerprint of a sheet's header row: the texts of its cells, normalised as headers are, in sorted order, blanks and
 * the tool's own score headers (`own`) left out, so the tool's writes, a moved column or an empty one inserted do not
 * change it, while another sheet's header does. */
export function headerPrint(row: readonly CellValue[] | undefined, own: readonly string[]): string {
  const skip = new Set(own.map(normalizeHeader));
  const texts = (row ?? []).map((v) => normalizeHeader(cellText(v ?? null))).filter((t) => t !== "" && !skip.has(t));
  return String(remembered(JSON.stringify(texts.sort())));
}

function blockOf(raw: unknown): ToolMemory["block"] {
  if (typeof raw !== "object" || raw === null) return undefined;
  const b = raw as { sheet?: unknown; headerRow?: unknown; col?: unknown; headers?: unknown };
  const positive = (n: unknown): n is number => typeof n === "number" && Number.isSafeInteger(n) && n > 0;
  if (typeof b.sheet !== "string" || !positive(b.headerRow) || !positive(b.col) || !Array.isArray(b.headers)) {
    return undefined;
  }
  const headers = b.headers.filter((h): h is string => typeof h === "string");
  if (headers.length === 0 || headers.length !== b.headers.length) return undefined;
  return { sheet: b.sheet, headerRow: b.headerRow, col: b.col, headers };
}

function writtenOf(raw: unknown, width: number): Record<string, WrittenValue[]> | undefined {
  if (typeof raw !== "object" || raw === null) return undefined;
  const out: Record<string, WrittenValue[]> = {};
  for (const [unit, values] of Object.entries(raw as Record<string, unknown>)) {
    if (!Array.isArray(values) || values.length !== width) continue;
    if (!values.every((v) => v === null || typeof v === "string" || (typeof v === "number" && Number.isFinite(v)))) {
      continue;
    }
    out[unit] = values as WrittenValue[];
  }
  return out;
}
