// The tool's memory across runs when sheets move under it, and while a run is being written. Pure: no Office.js.
import { type SavedCell, type ToolState, encodeState } from "../../core";

/** Document settings key: sheet name → Worksheet.id, for the sheets the memory names (assessment sheet, highlights). */
export const SHEET_IDS = "xinyong.sheetIds";

/** The ids to remember after a run: those of the sheets the memory names. */
export function rememberIds(
  state: ToolState,
  sheets: readonly { readonly name: string; readonly id: string }[],
): Record<string, string> {
  const named = new Set([...(state.assessmentSheet ? [state.assessmentSheet] : []), ...Object.keys(state.highlights)]);
  return Object.fromEntries(sheets.filter((s) => named.has(s.name)).map((s) => [s.name, s.id]));
}

/** A sheet the memory names that is gone by its name but whose id is still there was renamed: the memory follows it
 * (its highlights, the remembered assessment sheet and its scored rows). A sheet gone altogether stays as it is
 * remembered, and the plan drops its highlights. Returns the state to score with and the renames found. */
export function followRenames(
  state: ToolState | null,
  sheets: readonly { readonly name: string; readonly id: string }[],
  ids: unknown,
): { state: ToolState | null; renamed: Map<string, string> } {
  const renamed = new Map<string, string>();
  if (!state || typeof ids !== "object" || ids === null) return { state, renamed };
  const names = new Set(sheets.map((s) => s.name));
  const byId = new Map(sheets.map((s) => [s.id, s.name]));
  const named = [...(state.assessmentSheet ? [state.assessmentSheet] : []), ...Object.keys(state.highlights)];
  for (const old of named) {
    if (names.has(old) || renamed.has(old)) continue;
    const id = (ids as Record<string, unknown>)[old];
    const now = typeof id === "string" ? byId.get(id) : undefined;
    if (now !== undefined && now !== old) renamed.set(old, now);
  }
  if (renamed.size === 0) return { state, renamed };
  const highlights: Record<string, ToolState["highlights"][string]> = {};
  for (const [sheet, cells] of Object.entries(state.highlights)) {
    const to = renamed.get(sheet) ?? sheet;
    highlights[to] = { ...(highlights[to] ?? {}), ...cells };
  }
  const main = state.assessmentSheet;
  return {
    state: { ...state, highlights, assessmentSheet: main !== undefined ? (renamed.get(main) ?? main) : main },
    renamed,
  };
}

function toRanges(rows: Iterable<number>): [number, number][] {
  const out: [number, number][] = [];
  for (const r of [...new Set(rows)].sort((a, b) => a - b)) {
    const last = out[out.length - 1];
    if (last && r === last[1] + 1) last[1] = r;
    else out.push([r, r]);
  }
  return out;
}

function rowsOf(ranges: readonly (readonly [number, number])[] | undefined): number[] {
  const out: number[] = [];
  for (const [a, b] of ranges ?? []) for (let r = a; r <= b; r++) out.push(r);
  return out;
}

/** The memory to write before a run's first change reaches the workbook: the new memory plus everything the old one
 * knew that this run is about to undo (highlights to be taken away, rows to be cleared). Whatever sync the run stops
 * after, the memory then knows every highlight standing in the workbook with its own fill, and every row holding the
 * tool's scores; the next run finishes the job. Null when it is the new memory itself. */
export function interimState(
  previous: ToolState | null,
  next: ToolState,
  present: ReadonlySet<string>,
): string[] | null {
  if (!previous) return null;
  let more = false;
  const highlights: Record<string, Record<string, SavedCell>> = {};
  for (const [sheet, cells] of Object.entries(next.highlights)) highlights[sheet] = { ...cells };
  for (const [sheet, cells] of Object.entries(previous.highlights)) {
    if (!present.has(sheet)) continue;
    for (const [addr, saved] of Object.entries(cells)) {
      if (highlights[sheet]?.[addr]) continue;
      (highlights[sheet] ??= {})[addr] = saved;
      more = true;
    }
  }
  const rows = new Set(rowsOf(next.scoredRows));
  const old = previous.assessmentSheet === next.assessmentSheet ? rowsOf(previous.scoredRows) : [];
  if (old.some((r) => !rows.has(r))) more = true;
  if (!more) return null;
  return encodeState({ ...next, highlights, scoredRows: toRanges([...rows, ...old]) });
}
