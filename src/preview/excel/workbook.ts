// The workbook proxy (context.workbook) and its worksheets collection.
import { ClientObject } from "./client-object";
import type { FakeContext } from "./context";
import type { FakeDocument, SheetModel } from "./document";
import { FakeOfficeError, notLoaded } from "./errors";
import { FakeFunctions } from "./functions";
import { size } from "./payload";
import { FakeWorkbookProtection, guardStructure } from "./protection";
import { FakeWorksheet } from "./worksheet";

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
