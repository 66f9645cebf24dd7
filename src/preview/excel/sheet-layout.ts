// How a sheet is laid out for reading and printing, as the ranking tab sets it: frozen panes, page layout and charts.
// Worksheet's freezePanes, pageLayout and charts hand these out (worksheet.ts).
import { rectAddress } from "./addresses";
import type { FakeContext } from "./context";
import type { ChartModel, SheetModel } from "./document";
import { FakeOfficeError } from "./errors";
import type { FakeRange } from "./range";

type Sheet = () => SheetModel | null;

/** Worksheet.freezePanes: freezeRows and unfreeze. */
export function freezePanes(context: FakeContext, target: Sheet) {
  return {
    freezeRows: (n: number) =>
      context.enqueue(() => {
        const t = target();
        if (t) t.frozenRows = n;
      }),
    unfreeze: () =>
      context.enqueue(() => {
        const t = target();
        if (t) t.frozenRows = 0;
      }),
  };
}

/** Worksheet.pageLayout: print titles, and any other property recorded as set. */
export function pageLayout(context: FakeContext, target: Sheet): Record<string, unknown> {
  const set = (k: string, v: unknown) =>
    context.enqueue(() => {
      const t = target();
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

/** Worksheet.charts: add, with the title, legend, category axis and position the ranking chart sets. */
export function charts(context: FakeContext, target: Sheet) {
  return {
    add: (type: string, source: FakeRange, seriesBy: string) => {
      let chart: ChartModel | undefined;
      context.enqueue(() => {
        const t = target();
        const src = source.target();
        if (!t || !src) throw new FakeOfficeError("ItemNotFound", "The requested resource doesn't exist.");
        chart = { type, source: rectAddress(src.rect), seriesBy };
        t.charts.push(chart);
      });
      const set = (f: (c: ChartModel) => void) =>
        context.enqueue(() => {
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
