// Merged areas: a write that cuts through one fails with InvalidOperation, and only the top-left cell holds a value.
import type { Rect, RangeTarget } from "./document";
import { FakeOfficeError } from "./errors";

/** Most merged areas getMergedAreasOrNullObject answers with. */
export const MERGED_AREAS_MAX = 512;

export function inside(r: Rect, row: number, col: number): boolean {
  return row >= r.row && row < r.row + r.rows && col >= r.col && col < r.col + r.cols;
}

export function intersects(a: Rect, b: Rect): boolean {
  return a.row < b.row + b.rows && b.row < a.row + a.rows && a.col < b.col + b.cols && b.col < a.col + a.cols;
}

export function contains(outer: Rect, inner: Rect): boolean {
  return (
    inner.row >= outer.row &&
    inner.col >= outer.col &&
    inner.row + inner.rows <= outer.row + outer.rows &&
    inner.col + inner.cols <= outer.col + outer.cols
  );
}

/** Values written over a merged area must cover it whole, or be its top-left cell alone (Excel refuses to change part
 * of a merged cell); returns the merged areas covered, whose other cells keep no value. */
export function mergedCovered(t: RangeTarget): Rect[] {
  const covered: Rect[] = [];
  for (const m of t.sheet.merges) {
    if (!intersects(m, t.rect)) continue;
    if (contains(t.rect, m)) covered.push(m);
    else if (!(t.rect.rows === 1 && t.rect.cols === 1 && t.rect.row === m.row && t.rect.col === m.col)) {
      throw new FakeOfficeError("InvalidOperation", "Cannot change part of a merged cell.");
    }
  }
  return covered;
}
