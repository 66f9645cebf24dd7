// A range's formatting: RangeFormat (fill, font, alignment, wrap, sizes, borders) and the fills of
// Range.getCellProperties / setCellProperties. Range's format and cell properties hand these out (range.ts).
import { rectAddress } from "./addresses";
import { checkShape, each, grid } from "./cells";
import type { FakeContext } from "./context";
import type { CellModel, RangeTarget } from "./document";
import { FakeOfficeError, notLoaded } from "./errors";
import { formatChanged } from "./events";
import { size } from "./payload";
import { guardWrite } from "./protection";

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

type Target = () => RangeTarget | null;

/** The part of Excel.CellProperties the fake models: a cell's fill. */
interface FillProperties {
  color?: string;
  pattern?: string;
  patternColor?: string;
  tintAndShade?: number;
  patternTintAndShade?: number;
}
export interface CellProperties {
  format?: { fill?: FillProperties };
}

/** Range.getCellProperties: only format.fill is modelled. */
export function readCellProperties(
  context: FakeContext,
  target: Target,
  props: Record<string, unknown>,
): { value: CellProperties[][] } {
  const wantFill = (props as { format?: { fill?: Record<string, boolean> } }).format?.fill;
  if (!wantFill) throw new Error("fake Excel: only format.fill cell properties are modelled");
  let value: CellProperties[][] | undefined;
  context.enqueue(() => {
    const t = target();
    const got = t
      ? grid(t, (c) => {
          const f = c?.fill;
          const fill: FillProperties = {};
          if (wantFill.color) fill.color = f ? f.color : "#FFFFFF";
          if (wantFill.pattern) fill.pattern = f ? f.pattern : "None";
          if (wantFill.patternColor) fill.patternColor = f?.patternColor ?? "#000000";
          if (wantFill.tintAndShade) fill.tintAndShade = 0;
          if (wantFill.patternTintAndShade) fill.patternTintAndShade = 0;
          return { format: { fill } };
        })
      : null;
    context.commit(() => {
      value = got ?? undefined;
    }, size(got));
  });
  return {
    get value(): CellProperties[][] {
      if (value === undefined) notLoaded("value");
      return value;
    },
  };
}

/** Range.setCellProperties: fills only. */
export function writeCellProperties(context: FakeContext, target: Target, v: CellProperties[][]): void {
  context.enqueue(() => {
    const t = target();
    if (!t) return;
    checkShape(t, v, "cellProperties");
    guardWrite(t.sheet, true);
    formatChanged(context, t);
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

/** Range.format. */
export function rangeFormat(context: FakeContext, target: Target) {
  const apply = (f: (c: CellModel, t: RangeTarget) => void) =>
    context.enqueue(() => {
      const t = target();
      if (!t) return;
      guardWrite(t.sheet, true);
      formatChanged(context, t);
      each(t, (c) => f(c, t));
    });
  const sheetSet = (f: (t: RangeTarget) => void) =>
    context.enqueue(() => {
      const t = target();
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
