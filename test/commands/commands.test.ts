/** @jest-environment jsdom */
/// <reference types="office-js" />
// The ribbon's 重新计算: the real function file, with Office's globals standing over the fake Excel.
import { loadWorkbook } from "../../src/hosts/xlsx/workbook";
import { FakeExcel } from "../../src/preview/excel";
import { SAMPLE, documentFrom } from "../fakes/from-xlsx";

interface Globals {
  Office: unknown;
  Excel: unknown;
  recalculate?: (event: { completed: () => void }) => Promise<void>;
}
const g = globalThis as unknown as Globals;

function install(excel: FakeExcel, apiVersion = "1.9") {
  excel.apiVersion = apiVersion;
  const dialogs: string[] = [];
  const closed: string[] = [];
  const associated: Record<string, unknown> = {};
  g.Excel = { run: (a: unknown, b?: unknown) => (b ? excel.runOn(a as never, b as never) : excel.run(a as never)) };
  g.Office = {
    onReady: (cb?: () => void) => {
      cb?.();
      return Promise.resolve({ host: "Excel" });
    },
    AsyncResultStatus: { Succeeded: "succeeded" },
    actions: { associate: (name: string, f: unknown) => (associated[name] = f) },
    context: {
      displayLanguage: "zh-CN",
      requirements: { isSetSupported: excel.isSetSupported },
      document: {
        settings: {
          get: excel.settings.get,
          set: excel.settings.set,
          saveAsync: (cb: (r: { status: string }) => void) => cb({ status: "succeeded" }),
        },
      },
      ui: {
        // Office.context.ui.displayDialogAsync: the callback's AsyncResult holds the Dialog, whose close() shuts it.
        displayDialogAsync: (url: string, _o: unknown, cb: (r: unknown) => void) => {
          const text = decodeURIComponent(new URL(url).searchParams.get("m") ?? "");
          dialogs.push(text);
          cb({ status: "succeeded", value: { close: () => closed.push(text) } });
        },
      },
    },
  };
  return { dialogs, closed, associated };
}

async function loadCommands() {
  let mod: typeof import("../../src/commands/commands") | undefined;
  jest.isolateModules(() => {
    // eslint-disable-next-line @typescript-eslint/no-require-imports -- loaded after the globals exist
    mod = require("../../src/commands/commands");
  });
  return mod!;
}

describe("ribbon 重新计算", () => {
  it("scores the workbook without the pane and completes the event", async () => {
    const excel = new FakeExcel(documentFrom(await loadWorkbook(SAMPLE)));
    const { dialogs, associated } = install(excel);
    const { recalculateCommand } = await loadCommands();
    expect(associated.recalculate).toBe(recalculateCommand);
    expect(g.recalculate).toBe(recalculateCommand);
    const completed = jest.fn();
    await recalculateCommand({ completed } as unknown as Office.AddinCommands.Event);
    expect(completed).toHaveBeenCalledTimes(1);
    expect(excel.doc.sheet("考核排名")).toBeDefined();
    expect(excel.syncCount).toBe(2);
    expect(dialogs).toEqual([]);
  });

  it("shows an Office error in a dialog and still completes the event", async () => {
    const excel = new FakeExcel(documentFrom(await loadWorkbook(SAMPLE)));
    const { dialogs } = install(excel);
    excel.payloadLimit = 1000;
    const { recalculateCommand } = await loadCommands();
    const completed = jest.fn();
    await recalculateCommand({ completed } as unknown as Office.AddinCommands.Event);
    expect(completed).toHaveBeenCalledTimes(1);
    expect(dialogs).toHaveLength(1);
    expect(dialogs[0]).toMatch(/PayloadSizeLimitExceeded/);
  });

  it("says so on a host below ExcelApi 1.9", async () => {
    const excel = new FakeExcel(documentFrom(await loadWorkbook(SAMPLE)));
    const { dialogs } = install(excel, "1.8");
    const { recalculateCommand } = await loadCommands();
    const completed = jest.fn();
    await recalculateCommand({ completed } as unknown as Office.AddinCommands.Event);
    expect(completed).toHaveBeenCalledTimes(1);
    expect(dialogs[0]).toMatch(/Excel 太旧.*Excel 2021 或更高版本/);
    expect(excel.syncCount).toBe(0);
  });

  it("a long run shows a dialog while it works, and closes it when done", async () => {
    const excel = new FakeExcel(documentFrom(await loadWorkbook(SAMPLE)));
    const { dialogs, closed } = install(excel);
    const { recalculateCommand, RIBBON } = await loadCommands();
    RIBBON.progressAfterMs = 5;
    excel.onSync = () => new Promise((r) => setTimeout(r, 20)); // each round trip takes a while
    const completed = jest.fn();
    await recalculateCommand({ completed } as unknown as Office.AddinCommands.Event);
    expect(completed).toHaveBeenCalledTimes(1);
    expect(dialogs).toEqual([expect.stringMatching(/正在重新计算/)]);
    expect(closed).toEqual(dialogs);
    expect(excel.doc.sheet("考核排名")).toBeDefined();
  });

  it("stops between two round trips before Office ends its runtime at 5 minutes, and says what to do", async () => {
    const excel = new FakeExcel(documentFrom(await loadWorkbook(SAMPLE)));
    const { dialogs, closed } = install(excel);
    const { recalculateCommand, RIBBON } = await loadCommands();
    let clock = 0;
    RIBBON.now = () => clock;
    RIBBON.progressAfterMs = 0;
    excel.onSync = async () => {
      await new Promise((r) => setTimeout(r, 10));
      clock += 280_000; // the read takes 280 s of the 270 s given
    };
    const completed = jest.fn();
    await recalculateCommand({ completed } as unknown as Office.AddinCommands.Event);
    expect(completed).toHaveBeenCalledTimes(1);
    expect(excel.syncCount).toBe(1); // the read; the write would have started past the deadline
    expect(excel.doc.sheet("考核排名")).toBeUndefined();
    expect(dialogs).toHaveLength(2);
    expect(closed).toEqual([dialogs[0]]); // the progress dialog closed before the message opened
    expect(dialogs[1]).toMatch(/未能在 5 分钟内完成/);
    expect(dialogs[1]).toMatch(/任务窗格/);
  });
});
