// A1 addresses, the one place they are parsed and made: "B7", "$B$7", "考核表!B3:AF40", "'My sheet'!B3", whole columns
// "A:C" and whole rows "3:5". Rows and columns are 1-based here, as in A1 itself.

/** Excel's grid: 1,048,576 rows by 16,384 columns (XFD). */
export const MAX_ROWS = 1_048_576;
export const MAX_COLS = 16_384;

/** A rectangle of cells, 1-based and inclusive. */
export interface CellRange {
  readonly top: number;
  readonly left: number;
  readonly bottom: number;
  readonly right: number;
}

/** 1-based column number → letters (1 → A, 27 → AA). */
export function columnLetters(col: number): string {
  let s = "";
  let n = col;
  while (n > 0) {
    const r = (n - 1) % 26;
    s = String.fromCharCode(65 + r) + s;
    n = Math.floor((n - 1) / 26);
  }
  return s;
}

/** Letters → 1-based column number (A → 1, AA → 27); 0 for anything else. */
export function columnNumber(letters: string): number {
  if (!/^[A-Z]{1,3}$/.test(letters)) return 0;
  let col = 0;
  for (const ch of letters) col = col * 26 + (ch.charCodeAt(0) - 64);
  return col;
}

export function address(row: number, col: number): string {
  return `${columnLetters(col)}${row}`;
}

/** A cell's own A1, "B7" or "$B$7" → [row, col] (1-based); null when not a single cell's address. */
export function parseAddress(a1: string): [number, number] | null {
  const m = /^\$?([A-Z]{1,3})\$?(\d+)$/.exec(a1);
  if (!m) return null;
  const row = Number(m[2]);
  return row >= 1 ? [row, columnNumber(m[1])] : null;
}

/** The part after the sheet name ("考核表!B3:C9" → "B3:C9"). */
export function localPart(a1: string): string {
  return a1.includes("!") ? a1.slice(a1.lastIndexOf("!") + 1) : a1;
}

/** Any A1 range, with or without its sheet, $ signs or case: a cell, a rectangle, whole columns or whole rows, in
 * either corner order; null when it is none of them. */
export function parseRange(a1: string): CellRange | null {
  const clean = localPart(a1).replace(/\$/g, "").toUpperCase();
  const cols = /^([A-Z]{1,3}):([A-Z]{1,3})$/.exec(clean);
  if (cols) {
    const [a, b] = [columnNumber(cols[1]), columnNumber(cols[2])];
    return { top: 1, left: Math.min(a, b), bottom: MAX_ROWS, right: Math.max(a, b) };
  }
  const rows = /^(\d+):(\d+)$/.exec(clean);
  if (rows) {
    const [a, b] = [Number(rows[1]), Number(rows[2])];
    return a >= 1 && b >= 1 ? { top: Math.min(a, b), left: 1, bottom: Math.max(a, b), right: MAX_COLS } : null;
  }
  const [from, to = from, ...rest] = clean.split(":");
  if (rest.length > 0) return null;
  const a = parseAddress(from);
  const b = parseAddress(to);
  if (!a || !b) return null;
  return {
    top: Math.min(a[0], b[0]),
    left: Math.min(a[1], b[1]),
    bottom: Math.max(a[0], b[0]),
    right: Math.max(a[1], b[1]),
  };
}

/** The column number of a cell reference's letters (AB12 → 28; 0 when it has none), without a regular expression: the
 * .xlsx reader asks it for every cell of a sheet. */
export function columnOf(ref: string): number {
  let col = 0;
  for (let i = 0; i < ref.length; i++) {
    const ch = ref.charCodeAt(i);
    if (ch >= 65 && ch <= 90) col = col * 26 + ch - 64;
    else if (ch >= 97 && ch <= 122) col = col * 26 + ch - 96;
    else break;
  }
  return col;
}
