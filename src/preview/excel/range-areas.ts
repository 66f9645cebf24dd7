// RangeAreas: many areas of a sheet in one proxy, as Worksheet.getRanges and Range.getMergedAreasOrNullObject give.
import { quoteSheet, rectAddress } from "./addresses";
import { each } from "./cells";
import { ClientObject } from "./client-object";
import type { FakeContext } from "./context";
import type { CellModel, RangeTarget } from "./document";
import { FakeOfficeError } from "./errors";
import { formatChanged } from "./events";
import { guardWrite } from "./protection";

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
