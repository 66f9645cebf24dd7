/// <reference types="office-js" />
// The simulated Excel: a fake of the Excel JavaScript API subset the Office host uses, faithful where it matters for correctness:
// proxies queue commands that run only at context.sync(), in order; reading a property that was not loaded, or was
// loaded but not yet synced, throws PropertyNotLoaded as Excel does; *OrNullObject gives null objects whose
// isNullObject is known only after a sync; a failing command rejects the sync with Excel's error code and leaves the
// commands before it applied. It counts syncs and the bytes each request carries each way, and refuses a request
// above Excel on the web's 5 MB payload limit (RequestPayloadSizeLimitExceeded) unless told otherwise. Bytes are
// UTF-8 bytes of the JSON carried (a Chinese character is 3). It also models sheet and workbook protection (writes fail
// with AccessDenied at sync), merged areas (a write that cuts through one fails with InvalidOperation; only the
// top-left cell holds a value), rows hidden by a filter (still read and written), RangeAreas for fills, and the
// source of change events (Local or Remote, and triggerSource from ExcelApi 1.14).
/* eslint-disable @typescript-eslint/no-explicit-any -- the fake stands in for Office.js's loosely typed surface */
import { MAX_COLS, MAX_ROWS } from "../../core/address";
import { MAX_ADDRESS, parseRect, quoteSheet, rectAddress } from "./addresses";
import { checkShape, each, excelValue, grid, store, valueType } from "./cells";
import {
  type CellModel,
  type ChartModel,
  FakeDocument,
  type Handler,
  type RangeTarget,
  type Rect,
  type SheetModel,
} from "./document";
import { FakeOfficeError, accessDenied, notLoaded } from "./errors";
import { MERGED_AREAS_MAX, contains, inside, intersects, mergedCovered } from "./merges";
import { size } from "./payload";

/** Excel.HorizontalAlignment and Excel.VerticalAlignment: what RangeFormat's alignment setters take
 * (https://learn.microsoft.com/javascript/api/excel/excel.horizontalalignment, …/excel.verticalalignment). Any other
 * string fails the sync with InvalidArgument, as Excel rejects a value outside an enum. */
export const HORIZONTAL_ALIGNMENTS = [
  "General",
  "Left",
  "Center",
  "Right",
  "Fill",
  "Justify",
  "CenterAcrossSelection",
  "Distributed",
] as const;
export const VERTICAL_ALIGNMENTS = ["Top", "Center", "Bottom", "Justify", "Distributed"] as const;

function oneOf(v: string, allowed: readonly string[]): string {
  if (!allowed.includes(v)) {
    throw new FakeOfficeError("InvalidArgument", `The argument is invalid or missing or has an incorrect format: ${v}`);
  }
  return v;
}

// ---------------------------------------------------------------- context, proxies and sync
/** Which FakeExcel (a runtime: a pane, or a co-author's Excel) registered each event handler. */
const HANDLER_OWNER = new WeakMap<Handler, FakeExcel>();

// ---------------------------------------------------------------- context, proxies and sync

type Action = () => void;

export interface SyncRecord {
  readonly actions: number;
  readonly bytesOut: number;
  readonly bytesIn: number;
}

export class FakeContext {
  readonly workbook: FakeWorkbook;
  readonly runtime = { enableEvents: true };
  private queue: Action[] = [];
  private onCommit: (() => void)[] = [];
  /** Ranges whose values the batch wrote: Excel fires onChanged for an add-in's own writes too. */
  changes: RangeTarget[] = [];
  bytesOut = 0;
  bytesIn = 0;
  constructor(readonly excel: FakeExcel) {
    this.workbook = new FakeWorkbook(this);
  }
  enqueue(action: Action, bytes = 0): void {
    this.queue.push(action);
    this.bytesOut += bytes;
  }
  /** Runs after the sync that carried it succeeds: loaded values become readable. */
  commit(fn: () => void, bytes: number): void {
    this.onCommit.push(fn);
    this.bytesIn += bytes;
  }
  get pending(): boolean {
    return this.queue.length > 0;
  }
  async sync(): Promise<void> {
    const queue = this.queue;
    this.queue = [];
    this.onCommit = [];
    this.bytesIn = 0;
    const out = this.bytesOut + 64 * queue.length;
    this.bytesOut = 0;
    this.excel.syncCount++;
    await Promise.resolve();
    if (this.excel.onSync) await this.excel.onSync(this.excel.syncCount);
    if (out > this.excel.payloadLimit) {
      throw new FakeOfficeError("RequestPayloadSizeLimitExceeded", "The request payload size has exceeded the limit.");
    }
    for (const action of queue) action(); // a failing command rejects the sync; the ones before it stay applied
    if (this.bytesIn > this.excel.payloadLimit) {
      this.onCommit = [];
      throw this.excel.oversizeAnswer === "GeneralException"
        ? new FakeOfficeError("GeneralException", "An internal error has occurred.")
        : new FakeOfficeError("ResponsePayloadSizeLimitExceeded", "The response payload size has exceeded the limit.");
    }
    for (const fn of this.onCommit) fn();
    this.excel.syncs.push({ actions: queue.length, bytesOut: out, bytesIn: this.bytesIn });
    this.onCommit = [];
    const changes = this.changes;
    this.changes = [];
    if (changes.length > 0) this.excel.fireLater(changes);
  }
  /** The fake's own way to hand an Excel.RequestContext to host code. */
  get asExcel(): Excel.RequestContext {
    return this as unknown as Excel.RequestContext;
  }
}

/** A format write (fill, number format, font, alignment) raises worksheet onChanged here, as it may in Excel: the
 * worksheets article says onChanged "occurs when … either the format or value of the data changes"
 * (https://learn.microsoft.com/office/dev/add-ins/excel/excel-add-ins-worksheets), while the events article speaks of
 * data and comments only and ExcelApi 1.9 added a separate onFormatChanged. The fake takes the reading that is harder
 * on the add-in (../shared/spec/excel-behaviour.md, Events). */
function formatChanged(context: FakeContext, t: RangeTarget): void {
  context.changes.push(t);
}

/** A write to cells of a protected sheet fails, as in Excel; a fill or font change too unless formatting is allowed. */
function guardWrite(sheet: SheetModel, formatting = false): void {
  if (!sheet.protection.protected) return;
  if (formatting && sheet.protection.allowFormatCells) return;
  accessDenied();
}

/** Adding, deleting, renaming, moving, hiding or showing a sheet fails in a workbook whose structure is protected. */
function guardStructure(doc: FakeDocument): void {
  if (doc.protection.protected) accessDenied();
}

/** A proxy: its target is found when its commands run, at sync, in order. */
abstract class ClientObject<T> {
  private loadedProps = new Map<string, unknown>();
  private nullKnown: boolean | undefined;
  constructor(readonly context: FakeContext) {}
  /** The object the proxy stands for, or null for a null object; only valid while commands run. */
  abstract target(): T | null;

  protected read<V>(prop: string): V {
    if (!this.loadedProps.has(prop)) notLoaded(prop);
    return this.loadedProps.get(prop) as V;
  }
  protected loadable(): Record<string, (t: T) => unknown> {
    return {};
  }
  get isNullObject(): boolean {
    if (this.nullKnown === undefined) notLoaded("isNullObject");
    return this.nullKnown;
  }
  /** Marks isNullObject as known after the next sync (any command on the proxy does). */
  protected touch(): void {
    this.context.enqueue(() => {
      const isNull = this.target() === null;
      this.context.commit(() => {
        this.nullKnown = isNull;
      }, 0);
    });
  }
  load(props?: string | string[] | Record<string, unknown>): this {
    const names =
      props === undefined
        ? Object.keys(this.loadable())
        : typeof props === "string"
          ? props.split(",").map((p) => p.trim())
          : Array.isArray(props)
            ? props
            : Object.keys(props);
    const getters = this.loadable();
    for (const n of names) if (!getters[n]) throw new Error(`fake Excel: load of '${n}' is not modelled`);
    this.context.enqueue(() => {
      const t = this.target();
      const got = new Map<string, unknown>();
      for (const n of names) got.set(n, t === null ? null : getters[n](t));
      const isNull = t === null;
      this.context.commit(
        () => {
          this.nullKnown = isNull;
          for (const [k, v] of got) this.loadedProps.set(k, v);
        },
        size([...got.values()]),
      );
    });
    return this;
  }
  protected setLoaded(k: string, v: unknown): void {
    this.loadedProps.set(k, v);
  }
  toJSON(): Record<string, unknown> {
    return Object.fromEntries(this.loadedProps);
  }
}

// ---------------------------------------------------------------- workbook and sheets

export class FakeWorkbook extends ClientObject<FakeDocument> {
  readonly worksheets: FakeWorksheetCollection;
  readonly functions: FakeFunctions;
  constructor(context: FakeContext) {
    super(context);
    this.worksheets = new FakeWorksheetCollection(context);
    this.functions = new FakeFunctions(context);
  }
  target(): FakeDocument {
    return this.context.excel.doc;
  }
  /** Workbook.protection (ExcelApi 1.7): the structure's protection. */
  private protectionProxy: FakeWorkbookProtection | undefined;
  get protection(): FakeWorkbookProtection {
    this.protectionProxy ??= new FakeWorkbookProtection(this.context);
    return this.protectionProxy;
  }
}

/** Workbook.functions (ExcelApi 1.2): worksheet functions evaluated by Excel, their answer in a FunctionResult. */
export class FakeFunctions {
  constructor(private readonly context: FakeContext) {}
  /** Functions.date: the serial number of a date in the workbook's own date system ("year Is a number from 1900 or
   * 1904 (depending on the workbook's date system) to 9999", @types/office-js, Excel.Functions.date; DATE's serial
   * counts from 1900-01-01 = 1 with Excel's 1900-02-29, or from 1904-01-01 = 0). */
  date(year: number, month: number, day: number): FakeFunctionResult {
    const result = new FakeFunctionResult(this.context);
    this.context.enqueue(() => {
      const doc = this.context.excel.doc;
      const t = Date.UTC(year, month - 1, day);
      const serial = doc.date1904
        ? (t - Date.UTC(1904, 0, 1)) / 86_400_000
        : (t - Date.UTC(1899, 11, 30)) / 86_400_000 - (t < Date.UTC(1900, 2, 1) ? 1 : 0);
      result.answer = serial < 0 ? { error: "#NUM!" } : { value: serial };
    });
    return result;
  }
}

export class FakeFunctionResult {
  answer: { value: number } | { error: string } | null = null;
  private loaded = false;
  constructor(private readonly context: FakeContext) {}
  load(props = "value,error"): this {
    for (const p of props.split(",")) {
      if (p.trim() !== "value" && p.trim() !== "error") throw new Error(`fake Excel: load of '${p}' is not modelled`);
    }
    this.context.enqueue(() => this.context.commit(() => (this.loaded = true), 0));
    return this;
  }
  get value(): number | null {
    if (!this.loaded || !this.answer) notLoaded("value");
    return "value" in this.answer ? this.answer.value : null;
  }
  get error(): string | null {
    if (!this.loaded || !this.answer) notLoaded("error");
    return "error" in this.answer ? this.answer.error : null;
  }
}

export class FakeWorkbookProtection extends ClientObject<FakeDocument> {
  target(): FakeDocument {
    return this.context.excel.doc;
  }
  protected override loadable(): Record<string, (t: FakeDocument) => unknown> {
    return { protected: (t) => t.protection.protected };
  }
  get protected(): boolean {
    return this.read("protected");
  }
}

export class FakeWorksheetProtection extends ClientObject<SheetModel> {
  constructor(
    context: FakeContext,
    private readonly sheet: () => SheetModel | null,
  ) {
    super(context);
  }
  target(): SheetModel | null {
    return this.sheet();
  }
  protected override loadable(): Record<string, (t: SheetModel) => unknown> {
    return { protected: (t) => t.protection.protected };
  }
  get protected(): boolean {
    return this.read("protected");
  }
  protect(options?: { allowFormatCells?: boolean }): void {
    this.context.enqueue(() => {
      const t = this.target();
      if (!t) throw new FakeOfficeError("ItemNotFound", "The requested resource doesn't exist.");
      if (t.protection.protected) accessDenied();
      t.protection = { protected: true, allowFormatCells: options?.allowFormatCells };
    });
  }
  unprotect(): void {
    this.context.enqueue(() => {
      const t = this.target();
      if (t) t.protection = { protected: false };
    });
  }
}

export class FakeWorksheetCollection extends ClientObject<FakeDocument> {
  private loadedItems: FakeWorksheet[] | undefined;
  target(): FakeDocument {
    return this.context.excel.doc;
  }
  get items(): FakeWorksheet[] {
    if (!this.loadedItems) notLoaded("items");
    return this.loadedItems;
  }
  override load(props?: string | string[] | Record<string, unknown>): this {
    const text = typeof props === "string" ? props : Array.isArray(props) ? props.join(",") : "items/name";
    const fields = text
      .split(",")
      .map((p) => p.trim())
      .filter((p) => p.startsWith("items/"))
      .map((p) => p.slice("items/".length));
    this.context.enqueue(() => {
      const models = [...this.target().sheets];
      const items = models.map((m) => new FakeWorksheet(this.context, () => m));
      this.context.commit(
        () => {
          this.loadedItems = items;
        },
        size(models.map((m) => m.name)),
      );
      for (const item of items) item.loadNow(fields);
    });
    return this;
  }
  getItem(name: string): FakeWorksheet {
    let bound: SheetModel | undefined;
    this.context.enqueue(() => {
      bound = this.target().sheet(name);
      if (!bound) throw new FakeOfficeError("ItemNotFound", `The requested resource doesn't exist: worksheet ${name}`);
    });
    return new FakeWorksheet(this.context, () => bound ?? null);
  }
  getItemOrNullObject(name: string): FakeWorksheet {
    let bound: SheetModel | null = null;
    this.context.enqueue(() => {
      bound = this.target().sheet(name) ?? null;
    });
    const ws = new FakeWorksheet(this.context, () => bound);
    ws.touchNull();
    return ws;
  }
  add(name?: string): FakeWorksheet {
    let bound: SheetModel | undefined;
    this.context.enqueue(() => {
      const doc = this.target();
      guardStructure(doc);
      const n = name ?? `Sheet${doc.sheets.length + 1}`;
      if (doc.sheet(n)) throw new FakeOfficeError("ItemAlreadyExists", `A resource with the same name already exists.`);
      bound = doc.add(n);
    });
    return new FakeWorksheet(this.context, () => bound ?? null);
  }
  getActiveWorksheet(): FakeWorksheet {
    return new FakeWorksheet(this.context, () => {
      const doc = this.target();
      return (doc.active ? doc.sheet(doc.active) : undefined) ?? doc.sheets[0] ?? null;
    });
  }
}

class FakeEvent<Args> {
  constructor(
    private readonly context: FakeContext,
    private readonly list: () => Handler[] | null,
  ) {}
  add(handler: (args: Args) => Promise<any>): { context: FakeContext; remove: () => void } {
    this.context.enqueue(() => {
      const l = this.list();
      if (!l) throw new FakeOfficeError("ItemNotFound", "The requested resource doesn't exist.");
      // the runtime that registered it: its own writes reach it as Local, another's (a co-author) as Remote
      HANDLER_OWNER.set(handler as Handler, this.context.excel);
      l.push(handler as Handler);
    });
    return {
      context: this.context,
      remove: () =>
        this.context.enqueue(() => {
          const l = this.list();
          const i = l ? l.indexOf(handler as Handler) : -1;
          if (l && i >= 0) l.splice(i, 1);
        }),
    };
  }
}

export class FakeWorksheet extends ClientObject<SheetModel> {
  private nullTracked = false;
  constructor(
    context: FakeContext,
    private readonly bound: () => SheetModel | null,
  ) {
    super(context);
  }
  target(): SheetModel | null {
    return this.bound();
  }
  touchNull(): void {
    if (!this.nullTracked) this.touch();
    this.nullTracked = true;
  }
  protected override loadable(): Record<string, (t: SheetModel) => unknown> {
    return {
      name: (t) => t.name,
      visibility: (t) => t.visibility,
      id: (t) => t.id,
      position: (t) => this.context.excel.doc.sheets.indexOf(t),
    };
  }
  /** Loads as part of a collection load that is already running. */
  loadNow(fields: string[]): void {
    const t = this.target();
    const getters = this.loadable();
    const got = fields.map((f) => [f, t === null ? null : getters[f](t)] as const);
    this.context.commit(() => {
      for (const [k, v] of got) this.setLoaded(k, v);
    }, size(got));
  }
  get name(): string {
    return this.read("name");
  }
  set name(v: string) {
    this.context.enqueue(() => {
      const t = this.target();
      if (!t) return;
      guardStructure(this.context.excel.doc);
      t.name = v;
    }, size(v));
  }
  get id(): string {
    return this.read("id");
  }
  get position(): number {
    return this.read("position");
  }
  set position(v: number) {
    this.context.enqueue(() => {
      const t = this.target();
      if (!t) return;
      const sheets = this.context.excel.doc.sheets;
      guardStructure(this.context.excel.doc);
      if (v < 0 || v >= sheets.length)
        throw new FakeOfficeError("InvalidArgument", "The argument is invalid: position");
      sheets.splice(sheets.indexOf(t), 1);
      sheets.splice(v, 0, t);
    });
  }
  get visibility(): string {
    return this.read("visibility");
  }
  set visibility(v: string) {
    this.context.enqueue(() => {
      const t = this.target();
      if (!t) return;
      if (t.visibility !== v) guardStructure(this.context.excel.doc);
      if (
        v !== "Visible" &&
        this.context.excel.doc.sheets.filter((s) => s.visibility === "Visible" && s !== t).length === 0
      )
        throw new FakeOfficeError("InvalidOperation", "A workbook must contain at least one visible worksheet.");
      t.visibility = v as SheetModel["visibility"];
    });
  }
  delete(): void {
    this.context.enqueue(() => {
      const t = this.target();
      if (!t) throw new FakeOfficeError("ItemNotFound", "The requested resource doesn't exist.");
      const doc = this.context.excel.doc;
      guardStructure(doc);
      if (t.visibility === "Visible" && doc.sheets.filter((s) => s.visibility === "Visible").length === 1)
        throw new FakeOfficeError("InvalidOperation", "A workbook must contain at least one visible worksheet.");
      doc.sheets.splice(doc.sheets.indexOf(t), 1);
      if (doc.active === t.name) doc.active = null;
    });
  }
  activate(): void {
    this.context.enqueue(() => {
      const t = this.target();
      if (!t) throw new FakeOfficeError("ItemNotFound", "The requested resource doesn't exist.");
      if (t.visibility !== "Visible") throw new FakeOfficeError("InvalidOperation", "Cannot activate a hidden sheet.");
      this.context.excel.doc.active = t.name;
    });
  }
  getRange(address?: string): FakeRange {
    return new FakeRange(this.context, () => {
      const t = this.target();
      return t
        ? { sheet: t, rect: address ? parseRect(address) : { row: 0, col: 0, rows: MAX_ROWS, cols: MAX_COLS } }
        : null;
    });
  }
  getRangeByIndexes(row: number, col: number, rows: number, cols: number): FakeRange {
    if (rows < 1 || cols < 1) throw new FakeOfficeError("InvalidArgument", "The argument is invalid or missing.");
    return new FakeRange(this.context, () => {
      const t = this.target();
      return t ? { sheet: t, rect: { row, col, rows, cols } } : null;
    });
  }
  getCell(row: number, col: number): FakeRange {
    return this.getRangeByIndexes(row, col, 1, 1);
  }
  getUsedRange(valuesOnly = false): FakeRange {
    let rect: Rect | undefined;
    this.context.enqueue(() => {
      const t = this.target();
      if (t) rect = t.used(valuesOnly) ?? { row: 0, col: 0, rows: 1, cols: 1 };
    });
    return new FakeRange(this.context, () => {
      const t = this.target();
      return t && rect ? { sheet: t, rect } : null;
    });
  }
  getUsedRangeOrNullObject(valuesOnly = false): FakeRange {
    let rect: Rect | null = null;
    this.context.enqueue(() => {
      const t = this.target();
      rect = t ? t.used(valuesOnly) : null;
    });
    const r = new FakeRange(this.context, () => {
      const t = this.target();
      return t && rect ? { sheet: t, rect } : null;
    });
    r.trackNull();
    return r;
  }
  get freezePanes() {
    return {
      freezeRows: (n: number) =>
        this.context.enqueue(() => {
          const t = this.target();
          if (t) t.frozenRows = n;
        }),
      unfreeze: () =>
        this.context.enqueue(() => {
          const t = this.target();
          if (t) t.frozenRows = 0;
        }),
    };
  }
  get pageLayout(): Record<string, unknown> {
    const set = (k: string, v: unknown) =>
      this.context.enqueue(() => {
        const t = this.target();
        if (t) t.page[k] = v;
      });
    const api = {
      setPrintTitleRows: (rows: string) => set("printTitleRows", rows),
    };
    return new globalThis.Proxy(api as Record<string, unknown>, {
      set: (_o: Record<string, unknown>, k: string | symbol, v: unknown) => {
        // zoom = { horizontalFitToPages: 1 } alone was reported not to take (OfficeDev/office-js#1860: "Scale to Fit >
        // Width does not get set", likewise verticalFitToPages alone; { scale } alone does). The fake keeps a fit only
        // when both fit properties are given, and records the one-sided setting as ignored.
        if (k === "zoom" && typeof v === "object" && v !== null && !("scale" in v)) {
          const z = v as { horizontalFitToPages?: unknown; verticalFitToPages?: unknown };
          if (z.horizontalFitToPages === undefined || z.verticalFitToPages === undefined) {
            set("zoomIgnored", v);
            return true;
          }
        }
        set(String(k), v);
        return true;
      },
    });
  }
  get charts() {
    return {
      add: (type: string, source: FakeRange, seriesBy: string) => {
        let chart: ChartModel | undefined;
        this.context.enqueue(() => {
          const t = this.target();
          const src = source.target();
          if (!t || !src) throw new FakeOfficeError("ItemNotFound", "The requested resource doesn't exist.");
          chart = { type, source: rectAddress(src.rect), seriesBy };
          t.charts.push(chart);
        });
        const set = (f: (c: ChartModel) => void) =>
          this.context.enqueue(() => {
            if (chart) f(chart);
          });
        return {
          title: {
            set text(v: string) {
              set((c) => (c.title = v));
            },
          },
          legend: {
            set visible(v: boolean) {
              set((c) => (c.legendVisible = v));
            },
          },
          axes: {
            categoryAxis: {
              set reversePlotOrder(v: boolean) {
                set((c) => (c.reversePlotOrder = v));
              },
            },
          },
          setPosition: (start: FakeRange | string, end?: FakeRange | string) =>
            set((c) => {
              const a = (x: FakeRange | string | undefined) =>
                x === undefined ? "" : typeof x === "string" ? x : rectAddress(x.target()!.rect);
              c.position = [a(start), a(end)];
            }),
        };
      },
    };
  }
  /** Worksheet.protection (ExcelApi 1.2): load("protected"), protect(), unprotect(). */
  private protectionProxy: FakeWorksheetProtection | undefined;
  get protection(): FakeWorksheetProtection {
    this.protectionProxy ??= new FakeWorksheetProtection(this.context, () => this.target());
    return this.protectionProxy;
  }
  /** Worksheet.getRanges (ExcelApi 1.9): comma-separated areas, at most 8,192 characters of address. */
  getRanges(address: string): FakeRangeAreas {
    if (address.length > MAX_ADDRESS) {
      throw new FakeOfficeError("InvalidArgument", "The argument is invalid or missing or has an incorrect format.");
    }
    const rects = address.split(",").map((a) => parseRect(a.trim()));
    return new FakeRangeAreas(this.context, () => {
      const t = this.target();
      return t ? rects.map((rect) => ({ sheet: t, rect })) : null;
    });
  }
  get onChanged(): FakeEvent<any> {
    return new FakeEvent(this.context, () => this.target()?.changed ?? null);
  }
  get onSelectionChanged(): FakeEvent<any> {
    return new FakeEvent(this.context, () => this.target()?.selectionChanged ?? null);
  }
}

// ---------------------------------------------------------------- ranges

export class FakeRange extends ClientObject<RangeTarget> {
  private tracked = false;
  constructor(
    context: FakeContext,
    private readonly resolveTarget: () => RangeTarget | null,
  ) {
    super(context);
  }
  target(): RangeTarget | null {
    return this.resolveTarget();
  }
  trackNull(): void {
    if (!this.tracked) this.touch();
    this.tracked = true;
  }
  protected override loadable(): Record<string, (t: RangeTarget) => unknown> {
    return {
      address: (t) => `${quoteSheet(t.sheet.name)}!${rectAddress(t.rect)}`,
      values: (t) => grid(t, excelValue),
      valueTypes: (t) => grid(t, valueType),
      numberFormat: (t) => grid(t, (c) => c?.numberFormat ?? "General"),
      formulas: (t) => grid(t, (c) => c?.formula ?? excelValue(c)),
      text: (t) => grid(t, (c) => String(excelValue(c))),
      rowIndex: (t) => t.rect.row,
      columnIndex: (t) => t.rect.col,
      rowCount: (t) => t.rect.rows,
      columnCount: (t) => t.rect.cols,
    };
  }
  get address(): string {
    return this.read("address");
  }
  get values(): any[][] {
    return this.read("values");
  }
  set values(v: any[][]) {
    this.context.enqueue(() => {
      const t = this.target();
      if (!t) return;
      checkShape(t, v, "values");
      guardWrite(t.sheet);
      const covered = mergedCovered(t);
      this.context.changes.push(t);
      v.forEach((line, r) =>
        line.forEach((x, c) => {
          const row = t.rect.row + r;
          const col = t.rect.col + c;
          // Inside a merged area only its top-left cell holds a value.
          if (covered.some((m) => contains(m, { row, col, rows: 1, cols: 1 }) && (m.row !== row || m.col !== col))) {
            return;
          }
          if (x !== null && x !== undefined) store(t.sheet.cell(row, col), x);
        }),
      );
    }, size(v));
  }
  get valueTypes(): string[][] {
    return this.read("valueTypes");
  }
  get numberFormat(): any[][] {
    return this.read("numberFormat");
  }
  set numberFormat(v: any[][]) {
    this.context.enqueue(() => {
      const t = this.target();
      if (!t) return;
      checkShape(t, v, "numberFormat");
      guardWrite(t.sheet, true);
      formatChanged(this.context, t);
      v.forEach((line, r) =>
        line.forEach((x, c) => {
          if (x !== null && x !== undefined) t.sheet.cell(t.rect.row + r, t.rect.col + c).numberFormat = String(x);
        }),
      );
    }, size(v));
  }
  get formulas(): any[][] {
    return this.read("formulas");
  }
  get text(): string[][] {
    return this.read("text");
  }
  get rowCount(): number {
    return this.read("rowCount");
  }
  get columnCount(): number {
    return this.read("columnCount");
  }
  get rowIndex(): number {
    return this.read("rowIndex");
  }
  get columnIndex(): number {
    return this.read("columnIndex");
  }
  getCell(row: number, col: number): FakeRange {
    return new FakeRange(this.context, () => {
      const t = this.target();
      return t ? { sheet: t.sheet, rect: { row: t.rect.row + row, col: t.rect.col + col, rows: 1, cols: 1 } } : null;
    });
  }
  getResizedRange(dRows: number, dCols: number): FakeRange {
    return new FakeRange(this.context, () => {
      const t = this.target();
      return t ? { sheet: t.sheet, rect: { ...t.rect, rows: t.rect.rows + dRows, cols: t.rect.cols + dCols } } : null;
    });
  }
  getOffsetRange(dRows: number, dCols: number): FakeRange {
    return new FakeRange(this.context, () => {
      const t = this.target();
      return t ? { sheet: t.sheet, rect: { ...t.rect, row: t.rect.row + dRows, col: t.rect.col + dCols } } : null;
    });
  }
  /** Range.getUsedRangeOrNullObject (ExcelApi 1.4): the used cells within this range, or a null object. */
  getUsedRangeOrNullObject(valuesOnly = false): FakeRange {
    let rect: Rect | null = null;
    this.context.enqueue(() => {
      const t = this.target();
      const used = t ? t.sheet.used(valuesOnly) : null;
      if (!t || !used || !intersects(used, t.rect)) {
        rect = null;
        return;
      }
      const row = Math.max(used.row, t.rect.row);
      const col = Math.max(used.col, t.rect.col);
      const r1 = Math.min(used.row + used.rows, t.rect.row + t.rect.rows);
      const c1 = Math.min(used.col + used.cols, t.rect.col + t.rect.cols);
      // The bounding box of the used cells inside this range.
      let box: Rect | null = null;
      for (const [k, c] of t.sheet.cells) {
        const hasValue = c.value !== null || c.error !== undefined || c.formula !== undefined;
        const hasFormat = c.fill !== null || c.numberFormat !== "General" || c.bold === true;
        if (!hasValue && (valuesOnly || !hasFormat)) continue;
        const [r, cc] = k.split(",").map(Number);
        if (r < row || r >= r1 || cc < col || cc >= c1) continue;
        box = box
          ? {
              row: Math.min(box.row, r),
              col: Math.min(box.col, cc),
              rows: Math.max(box.row + box.rows, r + 1) - Math.min(box.row, r),
              cols: Math.max(box.col + box.cols, cc + 1) - Math.min(box.col, cc),
            }
          : { row: r, col: cc, rows: 1, cols: 1 };
      }
      rect = box;
    });
    const r = new FakeRange(this.context, () => {
      const t = this.target();
      return t && rect ? { sheet: t.sheet, rect } : null;
    });
    r.trackNull();
    return r;
  }
  /** Range.getMergedAreasOrNullObject (ExcelApi 1.13): the merged areas whose top-left cell lies in this range (an
   * area that starts left of or above it is not reported: OfficeDev/office-js#3611, closed as by design), or a null
   * object. Above 512 areas it "will fail to return the result" (@types/office-js, Excel.Range.
   * getMergedAreasOrNullObject): the sync fails. Which error code Excel gives is not documented; GeneralException
   * here. */
  getMergedAreasOrNullObject(): FakeRangeAreas {
    let found: RangeTarget[] | null = null;
    this.context.enqueue(() => {
      const t = this.target();
      const hits = t ? t.sheet.merges.filter((m) => inside(t.rect, m.row, m.col)) : [];
      if (hits.length > MERGED_AREAS_MAX) {
        throw new FakeOfficeError("GeneralException", "There was an internal error while processing the request.");
      }
      found = t && hits.length > 0 ? hits.map((rect) => ({ sheet: t.sheet, rect })) : null;
    });
    const areas = new FakeRangeAreas(this.context, () => found);
    areas.trackNull();
    return areas;
  }
  clear(what: "All" | "Contents" | "Formats" = "All"): void {
    this.context.enqueue(() => {
      const t = this.target();
      if (!t) return;
      guardWrite(t.sheet, what === "Formats");
      for (const [k, c] of [...t.sheet.cells]) {
        const [r, col] = k.split(",").map(Number);
        const inside =
          r >= t.rect.row && r < t.rect.row + t.rect.rows && col >= t.rect.col && col < t.rect.col + t.rect.cols;
        if (!inside) continue;
        if (what !== "Formats") {
          c.value = null;
          delete c.error;
          delete c.formula;
        }
        if (what !== "Contents") {
          c.fill = null;
          c.numberFormat = "General";
          delete c.bold;
        }
      }
    });
  }
  merge(_across = false): void {
    this.context.enqueue(() => {
      const t = this.target();
      if (!t) return;
      guardWrite(t.sheet, true);
      t.sheet.merges.push({ ...t.rect });
    });
  }
  select(): void {
    this.context.enqueue(() => {
      const t = this.target();
      if (!t) throw new FakeOfficeError("ItemNotFound", "The requested resource doesn't exist.");
      if (t.sheet.visibility !== "Visible") throw new FakeOfficeError("InvalidOperation", "The sheet is hidden.");
      const doc = this.context.excel.doc;
      doc.active = t.sheet.name;
      doc.selection = { sheet: t.sheet.name, address: rectAddress(t.rect) };
    });
  }
  getCellProperties(props: Record<string, unknown>): { value: any[][] } {
    const wantFill = (props as any).format?.fill as Record<string, boolean> | undefined;
    if (!wantFill) throw new Error("fake Excel: only format.fill cell properties are modelled");
    let value: any[][] | undefined;
    this.context.enqueue(() => {
      const t = this.target();
      const got = t
        ? grid(t, (c) => {
            const f = c?.fill;
            const fill: Record<string, unknown> = {};
            if (wantFill.color) fill.color = f ? f.color : "#FFFFFF";
            if (wantFill.pattern) fill.pattern = f ? f.pattern : "None";
            if (wantFill.patternColor) fill.patternColor = f?.patternColor ?? "#000000";
            if (wantFill.tintAndShade) fill.tintAndShade = 0;
            if (wantFill.patternTintAndShade) fill.patternTintAndShade = 0;
            return { format: { fill } };
          })
        : null;
      this.context.commit(() => {
        value = got ?? undefined;
      }, size(got));
    });
    return {
      get value(): any[][] {
        if (value === undefined) notLoaded("value");
        return value;
      },
    };
  }
  setCellProperties(v: any[][]): void {
    this.context.enqueue(() => {
      const t = this.target();
      if (!t) return;
      checkShape(t, v, "cellProperties");
      guardWrite(t.sheet, true);
      formatChanged(this.context, t);
      v.forEach((line, r) =>
        line.forEach((p, c) => {
          const fill = p?.format?.fill;
          if (!fill) return;
          const cell = t.sheet.cell(t.rect.row + r, t.rect.col + c);
          if (fill.pattern === "None") cell.fill = null;
          else
            cell.fill = {
              color: fill.color ?? cell.fill?.color ?? "#FFFFFF",
              pattern: fill.pattern ?? "Solid",
              ...(fill.patternColor ? { patternColor: fill.patternColor } : {}),
            };
        }),
      );
    }, size(v));
  }
  get format() {
    const ctx = this.context;
    const apply = (f: (c: CellModel, t: RangeTarget) => void) =>
      ctx.enqueue(() => {
        const t = this.target();
        if (!t) return;
        guardWrite(t.sheet, true);
        formatChanged(ctx, t);
        each(t, (c) => f(c, t));
      });
    const sheetSet = (f: (t: RangeTarget) => void) =>
      ctx.enqueue(() => {
        const t = this.target();
        if (t) f(t);
      });
    return {
      fill: {
        set color(v: string) {
          apply((c) => (c.fill = { color: v.toUpperCase(), pattern: "Solid" }));
        },
        clear: () => apply((c) => (c.fill = null)),
      },
      font: {
        set bold(v: boolean) {
          apply((c) => (c.bold = v));
        },
        set size(v: number) {
          apply((c) => (c.fontSize = v));
        },
      },
      set horizontalAlignment(v: string) {
        apply((c) => (c.horizontalAlignment = oneOf(v, HORIZONTAL_ALIGNMENTS)));
      },
      set verticalAlignment(v: string) {
        apply((c) => (c.verticalAlignment = oneOf(v, VERTICAL_ALIGNMENTS)));
      },
      set wrapText(v: boolean) {
        apply((c) => (c.wrapText = v));
      },
      set columnWidth(v: number) {
        sheetSet((t) => {
          for (let c = 0; c < t.rect.cols; c++) t.sheet.columnWidths.set(t.rect.col + c, v);
        });
      },
      set rowHeight(v: number) {
        sheetSet((t) => {
          for (let r = 0; r < t.rect.rows; r++) t.sheet.rowHeights.set(t.rect.row + r, v);
        });
      },
      borders: {
        getItem: (edge: string) => ({
          set style(v: string) {
            sheetSet((t) => t.sheet.borders.push({ range: rectAddress(t.rect), edge, style: v }));
          },
        }),
      },
    };
  }
}

/** RangeAreas (ExcelApi 1.9) as the host uses it: a fill colour set or cleared on many areas in one command. */
export class FakeRangeAreas extends ClientObject<RangeTarget[]> {
  constructor(
    context: FakeContext,
    private readonly areas: () => RangeTarget[] | null,
  ) {
    super(context);
  }
  target(): RangeTarget[] | null {
    return this.areas();
  }
  private tracked = false;
  trackNull(): void {
    if (!this.tracked) this.touch();
    this.tracked = true;
  }
  protected override loadable(): Record<string, (t: RangeTarget[]) => unknown> {
    return {
      address: (t) => t.map((a) => `${quoteSheet(a.sheet.name)}!${rectAddress(a.rect)}`).join(","),
      areaCount: (t) => t.length,
    };
  }
  get address(): string {
    return this.read("address");
  }
  get areaCount(): number {
    return this.read("areaCount");
  }
  get format() {
    const ctx = this.context;
    const apply = (f: (c: CellModel) => void) =>
      ctx.enqueue(() => {
        const t = this.target();
        if (!t) throw new FakeOfficeError("ItemNotFound", "The requested resource doesn't exist.");
        for (const a of t) {
          guardWrite(a.sheet, true);
          formatChanged(ctx, a);
          each(a, f);
        }
      });
    return {
      fill: {
        set color(v: string) {
          apply((c) => (c.fill = { color: v.toUpperCase(), pattern: "Solid" }));
        },
        clear: () => apply((c) => (c.fill = null)),
      },
    };
  }
}

// ---------------------------------------------------------------- the application

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
