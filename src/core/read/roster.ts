// Annex 1 roster checks: position in the roster, and the closest roster name for one that is not on it.
import { normalizeName } from "../locate/normalize";

/** Levenshtein distance over code points. */
export function editDistance(a: string, b: string): number {
  const s = [...a];
  const t = [...b];
  let prev = Array.from({ length: t.length + 1 }, (_, j) => j);
  for (let i = 1; i <= s.length; i++) {
    const cur = [i];
    for (let j = 1; j <= t.length; j++) {
      cur[j] = Math.min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + (s[i - 1] === t[j - 1] ? 0 : 1));
    }
    prev = cur;
  }
  return prev[t.length];
}

export class Roster {
  private readonly index: Map<string, number>;
  constructor(readonly names: readonly string[]) {
    this.index = new Map(names.map((n, i) => [normalizeName(n), i]));
  }
  /** Position in Annex 1, or -1. */
  position(key: string): number {
    return this.index.get(key) ?? -1;
  }
  /** The roster name closest by edit distance (first in roster order on a tie). */
  closest(key: string): string {
    let best = this.names[0];
    let bestD = Infinity;
    for (const n of this.names) {
      const d = editDistance(key, normalizeName(n));
      if (d < bestD) {
        best = n;
        bestD = d;
      }
    }
    return best;
  }
}
