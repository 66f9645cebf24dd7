/// <reference types="office-js" />
// Worksheet events (ExcelApi 1.7): onChanged and onSelectionChanged on chosen sheets, each with the sheet it came from.
// Handlers live as long as the runtime that added them; removing one needs the context it was added in.
import type { ExcelRun, ExcelRunOn } from "./env";

/** What Excel hands an event handler, as far as the add-in reads it. triggerSource exists from ExcelApi 1.14 only. */
export interface SheetEvent {
  readonly address: string;
  readonly worksheetId: string;
  readonly source?: string;
  readonly triggerSource?: string;
}

export type Unsubscribe = () => Promise<void>;

/** Adds `handler` for `which` on the sheets `choose` picks from the workbook's sheet names (one round trip to list them,
 * one to add); resolves to the way to remove them again. */
export async function listenSheets(
  run: ExcelRun,
  runOn: ExcelRunOn,
  which: "onChanged" | "onSelectionChanged",
  choose: (names: readonly string[]) => string[],
  handler: (sheet: string, event: SheetEvent) => void,
): Promise<Unsubscribe> {
  const registered = await run(async (context) => {
    const sheets = context.workbook.worksheets;
    sheets.load("items/name,items/id");
    await context.sync();
    const names = sheets.items.map((s) => s.name);
    const byId = new Map(sheets.items.map((s) => [s.id, s.name]));
    const results: OfficeExtension.EventHandlerResult<unknown>[] = [];
    for (const name of choose(names)) {
      const ws = sheets.getItem(name);
      const onEvent = async (args: SheetEvent) => {
        handler(byId.get(args.worksheetId) ?? name, args);
      };
      results.push(which === "onChanged" ? ws.onChanged.add(onEvent) : ws.onSelectionChanged.add(onEvent));
    }
    await context.sync();
    return { context, results };
  });
  return () =>
    runOn(registered.context, async (context) => {
      for (const r of registered.results) r.remove();
      await context.sync();
    });
}

/** Shows a cell to the user: activates its sheet and selects it. */
export function selectCell(run: ExcelRun, sheet: string, address: string): Promise<void> {
  return run(async (context) => {
    const ws = context.workbook.worksheets.getItem(sheet);
    ws.activate();
    ws.getRange(address).select();
    await context.sync();
  });
}
