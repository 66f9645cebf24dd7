/// <reference types="office-js" />
// What the Office host needs from its surroundings, as values it is handed: Excel.run, the requirement-set check and
// the document's settings store. The add-in passes the real ones (office.ts); tests pass the fake Excel.

/** Excel.run, or the fake's run. With a context, the batch runs on it (as Excel.run(context, batch) does). */
export type ExcelRun = <T>(batch: (context: Excel.RequestContext) => Promise<T>) => Promise<T>;

/** Excel.run(context, batch): a batch on a context from an earlier run (to remove event handlers it added). */
export type ExcelRunOn = <T>(
  context: Excel.RequestContext,
  batch: (context: Excel.RequestContext) => Promise<T>,
) => Promise<T>;

/** The document's own key-value store (Office.context.document.settings): read without a round trip to Excel, saved
 * into the workbook file. The host keeps only a hint here; the tool's memory lives in the hidden sheet. */
export interface DocumentSettings {
  get(name: string): unknown;
  set(name: string, value: unknown): void;
  save(): Promise<void>;
}

export interface OfficeEnv {
  readonly run: ExcelRun;
  readonly runOn: ExcelRunOn;
  /** Office.context.requirements.isSetSupported. */
  readonly isSetSupported: (name: string, version: string) => boolean;
  readonly settings: DocumentSettings;
  /** Office's display language (Office.context.displayLanguage), e.g. zh-CN or en-US. */
  readonly displayLanguage: string;
}

/** The requirement set the manifest asks for; getCellProperties and pageLayout need it (see manifest.xml). */
export const REQUIRED_API = { name: "ExcelApi", version: "1.9" } as const;

/** The one document settings key: the assessment sheet's name, a hint for the first read of the next run (which
 * sheets it includes). Never trusted: document settings are a per-runtime copy that saveAsync writes back whole
 * (excel-behaviour.md), so the settings and the memory live in the workbook's hidden sheet instead. */
export const HINT_SHEET = "xinyong.assessmentSheet";
