/// <reference types="office-js" />
// The browser preview's stand-in for office.js, loaded by the task pane's own page (src/html/taskpane.html) where
// Excel would load office.js. It gives the pane's real entry point and Office host (src/hosts/office) the globals they
// use, Office and Excel, over the simulated Excel that the preview page around the pane holds (see bridge.ts).
// Nothing else of Office.js is here: a pane that used more would fail in the preview as it would be missed in tests.
import { HOST_KEY, type PreviewHost, type PreviewWindow } from "./bridge";

type Batch<T> = (context: Excel.RequestContext) => Promise<T>;

/** Errors made in the preview page's window are not `instanceof Error` here; the pane sees them as Excel's own. */
function local(e: unknown): unknown {
  if (e instanceof Error || typeof e !== "object" || e === null) return e;
  const src = e as { name?: string; message?: string; code?: string; debugInfo?: unknown };
  const copy = new Error(src.message ?? String(e)) as Error & { code?: string; debugInfo?: unknown };
  copy.name = src.name ?? "Error";
  if (src.code !== undefined) copy.code = src.code;
  if (src.debugInfo !== undefined) copy.debugInfo = src.debugInfo;
  return copy;
}

function host(): PreviewHost | undefined {
  try {
    return (window.parent as PreviewWindow)[HOST_KEY];
  } catch {
    return undefined; // another origin's page around us
  }
}

function install(h: PreviewHost | undefined): void {
  const excel = h?.excel;
  const settings = excel?.settings;
  const after = <T>(p: Promise<T>): Promise<T> =>
    p.then(
      (v) => {
        h?.changed();
        return v;
      },
      (e: unknown) => {
        h?.changed();
        throw local(e);
      },
    );
  const office = {
    AsyncResultStatus: { Succeeded: "succeeded", Failed: "failed" },
    HostType: { Excel: "Excel" },
    onReady: (): Promise<{ host: string; platform: string }> =>
      h
        ? Promise.resolve({ host: "Excel", platform: "OfficeOnline" })
        : Promise.reject(new Error("这是浏览器预览中的任务窗格，请从预览页面打开。")),
    context: {
      displayLanguage: h?.displayLanguage ?? "zh-CN",
      requirements: {
        isSetSupported: (name: string, version: string) => excel?.isSetSupported(name, version) ?? false,
      },
      document: {
        settings: {
          get: (name: string) => settings?.get(name) ?? null,
          set: (name: string, value: unknown) => settings?.set(name, value),
          saveAsync: (callback?: (r: { status: string; error?: unknown }) => void) => {
            (settings ? settings.save() : Promise.resolve()).then(
              () => callback?.({ status: "succeeded" }),
              (error: unknown) => callback?.({ status: "failed", error }),
            );
          },
        },
      },
    },
  };
  const run = <T>(a: Batch<T> | Excel.RequestContext, b?: Batch<T>): Promise<T> => {
    if (!excel) return Promise.reject(new Error("no workbook"));
    return after(b ? excel.runOn(a as Excel.RequestContext, b) : excel.run(a as Batch<T>));
  };
  Object.assign(window, { Office: office, Excel: { run } });
}

install(host());
