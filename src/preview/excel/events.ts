// Worksheet events: handlers registered through onChanged and onSelectionChanged, and which runtime registered each
// (its own writes reach it as Local, a co-author's as Remote). FakeExcel delivers them (application.ts).
/* eslint-disable @typescript-eslint/no-explicit-any -- the fake stands in for Office.js's loosely typed surface */
import type { FakeExcel } from "./application";
import type { FakeContext } from "./context";
import type { Handler, RangeTarget } from "./document";
import { FakeOfficeError } from "./errors";

/** Which FakeExcel (a runtime: a pane, or a co-author's Excel) registered each event handler. */
export const HANDLER_OWNER = new WeakMap<Handler, FakeExcel>();

/** A format write (fill, number format, font, alignment) raises worksheet onChanged here, as it may in Excel: the
 * worksheets article says onChanged "occurs when … either the format or value of the data changes"
 * (https://learn.microsoft.com/office/dev/add-ins/excel/excel-add-ins-worksheets), while the events article speaks of
 * data and comments only and ExcelApi 1.9 added a separate onFormatChanged. The fake takes the reading that is harder
 * on the add-in (../shared/spec/excel-behaviour.md, Events). */
export function formatChanged(context: FakeContext, t: RangeTarget): void {
  context.changes.push(t);
}

export class FakeEvent<Args> {
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
