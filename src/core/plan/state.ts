// The tool's memory between runs, kept inside the workbook as JSON text in column A of a hidden sheet.
import type { SavedCell, ToolState } from "../model";

export const STATE_CHUNK = 30_000; // below Excel's 32,767 characters per cell

export function encodeState(state: ToolState): string[] {
  const json = JSON.stringify(state);
  const chunks: string[] = [];
  for (let i = 0; i < json.length; i += STATE_CHUNK) chunks.push(json.slice(i, i + STATE_CHUNK));
  return chunks.length ? chunks : ["{}"];
}

function isSaved(v: unknown): v is SavedCell {
  return typeof v === "object" && v !== null && "fill" in v && typeof (v as { note?: unknown }).note === "boolean";
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
export function decodeState(chunks: readonly unknown[]): ToolState | null {
  const text = chunks.filter((c): c is string => typeof c === "string").join("");
  if (text === "") return null;
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch {
    return null;
  }
  if (typeof raw !== "object" || raw === null || (raw as { version?: unknown }).version !== 1) return null;
  const r = raw as { assessmentSheet?: unknown; highlights?: unknown; settings?: unknown; scoredRows?: unknown };
  const highlights: Record<string, Record<string, SavedCell>> = {};
  if (typeof r.highlights === "object" && r.highlights !== null) {
    for (const [sheet, cells] of Object.entries(r.highlights as Record<string, unknown>)) {
      if (typeof cells !== "object" || cells === null) continue;
      highlights[sheet] = {};
      for (const [addr, saved] of Object.entries(cells as Record<string, unknown>)) {
        if (isSaved(saved)) highlights[sheet][addr] = saved;
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
  return {
    version: 1,
    assessmentSheet: typeof r.assessmentSheet === "string" ? r.assessmentSheet : undefined,
    highlights,
    scoredRows,
    settings,
  };
}
