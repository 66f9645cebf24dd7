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
}

/** Waits for Office; on a host below the required API set, says so instead of starting. */
export async function bootOffice(): Promise<Boot> {
  await Office.onReady();
  const displayLanguage = Office.context.displayLanguage ?? "zh-CN";
  const supported = Office.context.requirements?.isSetSupported(REQUIRED_API.name, REQUIRED_API.version) === true;
  return { env: supported ? officeEnv() : null, supported, displayLanguage };
}
