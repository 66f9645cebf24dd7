/// <reference types="office-js" />
// The real surroundings: Office.js globals, used only by the add-in's entry points (task pane, ribbon commands).
import { type OfficeEnv, REQUIRED_API } from "./env";

export function officeEnv(): OfficeEnv {
  const settings = Office.context.document.settings;
  return {
    run: (batch) => Excel.run(batch),
    runOn: (context, batch) => Excel.run(context, batch),
    isSetSupported: (name, version) => Office.context.requirements.isSetSupported(name, version),
    settings: {
      get: (name) => settings.get(name) as unknown,
      set: (name, value) => settings.set(name, value),
      save: () =>
        new Promise<void>((resolve, reject) =>
          settings.saveAsync((r) => {
            if (r.status === Office.AsyncResultStatus.Succeeded) resolve();
            else reject(r.error);
          }),
        ),
    },
    displayLanguage: Office.context.displayLanguage,
  };
}

export interface Boot {
  readonly env: OfficeEnv | null;
  readonly supported: boolean;
  readonly displayLanguage: string;
  /** False when the page is not in Office: opened in a browser, or office.js did not load. */
  readonly inOffice: boolean;
}

const OUTSIDE_OFFICE: Boot = { env: null, supported: false, displayLanguage: "zh-CN", inOffice: false };

/** Waits for Office; on a host below the required API set, says so instead of starting. Outside Office (the page opened
 * in a browser: office.js resolves onReady with host null and gives no usable Office.context), or where office.js
 * itself did not load, it says that instead of failing on the missing context. */
export async function bootOffice(): Promise<Boot> {
  if (typeof Office === "undefined" || typeof Office.onReady !== "function") return OUTSIDE_OFFICE;
  const info = await Office.onReady();
  if (!info?.host || !Office.context) return OUTSIDE_OFFICE;
  const displayLanguage = Office.context.displayLanguage ?? "zh-CN";
  const supported = Office.context.requirements?.isSetSupported(REQUIRED_API.name, REQUIRED_API.version) === true;
  return { env: supported ? officeEnv() : null, supported, displayLanguage, inOffice: true };
}
