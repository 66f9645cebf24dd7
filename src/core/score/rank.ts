// Ranking (rules-2020.md): by total, ties sharing a rank (并列) and the next rank skipping, tied units in Annex 1 order.

/** 1, 2, 2, 4: equal totals share a rank and the next rank skips (并列). Returns positions in ranking order. */
export function rankPositions(
  totals: ArrayLike<number>,
  rosterIndex: ArrayLike<number>,
): { order: number[]; rank: number[] } {
  const n = totals.length;
  const order = Array.from({ length: n }, (_, i) => i);
  order.sort((a, b) => {
    if (totals[b] !== totals[a]) return totals[b] - totals[a];
    // within a tie: Annex 1 order, then units off the roster in sheet order
    const ra = rosterIndex[a] < 0 ? Infinity : rosterIndex[a];
    const rb = rosterIndex[b] < 0 ? Infinity : rosterIndex[b];
    if (ra !== rb) return ra - rb;
    return a - b;
  });
  const rank: number[] = new Array<number>(n);
  for (let pos = 0; pos < n; pos++) {
    const i = order[pos];
    rank[pos] = pos > 0 && totals[order[pos - 1]] === totals[i] ? rank[pos - 1] : pos + 1;
  }
  return { order, rank };
}
