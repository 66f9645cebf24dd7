/// <reference types="office-js" />
// The core's look vocabulary (core/plan/look.ts, SpreadsheetML's names) in Office.js's names. Excel.VerticalAlignment
// is "Top" | "Center" | "Bottom" | "Justify" | "Distributed" and Excel.HorizontalAlignment "General" | "Left" |
// "Center" | "Right" | …: https://learn.microsoft.com/javascript/api/excel/excel.verticalalignment and
// …/excel.horizontalalignment.
import type { HorizontalAlignment, Look, VerticalAlignment } from "../../core";

export const HORIZONTAL: Readonly<Record<HorizontalAlignment, "Left" | "Center" | "Right">> = {
  left: "Left",
  center: "Center",
  right: "Right",
};

export const VERTICAL: Readonly<Record<VerticalAlignment, "Top" | "Center" | "Bottom">> = {
  top: "Top",
  center: "Center",
  bottom: "Bottom",
};

/** Sets a range's format to a look (what the look leaves out stays as it is; number formats travel with the values).
 * Queued only: the caller syncs. */
export function applyLook(range: Excel.Range, look: Look): void {
  const f = range.format;
  if (look.bold !== undefined) f.font.bold = look.bold;
  if (look.fontSize !== undefined) f.font.size = look.fontSize;
  if (look.fill !== undefined) f.fill.color = `#${look.fill.slice(-6)}`;
  const a = look.alignment;
  if (a?.horizontal) f.horizontalAlignment = HORIZONTAL[a.horizontal];
  if (a?.vertical) f.verticalAlignment = VERTICAL[a.vertical];
  if (a?.wrap !== undefined) f.wrapText = a.wrap;
  if (look.border === "thin") {
    for (const edge of ["EdgeTop", "EdgeBottom", "EdgeLeft", "EdgeRight"] as const) {
      f.borders.getItem(edge).style = "Continuous";
    }
  }
}
