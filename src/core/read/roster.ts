// Annex 1 roster checks: position in the roster, and the closest roster name for one that is not on it.
import { normalizeName } from "../locate/normalize";

// Two reusable rows: the suggestion runs once per off-roster name, so it must not allocate per call.
let prevRow: number[] = [];
let curRow: number[] = [];

const SURROGATE = /[\ud800-\udfff]/;

/** Levenshtein distance over code points; stops early and returns `bound` once the distance cannot be below it. */
export function editDistance(a: string, b: string, bound = Infinity): number {
  return SURROGATE.test(a) || SURROGATE.test(b) ? astralDistance(a, b, bound) : bmpDistance(a, b, bound);
}

function astralDistance(a: string, b: string, bound: number): number {
  {
    // Rare: an astral character (CJK Extension B…) is one code point; give each its own single BMP stand-in.
    const stand = new Map<string, string>();
    const bmp = (s: string) =>
      Array.from(s, (ch) => {
        if (ch.length === 1) return ch;
        if (!stand.has(ch)) stand.set(ch, String.fromCharCode(0xe000 + stand.size));
        return stand.get(ch) as string;
      }).join("");
    return bmpDistance(bmp(a), bmp(b), bound);
  }
}

/** The distance over UTF-16 units, for strings without surrogates (where units are code points). */
function bmpDistance(a: string, b: string, bound: number): number {
  const n = a.length;
  const m = b.length;
  if (Math.abs(n - m) >= bound) return bound;
  let prev = prevRow;
  let cur = curRow;
  for (let j = 0; j <= m; j++) prev[j] = j;
  for (let i = 1; i <= n; i++) {
    cur[0] = i;
    let rowMin = i;
    const ca = a.charCodeAt(i - 1);
    for (let j = 1; j <= m; j++) {
      const sub = prev[j - 1] + (ca === b.charCodeAt(j - 1) ? 0 : 1);
      const del = prev[j] + 1;
      const ins = cur[j - 1] + 1;
      const v = sub < del ? (sub < ins ? sub : ins) : del < ins ? del : ins;
      cur[j] = v;
      if (v < rowMin) rowMin = v;
    }
    if (rowMin >= bound) {
      prevRow = prev;
      curRow = cur;
      return bound;
    }
    const t = prev;
    prev = cur;
    cur = t;
  }
  prevRow = prev;
  curRow = cur;
  return Math.min(prev[m], bound);
}

// Bit-parallel edit distance (Myers 1999, in Hyyrö's form for the distance between whole strings): the pattern's
// positions are the bits of one 32-bit word, so a distance costs one step per character of the other string instead
// of one per pair of characters. PEQ[c] has bit i set when the pattern's i-th character is c; it is filled for one
// pattern at a time and cleared after.
const PEQ = new Int32Array(0x10000);

/** Levenshtein distance between `pattern` (1 to 32 characters, whose PEQ bits are set) and `text`, both BMP-only. */
function bitDistance(m: number, text: string): number {
  const high = 1 << (m - 1);
  let pv = m === 32 ? -1 : (1 << m) - 1;
  let mv = 0;
  let score = m;
  for (let j = 0; j < text.length; j++) {
    const eq = PEQ[text.charCodeAt(j)];
    const xv = eq | mv;
    const xh = (((eq & pv) + pv) ^ pv) | eq;
    let ph = mv | ~(xh | pv);
    let mh = pv & xh;
    if (ph & high) score++;
    else if (mh & high) score--;
    ph = (ph << 1) | 1;
    mh = mh << 1;
    pv = mh | ~(xv | ph);
    mv = ph & xv;
  }
  return score;
}

export class Roster {
  private readonly index: Map<string, number>;
  private readonly keys: { name: string; key: string }[];
  private readonly astral: boolean;
  constructor(readonly names: readonly string[]) {
    this.keys = names.map((name) => ({ name, key: normalizeName(name) }));
    this.astral = this.keys.some((k) => SURROGATE.test(k.key));
    this.index = new Map(this.keys.map((k, i) => [k.key, i]));
  }
  /** Position in Annex 1, or -1. */
  position(key: string): number {
    return this.index.get(key) ?? -1;
  }
  /** The roster name closest by edit distance (first in roster order on a tie). */
  closest(key: string): string {
    let best = this.names[0];
    let bestD = Infinity;
    const astral = this.astral || SURROGATE.test(key);
    const m = key.length;
    if (!astral && m >= 1 && m <= 32) {
      // A roster name the key merely extends by a few characters (县发改局 for 县发改局2) is that many edits away: no
      // closer name can then be more than that many characters longer or shorter, and the others need no distance.
      for (let t = 1; t <= 3 && t < m; t++) {
        if (this.index.has(key.slice(0, m - t))) {
          bestD = t + 1;
          break;
        }
      }
      for (let i = 0; i < m; i++) PEQ[key.charCodeAt(i)] |= 1 << i;
      for (const n of this.keys) {
        // The distance is at least the difference in length: a name that far off cannot come closer.
        if (Math.abs(n.key.length - m) >= bestD) continue;
        const d = bitDistance(m, n.key);
        if (d < bestD) {
          best = n.name;
          bestD = d;
        }
      }
      for (let i = 0; i < m; i++) PEQ[key.charCodeAt(i)] = 0;
      return best;
    }
    for (const n of this.keys) {
      const d = astral ? astralDistance(key, n.key, bestD) : bmpDistance(key, n.key, bestD);
      if (d < bestD) {
        best = n.name;
        bestD = d;
      }
    }
    return best;
  }
}
