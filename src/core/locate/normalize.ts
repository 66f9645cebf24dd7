// Header and name normalisation (workbook.md): NFKC, no whitespace, and for headers one trailing bracketed group of
// at most 4 characters dropped (（项） (条) （分）).
import type { CellValue } from "../model";
import { isDateCell, isErrorCell } from "../model";

const WHITESPACE = /(?:\s|\u200b|\u200c|\u200d|\ufeff)+/g;
const TRAILING_GROUP = /(?:\([^()]{0,4}\)|\[[^[\]]{0,4}\]|【[^【】]{0,4}】|〔[^〔〕]{0,4}〕)$/u;

// Printable ASCII and CJK unified ideographs are already NFKC (no decomposition, nothing composes with them) and hold
// no whitespace: the common name skips the costly normalisation.
const PLAIN = /^[\u0021-\u007e\u4e00-\u9fff]*$/;

export function normalizeName(text: string): string {
  return PLAIN.test(text) ? text : text.normalize("NFKC").replace(WHITESPACE, "");
}

export function normalizeHeader(text: string): string {
  const s = normalizeName(text);
  const dropped = s.replace(TRAILING_GROUP, "");
  return dropped === "" ? s : dropped;
}

/** A cell as text for header and name matching: numbers as printed, other kinds as empty. */
export function cellText(v: CellValue): string {
  if (typeof v === "string") return v;
  if (typeof v === "number") return String(v);
  if (v === null || typeof v === "boolean" || isDateCell(v) || isErrorCell(v)) return "";
  return "";
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

export function address(row: number, col: number): string {
  return `${columnLetters(col)}${row}`;
}

/** A1 → [row, col] (1-based); null when not an address. */
export function parseAddress(a1: string): [number, number] | null {
  const m = /^([A-Z]{1,3})(\d+)$/.exec(a1);
  if (!m) return null;
  let col = 0;
  for (const ch of m[1]) col = col * 26 + (ch.charCodeAt(0) - 64);
  return [Number(m[2]), col];
}
