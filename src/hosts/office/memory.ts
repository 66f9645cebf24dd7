// The tool's memory across runs when sheets move under it, and while a run is being written. Pure: no Office.js.
import { type SavedCell, type ToolMemory, type WritePlan, encodeMemory } from "../../core";

/** The ids to remember after a run: those of the sheets the memory names (kept in the memory, `office.sheetIds`). */
export function rememberIds(
  state: ToolMemory,
  sheets: readonly { readonly name: string; readonly id: string }[],
): Record<string, string> {
  const named = new Set([...(state.assessmentSheet ? [state.assessmentSheet] : []), ...Object.keys(state.highlights)]);
  return Object.fromEntries(sheets.filter((s) => named.has(s.name)).map((s) => [s.name, s.id]));
}

/** The plan's memory with the sheet ids of this session (a plan already holding them is returned as it is). */
export function withSheetIds(
  p: WritePlan,
  sheets: readonly { readonly name: string; readonly id: string }[],
): WritePlan {
  const ids = rememberIds(p.memory, sheets);
  if (JSON.stringify(p.memory.office?.sheetIds ?? {}) === JSON.stringify(ids)) return p;
  const office = { ...p.memory.office, sheetIds: ids };
  const state: ToolMemory = { ...p.memory, office };
  return { ...p, memory: state, memoryChunks: encodeMemory(state) };
}

/** A sheet the memory names that is gone by its name but whose id is still there was renamed: the memory follows it
 * (its highlights, the remembered assessment sheet and its scored rows). A sheet gone altogether stays as it is
 * remembered, and the plan drops its highlights. Returns the state to score with and the renames found. */
export function followRenames(
  state: ToolMemory | null,
  sheets: readonly { readonly name: string; readonly id: string }[],
): { state: ToolMemory | null; renamed: Map<string, string> } {
  const renamed = new Map<string, string>();
  const ids = state?.office?.sheetIds;
  if (!state || !ids) return { state, renamed };
  const names = new Set(sheets.map((s) => s.name));
  const byId = new Map(sheets.map((s) => [s.id, s.name]));
  const named = [...(state.assessmentSheet ? [state.assessmentSheet] : []), ...Object.keys(state.highlights)];
  for (const old of named) {
    if (names.has(old) || renamed.has(old)) continue;
    const id = ids[old];
    const now = id !== undefined ? byId.get(id) : undefined;
    if (now !== undefined && now !== old) renamed.set(old, now);
  }
  if (renamed.size === 0) return { state, renamed };
  const highlights: Record<string, ToolMemory["highlights"][string]> = {};
  for (const [sheet, cells] of Object.entries(state.highlights)) {
    const to = renamed.get(sheet) ?? sheet;
    highlights[to] = { ...(highlights[to] ?? {}), ...cells };
  }
  const main = state.assessmentSheet;
  // the header fingerprints go with the names: core/plan checks the sheet now under that name against them
  const prints = state.sheets
    ? Object.fromEntries(Object.entries(state.sheets).map(([name, rec]) => [renamed.get(name) ?? name, rec]))
    : undefined;
  return {
    state: {
      ...state,
      highlights,
      assessmentSheet: main !== undefined ? (renamed.get(main) ?? main) : main,
      ...(prints ? { sheets: prints } : {}),
    },
    renamed,
  };
}

/** The memory to write before a run's first change reaches the workbook: every highlight the old memory knew or the
 * new one adds, each with the cell's own fill, and only the rows the old memory knew the tool had scored. Whatever
 * sync the run stops after (a write refused, the pane closed, the connection lost), the memory then knows every
 * highlight standing in the workbook with its own fill, and claims no row the tool has not written; the next run puts
 * the rest right. It records no written values (the cells may hold old or new ones): the final memory, written
 * last in the same sync or the last one, does. */
export function interimMemory(previous: ToolMemory | null, next: ToolMemory, present: ReadonlySet<string>): string[] {
  const highlights: Record<string, Record<string, SavedCell>> = {};
  for (const [sheet, cells] of Object.entries(next.highlights)) highlights[sheet] = { ...cells };
  for (const [sheet, cells] of Object.entries(previous?.highlights ?? {})) {
    if (!present.has(sheet)) continue;
    for (const [addr, saved] of Object.entries(cells))
      if (!highlights[sheet]?.[addr]) (highlights[sheet] ??= {})[addr] = saved;
  }
  const sameSheet = previous?.assessmentSheet === next.assessmentSheet;
  const scoredRows = sameSheet ? (previous?.scoredRows ?? []) : [];
  const { written: _written, ...rest } = next;
  return encodeMemory({ ...rest, highlights, scoredRows });
}
