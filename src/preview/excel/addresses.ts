// A1 addresses as the simulated Excel reads and gives them, counting rows and columns from 0 as getRangeByIndexes does.
import { columnLetters, parseRange } from "../../core/address";
import type { Rect } from "./document";
import { FakeOfficeError } from "./errors";

/** 0-based column → letters (the fake counts from 0, as Excel's getRangeByIndexes does). */
export function colLetters(col0: number): string {
  return columnLetters(col0 + 1);
}

/** Longest address getRange / getRanges take (Office's documented limit). */
export const MAX_ADDRESS = 8192;

export function parseRect(a1: string): Rect {
  const r = parseRange(a1);
  if (!r) throw new FakeOfficeError("InvalidArgument", `The argument is invalid or missing: address ${a1}`);
  return { row: r.top - 1, col: r.left - 1, rows: r.bottom - r.top + 1, cols: r.right - r.left + 1 };
}

export function rectAddress(rect: Rect): string {
  const a = `${colLetters(rect.col)}${rect.row + 1}`;
  if (rect.rows === 1 && rect.cols === 1) return a;
  return `${a}:${colLetters(rect.col + rect.cols - 1)}${rect.row + rect.rows}`;
}

export function quoteSheet(name: string): string {
  return /^[A-Za-z0-9_\u4e00-\u9fff]+$/.test(name) ? name : `'${name.replace(/'/g, "''")}'`;
}
