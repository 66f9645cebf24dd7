// Sheet and workbook protection (Review → Protect Sheet, Protect Workbook): writes to a protected sheet, and changes
// to a protected workbook's structure, fail with AccessDenied at sync.
import { ClientObject } from "./client-object";
import type { FakeContext } from "./context";
import type { FakeDocument, SheetModel } from "./document";
import { FakeOfficeError, accessDenied } from "./errors";

/** A write to cells of a protected sheet fails, as in Excel; a fill or font change too unless formatting is allowed. */
export function guardWrite(sheet: SheetModel, formatting = false): void {
  if (!sheet.protection.protected) return;
  if (formatting && sheet.protection.allowFormatCells) return;
  accessDenied();
}

/** Adding, deleting, renaming, moving, hiding or showing a sheet fails in a workbook whose structure is protected. */
export function guardStructure(doc: FakeDocument): void {
  if (doc.protection.protected) accessDenied();
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
