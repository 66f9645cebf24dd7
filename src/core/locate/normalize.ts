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
