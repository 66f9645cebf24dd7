// What the tool changes in a cell's style (fill, number format, font, alignment, border), in the shared vocabulary of
// looks (core/plan/look.ts), and the elements of xl/styles.xml a change puts in: <alignment> in an <xf>, a <border>.
import { type Alignment, type HostFill, type Look } from "../../../../core";
import { insertChild } from "../order";
import { elementEnd, findTag, nextTag } from "../xml";
import { solidFill } from "./fill";

/** A change to a cell's style: what the tool sets, in the shared vocabulary (core/plan/look.ts). */
export interface StyleDelta {
  readonly fill?: HostFill | null;
  readonly numFmt?: string;
  readonly bold?: boolean;
  readonly fontSize?: number;
  readonly alignment?: Alignment;
  readonly border?: "thin";
}

/** A Look as a style change (its fill solid). */
export function lookDelta(look: Look): StyleDelta {
  return {
    ...(look.fill !== undefined ? { fill: solidFill(look.fill) } : {}),
    ...(look.numberFormat !== undefined ? { numFmt: look.numberFormat } : {}),
    ...(look.bold ? { bold: true } : {}),
    ...(look.fontSize !== undefined ? { fontSize: look.fontSize } : {}),
    ...(look.alignment !== undefined ? { alignment: look.alignment } : {}),
    ...(look.border !== undefined ? { border: look.border } : {}),
  };
}

/** <alignment> in SpreadsheetML: the vocabulary's names are the schema's own (ST_HorizontalAlignment,
 * ST_VerticalAlignment), written in CT_CellAlignment's attribute order. */
export function alignmentXml(a: Alignment): string {
  const attrs = [
    a.horizontal ? ` horizontal="${a.horizontal}"` : "",
    a.vertical ? ` vertical="${a.vertical}"` : "",
    a.wrap ? ' wrapText="1"' : "",
  ];
  return `<alignment${attrs.join("")}/>`;
}

export const BORDERS: Record<NonNullable<StyleDelta["border"]>, string> = {
  thin: '<border><left style="thin"/><right style="thin"/><top style="thin"/><bottom style="thin"/><diagonal/></border>',
};

/** The element with its child `name` replaced by `child`, or put at its schema position (CT_Xf). */
export function withChild(element: string, name: "alignment", child: string): string {
  const t = nextTag(element, 0);
  if (!t) return element;
  if (t.kind !== "empty") {
    const old = findTag(element, name, t.end);
    if (old) return element.slice(0, old.start) + child + element.slice(elementEnd(element, old));
  }
  return insertChild(element, "xf", name, child);
}
