/// <reference types="office-js" />
// The application: what Excel.run, Office.context.requirements and Office.context.document.settings give a runtime
// of the add-in, and what a test or the preview does as the user (edit, select) or as a co-author.
import { parseRect, rectAddress } from "./addresses";
import { excelValue, store } from "./cells";
import { FakeContext, type SyncRecord } from "./context";
import { type CellModel, FakeDocument, type RangeTarget } from "./document";
import { HANDLER_OWNER } from "./events";

export class FakeExcel {
  syncCount = 0;
  syncs: SyncRecord[] = [];
  /** Excel on the web refuses requests and responses above 5 MB. */
  payloadLimit = 5 * 1024 * 1024;
  /** How an oversized response is refused: the documented ResponsePayloadSizeLimitExceeded, or GeneralException ("An
   * internal error has occurred."), which users report Excel on the web answering too (OfficeDev/office-js#1314,
   * #1012; ../shared/spec/excel-behaviour.md). */
  oversizeAnswer: "ResponsePayloadSizeLimitExceeded" | "GeneralException" = "ResponsePayloadSizeLimitExceeded";
  /** Highest ExcelApi version the fake host supports. */
  apiVersion = "1.9";
  /** Called as each sync reaches Excel, before its commands run: a test's way to have the user (or a co-author)
   * change the workbook between two round trips of the add-in. */
  onSync: ((syncNumber: number) => void | Promise<void>) | null = null;
  /** The Excel application this runtime runs in: another runtime of the same Excel (the ribbon's function file
   * beside the pane) shares it; a co-author's Excel has its own. */
  readonly app: object;
  constructor(
    readonly doc: FakeDocument = new FakeDocument(),
    sameExcelAs?: FakeExcel,
  ) {
    this.ownSettings = new Map(doc.settings);
    this.app = sameExcelAs?.app ?? {};
  }

  /** Another runtime of the add-in in this same Excel (the ribbon's function file: no shared runtime), on the same
   * document; it starts with the document settings as saved. */
  otherRuntime(): FakeExcel {
    const other = new FakeExcel(this.doc, this);
    other.apiVersion = this.apiVersion;
    return other;
  }

  /** Excel.run: the batch gets a fresh context; commands left queued at the end are sent in one last sync. */
  run = async <T>(batch: (context: Excel.RequestContext) => Promise<T>): Promise<T> => {
    const ctx = new FakeContext(this);
    const result = await batch(ctx.asExcel);
    if (ctx.pending) await ctx.sync();
    return result;
  };

  /** Excel.run(context, batch): a batch on a context from an earlier run. */
  runOn = async <T>(
    context: Excel.RequestContext,
    batch: (context: Excel.RequestContext) => Promise<T>,
  ): Promise<T> => {
    const ctx = context as unknown as FakeContext;
    const result = await batch(context);
    if (ctx.pending) await ctx.sync();
    return result;
  };

  /** Events for the add-in's own writes arrive after its sync, as in Excel. */
  private inFlight: Promise<void>[] = [];
  fireLater(changes: RangeTarget[]): void {
    this.inFlight.push(
      new Promise<void>((resolve) => setTimeout(resolve, 0)).then(async () => {
        for (const t of changes) {
          await Promise.all(
            [...t.sheet.changed].map((h) => {
              // Each runtime gets the event as it sees it: a write from the same Excel (its own, or another runtime
              // of the add-in such as the ribbon's function file) as Local, another Excel's (a co-author's add-in
              // writing the same workbook) as Remote. WorksheetChangedEventArgs.source is Local | Remote;
              // triggerSource (ThisLocalAddin | Others) exists from ExcelApi 1.14 only
              // (https://learn.microsoft.com/javascript/api/excel/excel.worksheetchangedeventargs).
              const receiver = HANDLER_OWNER.get(h) ?? this;
              const mine = receiver === this;
              return h({
                address: rectAddress(t.rect),
                changeType: "RangeEdited",
                source: receiver.app === this.app ? "Local" : "Remote",
                worksheetId: t.sheet.id,
                type: "WorksheetChanged",
                ...(receiver.isSetSupported("ExcelApi", "1.14")
                  ? { triggerSource: mine ? "ThisLocalAddin" : "Others" }
                  : {}),
              });
            }),
          );
        }
      }),
    );
  }
  /** Waits for the events of the add-in's own writes to be delivered. */
  async settle(): Promise<void> {
    while (this.inFlight.length > 0) await this.inFlight.shift();
  }

  isSetSupported = (name: string, version: string): boolean => {
    if (name !== "ExcelApi") return false;
    const [a, b] = version.split(".").map(Number);
    const [x, y] = this.apiVersion.split(".").map(Number);
    return x > a || (x === a && y >= (b ?? 0));
  };

  /** Office.context.document.settings: an in-memory copy per runtime, taken when the runtime starts; saveAsync writes
   * the whole property bag back, so the last runtime to save wins (Persist add-in state and settings,
   * https://learn.microsoft.com/office/dev/add-ins/develop/persisting-add-in-state-and-settings : "the settings are
   * loaded into memory when the add-in starts ... saveAsync ... persists the in-memory copy"; excel-behaviour.md). */
  private readonly ownSettings: Map<string, unknown>;
  readonly settings = {
    saves: 0,
    get: (name: string): unknown => this.ownSettings.get(name),
    set: (name: string, value: unknown): void => {
      this.ownSettings.set(name, value);
    },
    save: async (): Promise<void> => {
      this.settings.saves++;
      this.doc.settings = new Map(this.ownSettings);
    },
  };

  /** What a user's edit fires: worksheet onChanged on that sheet. */
  async edit(sheet: string, a1: string, value: string | number | boolean | null, source = "Local"): Promise<void> {
    const s = this.doc.sheet(sheet);
    if (!s) throw new Error(`no sheet ${sheet}`);
    const rect = parseRect(a1);
    store(s.cell(rect.row, rect.col), value);
    await Promise.all(
      [...s.changed].map((h) =>
        h({
          address: a1,
          changeType: "RangeEdited",
          source,
          worksheetId: s.id,
          type: "WorksheetChanged",
          ...((HANDLER_OWNER.get(h) ?? this).isSetSupported("ExcelApi", "1.14") ? { triggerSource: "Others" } : {}),
        }),
      ),
    );
  }

  /** What a user's click fires: worksheet onSelectionChanged. */
  async select(sheet: string, a1: string): Promise<void> {
    const s = this.doc.sheet(sheet);
    if (!s) throw new Error(`no sheet ${sheet}`);
    this.doc.selection = { sheet, address: a1 };
    await Promise.all(
      [...s.selectionChanged].map((h) => h({ address: a1, worksheetId: s.id, type: "WorksheetSelectionChanged" })),
    );
  }

  /** A cell's value as Excel would show it in values (for assertions). */
  value(sheet: string, a1: string): string | number | boolean {
    const s = this.doc.sheet(sheet);
    const r = parseRect(a1);
    return excelValue(s?.get(r.row, r.col));
  }
  cellModel(sheet: string, a1: string): CellModel | undefined {
    const r = parseRect(a1);
    return this.doc.sheet(sheet)?.get(r.row, r.col);
  }
}
