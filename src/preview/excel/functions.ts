// Workbook.functions: the worksheet functions Excel evaluates for the add-in (DATE, in the workbook's date system).
import type { FakeContext } from "./context";
import { notLoaded } from "./errors";

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
