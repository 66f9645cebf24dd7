// Value kinds (workbook.md "Value kinds"): a cell → present / absent / missing / invalid, with the reason.
import { type Rational, parseDecimal, fromNumber } from "../exact";
import { type CellValue, isDateCell, isErrorCell } from "../model";

export type Reading =
  | { readonly state: "missing" }
  | { readonly state: "invalid"; readonly reason: string }
  | { readonly state: "absent" }
  | { readonly state: "present"; readonly count?: number; readonly amount?: Rational };

export const MISSING: Reading = Object.freeze({ state: "missing" });
const ABSENT: Reading = Object.freeze({ state: "absent" });
const PRESENT: Reading = Object.freeze({ state: "present" });

// Text made only of printable ASCII, CJK ideographs and CJK punctuation is already NFKC and has no whitespace:
// the common case skips the (costly) normalisation.
const STABLE = /^[\u0021-\u007e\u4e00-\u9fff\u3001-\u3037]*$/;
// In that text only a-z has an upper case: text without them is its own upper case (and skips ICU).
const LOWER = /[a-z]/;
const norm = (s: string): string =>
  STABLE.test(s) ? (LOWER.test(s) ? s.toUpperCase() : s) : s.normalize("NFKC").replace(/\s+/g, "").toUpperCase();
/** Whether a character code is one of STABLE's. */
const stableCode = (c: number): boolean =>
  (c >= 0x21 && c <= 0x7e) || (c >= 0x4e00 && c <= 0x9fff) || (c >= 0x3001 && c <= 0x3037);

// Count readings of everyday sizes are shared, not allocated per cell.
const COUNTS: Reading[] = Array.from({ length: 4096 }, (_, n) => Object.freeze({ state: "present", count: n }));
const countReading = (n: number): Reading => (n < COUNTS.length ? COUNTS[n] : { state: "present", count: n });

const YES_WORDS = new Set(["是", "有", "已", "√", "✓", "✔", "Y", "YES", "TRUE", "1", "完整", "已盖章"].map(norm));
const NO_WORDS = new Set(
  ["否", "无", "未", "×", "✗", "✘", "N", "NO", "FALSE", "0", "/", "-", "--", "—", "——", "不完整", "未盖章"].map(norm),
);
const ABSENT_PREFIXES = ["未", "暂无", "尚未", "没有"];
// A document not issued yet (workbook.md "Value kinds"): 正在制定, 拟于2021年出台, 待印发, 准备…, …制定中.
const DRAFT_PREFIXES = ["正在", "拟", "待", "准备"];
const DRAFT_SUFFIXES = [
  "制定中",
  "起草中",
  "修订中",
  "审批中",
  "审核中",
  "印发中",
  "征求意见中",
  "报批中",
  "研究中",
  "筹备中",
];
/** Whether an evidence text (normalised: NFKC, no whitespace) says there is no such thing, or not yet. */
function saysNone(n: string): boolean {
  if (NO_WORDS.has(n)) return true;
  for (const p of ABSENT_PREFIXES) if (n.startsWith(p)) return true;
  for (const p of DRAFT_PREFIXES) if (n.startsWith(p)) return true;
  for (const p of DRAFT_SUFFIXES) if (n.endsWith(p)) return true;
  return false;
}

function show(v: CellValue): string {
  if (typeof v === "string") return v.length > 40 ? `${v.slice(0, 40)}…` : v;
  if (typeof v === "number") return String(v);
  if (typeof v === "boolean") return v ? "TRUE" : "FALSE";
  if (v === null) return "";
  if (isDateCell(v)) return v.date;
  return v.error;
}

const errorReading = (v: { error: string }): Reading => ({ state: "invalid", reason: `单元格为错误值 ${v.error}` });

function isBlank(v: CellValue): boolean {
  if (v === null) return true;
  if (typeof v !== "string") return false;
  if (v.length > 0 && stableCode(v.charCodeAt(0))) return false;
  return v.replace(/(?:\s|\u200b|\ufeff)+/g, "") === "";
}

/** evidence: any text, number, date or TRUE is present; a no-word, FALSE, 未…/暂无…/尚未…/没有…, or a document not
 * issued yet (正在…/拟…/待…/准备…, …制定中/起草中/…) is absent. */
export function readEvidence(v: CellValue): Reading {
  if (isBlank(v)) return MISSING;
  if (isErrorCell(v as CellValue)) return errorReading(v as { error: string });
  if (typeof v === "boolean") return v ? PRESENT : ABSENT;
  if (typeof v === "number") return NO_WORDS.has(norm(String(v))) ? ABSENT : PRESENT;
  if (typeof v === "string") {
    return saysNone(norm(v)) ? ABSENT : PRESENT;
  }
  return PRESENT; // a date
}

/** yes/no: yes-words present, no-words absent, anything else invalid. */
export function readYesNo(v: CellValue): Reading {
  if (isBlank(v)) return MISSING;
  if (isErrorCell(v as CellValue)) return errorReading(v as { error: string });
  const text = typeof v === "boolean" ? (v ? "TRUE" : "FALSE") : typeof v === "number" ? String(v) : show(v);
  const n = norm(text);
  if (YES_WORDS.has(n)) return PRESENT;
  if (NO_WORDS.has(n)) return ABSENT;
  return { state: "invalid", reason: `“${show(v)}”不是“是/否”（应填 是 或 否）` };
}

const COUNT_TEXT = /^(\d+)(?:\.0*)?\s*[项条次家份个]?$/u;

/** count: a whole number ≥ 0 (12, "12", "3.0", "１２", "12项"); 无 is invalid (无则填0). */
export function readCount(v: CellValue): Reading {
  if (isBlank(v)) return MISSING;
  if (isErrorCell(v as CellValue)) return errorReading(v as { error: string });
  if (typeof v === "number") {
    if (!Number.isFinite(v)) return { state: "invalid", reason: `“${v}”不是数字` };
    if (v < 0) return { state: "invalid", reason: `数量不能为负数（${v}）` };
    if (!Number.isInteger(v)) return { state: "invalid", reason: `数量应为整数（${v}）` };
    if (!Number.isSafeInteger(v)) return { state: "invalid", reason: `数量过大（${v}）` };
    return countReading(v);
  }
  if (typeof v === "string") {
    // Only the ends are trimmed: spaces inside the digits ("1 000", "12 13") are grouping or two numbers, not one count.
    const t = v.normalize("NFKC").trim();
    const m = COUNT_TEXT.exec(t);
    if (m) {
      const n = Number(m[1]);
      if (!Number.isSafeInteger(n)) return { state: "invalid", reason: `数量过大（${show(v)}）` };
      return countReading(n);
    }
    if (NO_WORDS.has(norm(t))) return { state: "invalid", reason: `“${show(v)}”不是数量：没有请填 0` };
    return { state: "invalid", reason: `“${show(v)}”不是 0 或正整数` };
  }
  return { state: "invalid", reason: `“${show(v)}”不是数量（应填 0 或正整数）` };
}

const NUMBER_TEXT = /^\d+(?:\.\d+)?$/;
// Amount readings of numbers seen before are shared, not parsed and allocated per cell.
const AMOUNTS = new Map<number, Reading>();

/** number (创新加分, 自评总分): a number ≥ 0, as a number or as text ("2", "2.5"). */
export function readNumber(v: CellValue): Reading {
  if (isBlank(v)) return MISSING;
  if (isErrorCell(v as CellValue)) return errorReading(v as { error: string });
  if (typeof v === "number") {
    if (!Number.isFinite(v) || v < 0) return { state: "invalid", reason: `应为不小于 0 的数（${v}）` };
    if (v > 1e9) return { state: "invalid", reason: `数值过大（${v}）` };
    let r = AMOUNTS.get(v);
    if (!r) {
      r = Object.freeze({ state: "present", amount: Object.freeze(fromNumber(v)) });
      if (AMOUNTS.size < 4096) AMOUNTS.set(v, r);
    }
    return r;
  }
  if (typeof v === "string") {
    const t = v.normalize("NFKC").trim();
    if (NUMBER_TEXT.test(t) && t.length <= 20) {
      const amount = parseDecimal(t);
      // The number cell's bound holds for text too ("99999999999999999999" is no more an amount than 1e20 is).
      if (amount && amount.n > 1_000_000_000n * amount.d) return { state: "invalid", reason: `数值过大（${show(v)}）` };
      if (amount) return { state: "present", amount };
    }
    return { state: "invalid", reason: `“${show(v)}”不是不小于 0 的数` };
  }
  return { state: "invalid", reason: `“${show(v)}”不是数字` };
}

export function readText(v: CellValue): string {
  if (v === null) return "";
  if (typeof v === "string") return v.trim();
  return show(v);
}

export { isBlank, show };
