/** @jest-environment jsdom */
// Booting the add-in (bootOffice, and the task pane's entry over it) outside Office: opened in a browser, office.js
// resolves Office.onReady with host null and gives no usable Office.context; where office.js did not load there is no
// Office at all. Either way the pane says to open it in Excel instead of failing on the missing context.
import { findByText } from "@testing-library/dom";
import { bootOffice } from "../../../src/hosts/office/office";

interface Globals {
  Office?: unknown;
  __xinyongStarted?: boolean;
  __xinyongUnsupported?: boolean;
}
const g = globalThis as unknown as Globals;

const OPEN_IN_EXCEL = "请在 Excel 中打开此加载项";

/** Office as office.js leaves it in a plain browser: onReady says host null; `context` as given (none by default). */
function outsideOffice(context?: object) {
  g.Office = {
    onReady: (cb?: (info: unknown) => void) => {
      const info = { host: null, platform: null };
      cb?.(info);
      return Promise.resolve(info);
    },
    ...(context ? { context } : {}),
  };
}

/** Office in Excel with the given ExcelApi version. */
function inExcel(apiVersion: string) {
  g.Office = {
    onReady: () => Promise.resolve({ host: "Excel", platform: "PC" }),
    AsyncResultStatus: { Succeeded: "succeeded" },
    context: {
      displayLanguage: "en-US",
      requirements: {
        isSetSupported: (name: string, version: string) => name === "ExcelApi" && Number(version) <= Number(apiVersion),
      },
      document: { settings: { get: () => null, set: () => undefined, saveAsync: () => undefined } },
    },
  };
}

/** Loads the task pane's entry afresh over a page holding only its loading text, as taskpane.html does. */
function loadPane(): HTMLElement {
  document.body.innerHTML = '<div id="root">正在加载… Loading…</div>';
  jest.isolateModules(() => {
    // eslint-disable-next-line @typescript-eslint/no-require-imports -- run after the globals are in place
    require("../../../src/taskpane/index");
  });
  return document.getElementById("root")!;
}

afterEach(() => {
  delete g.Office;
  delete g.__xinyongStarted;
  delete g.__xinyongUnsupported;
  document.body.innerHTML = "";
});

describe("bootOffice", () => {
  it("outside Office (onReady gives host null, no Office.context): not in Office, no TypeError", async () => {
    outsideOffice();
    await expect(bootOffice()).resolves.toEqual({
      env: null,
      supported: false,
      displayLanguage: "zh-CN",
      inOffice: false,
    });
  });

  it("outside Office with the empty Office.context office.js 1.1 leaves there: not in Office", async () => {
    outsideOffice({});
    await expect(bootOffice()).resolves.toMatchObject({ env: null, inOffice: false });
  });

  it("where office.js did not load (no Office at all): not in Office", async () => {
    await expect(bootOffice()).resolves.toMatchObject({ env: null, supported: false, inOffice: false });
  });

  it("in Excel: in Office, supported from ExcelApi 1.9, with Office's display language", async () => {
    inExcel("1.9");
    const boot = await bootOffice();
    expect(boot).toMatchObject({ supported: true, inOffice: true, displayLanguage: "en-US" });
    expect(boot.env).not.toBeNull();
    inExcel("1.8");
    await expect(bootOffice()).resolves.toMatchObject({ env: null, supported: false, inOffice: true });
  });
});

describe("the task pane's entry", () => {
  it("outside Office shows 请在 Excel 中打开此加载项 with an English line, in place of the loading text", async () => {
    outsideOffice();
    const root = loadPane();
    await findByText(root, OPEN_IN_EXCEL);
    expect(root.textContent).toContain("Please open this add-in in Excel");
    expect(root.textContent).not.toContain("正在加载");
    expect(root.textContent).not.toMatch(/TypeError|出错了/);
    expect(g.__xinyongStarted).toBe(true); // the mark the page's guard waits for
  });

  it("where office.js did not load shows the same message", async () => {
    const root = loadPane();
    await findByText(root, OPEN_IN_EXCEL);
    expect(root.textContent).toContain("Please open this add-in in Excel");
  });

  it("does not start where the page's guard has found the webview unable to run it", async () => {
    outsideOffice();
    g.__xinyongUnsupported = true;
    const root = loadPane();
    await new Promise((r) => setTimeout(r, 50));
    expect(root.textContent).toBe("正在加载… Loading…"); // the guard's message goes here, not the pane
    expect(g.__xinyongStarted).toBeUndefined();
  });
});
