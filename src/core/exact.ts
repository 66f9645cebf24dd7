// Exact arithmetic for scores. Points are held as integer hundredths ("cents"); ratios are computed on BigInt
// numerators and denominators and rounded half-up once, so 7 of 10 is exactly 70% and 2.675 rounds to 2.68.

/** A non-negative or negative rational n/d with d > 0. */
export interface Rational {
  readonly n: bigint;
  readonly d: bigint;
}

const DECIMAL = /^([+-]?)(\d+)(?:\.(\d*))?(?:e([+-]?\d+))?$/i;

/** Parses a plain decimal ("2.5", "12", "1e-7") exactly; null for anything else. */
export function parseDecimal(text: string): Rational | null {
  const m = DECIMAL.exec(text);
  if (!m) return null;
  const [, sign, int, frac = "", exp = "0"] = m;
  const e = Number(exp);
  if (!Number.isSafeInteger(e) || Math.abs(e) > 400) return null;
  let n = BigInt(int + frac);
  let d = 1n;
  const shift = e - frac.length;
  if (shift >= 0) n *= 10n ** BigInt(shift);
  else d = 10n ** BigInt(-shift);
  if (sign === "-") n = -n;
  return { n, d };
}

/** The exact decimal a JavaScript number prints as (its shortest round-trip form), so 0.1 is one tenth. */
export function fromNumber(x: number): Rational {
  if (!Number.isFinite(x)) throw new RangeError(`not a finite number: ${x}`);
  const r = parseDecimal(String(x));
  if (!r) throw new RangeError(`cannot read ${x} exactly`);
  return r;
}

/** Rounds n/d half-up (ties away from zero) to an integer. */
export function roundHalfUp(n: bigint, d: bigint): bigint {
  if (d <= 0n) throw new RangeError("denominator must be positive");
  const neg = n < 0n;
  const a = neg ? -n : n;
  const q = (2n * a + d) / (2n * d);
  return neg ? -q : q;
}

/** Half-up rounding of n/d for non-negative safe integers without BigInt: the float quotient is only a guess,
 * corrected by exact integer remainders, so the answer is exact. Null when an intermediate could exceed 2^53. */
function roundHalfUpSafe(n: number, d: number): number | null {
  if (n < 0 || d <= 0 || 2 * n + d > Number.MAX_SAFE_INTEGER) return null;
  const num = 2 * n + d;
  const den = 2 * d;
  let q = Math.floor(num / den);
  // q·den must stay exact: q ≤ num/den + 1, so q·den ≤ num + den < 2^53 + den; guard the sum too.
  if (q * den > Number.MAX_SAFE_INTEGER) return null;
  let r = num - q * den;
  while (r < 0) {
    q -= 1;
    r += den;
  }
  while (r >= den) {
    q += 1;
    r -= den;
  }
  return q;
}

/** n·m ÷ d rounded half-up, exact, for non-negative integers; BigInt only when the product is not a safe integer. */
export function mulDivHalfUp(n: number, m: number, d: number): number {
  const p = n * m;
  if (Number.isSafeInteger(p)) {
    const fast = roundHalfUpSafe(p, d);
    if (fast !== null) return fast;
  }
  return Number(roundHalfUp(BigInt(n) * BigInt(m), BigInt(d)));
}

/** A rational in points → integer hundredths, rounded half-up at 2 decimals. */
export function toCents(r: Rational): number {
  return Number(roundHalfUp(r.n * 100n, r.d));
}

/** maxCents × part ÷ whole, rounded half-up to hundredths (whole > 0). */
export function scaleCents(maxCents: number, part: number | bigint, whole: number | bigint): number {
  if (typeof part === "number" && typeof whole === "number") return mulDivHalfUp(maxCents, part, whole);
  return Number(roundHalfUp(BigInt(maxCents) * BigInt(part), BigInt(whole)));
}

const pointsCache = new Map<number, number>();
/** A points literal from the rulebook (0.5, 25) → hundredths, exactly (memoised: the rulebook has few literals). */
export function pointsToCents(points: number): number {
  let cents = pointsCache.get(points);
  if (cents === undefined) {
    cents = toCents(fromNumber(points));
    if (pointsCache.size < 1024) pointsCache.set(points, cents);
  }
  return cents;
}

/** Hundredths → a JSON number with at most 2 decimals (6.6, 22.56, 3). */
export function centsToNumber(cents: number): number {
  return cents / 100;
}

/** Hundredths → text for people: "6.6", "22.56", "3". */
export function formatCents(cents: number): string {
  const neg = cents < 0;
  const a = Math.abs(cents);
  const int = Math.floor(a / 100);
  const frac = a % 100;
  const f = frac === 0 ? "" : frac % 10 === 0 ? `.${frac / 10}` : `.${String(frac).padStart(2, "0")}`;
  return `${neg ? "-" : ""}${int}${f}`;
}

/** part ÷ whole as a percentage for people, at most 2 decimals, half-up ("70", "33.33"). */
export function formatPercent(part: number, whole: number): string {
  return formatCents(mulDivHalfUp(part, 10000, whole));
}
