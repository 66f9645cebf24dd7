// Excel's way of giving cells (values, valueTypes, numberFormat, cell properties) → the core's CellValue and HostFill.
// Pure: no Office.js here, so it is tested directly.
import {
  type CellValue,
  DAYS_1900_TO_1904,
  FILL_PATTERNS,
  type HostFill,
  argbToHex,
  isDateFormat,
  parseRange,
  serialToDate,
} from "../../core";

/** What Range.valueTypes says of one cell (ExcelApi 1.1). */
export type ValueType = "Unknown" | "Empty" | "String" | "Integer" | "Double" | "Boolean" | "Error" | "RichValue";

/** One cell as Excel hands it over → CellValue. Empty text is a blank cell; a date-formatted number is a date, counted
 * in the workbook's date system (`date1904`: serial 0 is 1904-01-01), as the command line reads `workbookPr date1904`. */
export function cellValueOf(
  value: unknown,
  type: ValueType | string,
  numberFormat: string,
  date1904 = false,
): CellValue {
  switch (type) {
    case "Empty":
      return null;
    case "Error":
      return { error: String(value) };
    case "Boolean":
      return Boolean(value);
    case "Double":
    case "Integer":
      if (typeof value !== "number") break;
      if (!Number.isFinite(value)) return { error: "#NUM!" };
      if (value < 1 || !isDateFormat(numberFormat)) return value;
      return { date: serialToDate(date1904 ? value + DAYS_1900_TO_1904 : value) };
    default:
      break;
  }
  if (value === null || value === undefined || value === "") return null;
  if (typeof value === "string" || typeof value === "number" || typeof value === "boolean") return value;
  return String(value);
}

/** The fill part of Range.getCellProperties (ExcelApi 1.9), as the host remembers it. */
export interface OfficeFill {
  color?: string;
  pattern?: string;
  patternColor?: string;
  tintAndShade?: number;
  patternTintAndShade?: number;
}

/** A cell's own fill, or null when it has none (Excel reports pattern None, or white with no pattern). */
export function ownFill(fill: OfficeFill | undefined): HostFill | null {
  if (!fill) return null;
  if (fill.pattern === "None") return null;
  if (fill.pattern === undefined && (fill.color === undefined || /^#FFFFFF$/i.test(fill.color))) return null;
  const saved: Record<string, HostFill> = {};
  for (const [k, v] of Object.entries(fill)) {
    if (v !== undefined && v !== null) saved[k] = v as HostFill;
  }
  return saved;
}

/** HostFill back into what Range.setCellProperties takes; null when the saved value is not an Office fill (it may
 * have been saved by the command line, whose fills are ExcelJS objects). */
export function officeFill(saved: HostFill | null): OfficeFill | null {
  if (saved === null || typeof saved !== "object" || Array.isArray(saved)) return null;
  const f = saved as Record<string, HostFill>;
  if (f.type !== undefined) {
    // A fill the command line saved: { type: "pattern", pattern (ST_PatternType), fgColor, bgColor } with ARGB
    // colours. Solid: fgColor is the cell's colour. Other patterns: lines in fgColor over bgColor (the reverse of
    // what officeFillXml in the .xlsx host writes). Theme and indexed colours have no #RRGGBB here: not carried over.
    const fg = (f.fgColor as Record<string, HostFill> | undefined)?.argb;
    const bg = (f.bgColor as Record<string, HostFill> | undefined)?.argb;
    const argb = (c: HostFill | undefined) =>
      typeof c === "string" && /^[0-9a-fA-F]{8}$/.test(c) ? argbToHex(c) : null;
    const pattern = FILL_PATTERNS.find(([name]) => name === f.pattern)?.[1];
    if (f.type !== "pattern" || pattern === undefined || pattern === "None") return null;
    if (pattern === "Solid") {
      const color = argb(fg);
      return color ? { color, pattern: "Solid" } : null;
    }
    const color = argb(bg);
    const lines = argb(fg);
    return color ? { color, pattern, ...(lines ? { patternColor: lines } : {}) } : null;
  }
  if (typeof f.color !== "string" && typeof f.pattern !== "string") return null;
  const out: OfficeFill = {};
  if (typeof f.color === "string") out.color = f.color;
  if (typeof f.pattern === "string") out.pattern = f.pattern;
  if (typeof f.patternColor === "string") out.patternColor = f.patternColor;
  if (typeof f.tintAndShade === "number") out.tintAndShade = f.tintAndShade;
  if (typeof f.patternTintAndShade === "number") out.patternTintAndShade = f.patternTintAndShade;
  return out;
}

/** "考核表!B3:AF40" or "'My sheet'!B3" → 0-based first row and column; A1 when the address has none. */
export function rangeOrigin(address: string): { row: number; col: number } {
  const r = parseRange(address);
  return r ? { row: r.top - 1, col: r.left - 1 } : { row: 0, col: 0 };
}
