// The worksheet proxy: a sheet's name, id, position and visibility, its ranges, protection and events.
/* eslint-disable @typescript-eslint/no-explicit-any -- the fake stands in for Office.js's loosely typed surface */
import { MAX_COLS, MAX_ROWS } from "../../core/address";
import { MAX_ADDRESS, parseRect } from "./addresses";
import { ClientObject } from "./client-object";
import type { FakeContext } from "./context";
import type { Rect, SheetModel } from "./document";
import { FakeOfficeError } from "./errors";
import { FakeEvent } from "./events";
import { size } from "./payload";
import { FakeWorksheetProtection, guardStructure } from "./protection";
import { FakeRange } from "./range";
import { FakeRangeAreas } from "./range-areas";
import { charts, freezePanes, pageLayout } from "./sheet-layout";

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
    return freezePanes(this.context, () => this.target());
  }
  get pageLayout(): Record<string, unknown> {
    return pageLayout(this.context, () => this.target());
  }
  get charts() {
    return charts(this.context, () => this.target());
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
