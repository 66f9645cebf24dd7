// rules-2020.md "Settings": each leaf and the bonus rounded half-up to 2 decimals, computed with exact arithmetic
// (no binary floating point error: 7 of 10 is exactly 70%).
import {
  centsToNumber,
  formatCents,
  formatPercent,
  fromNumber,
  parseDecimal,
  pointsToCents,
  roundHalfUp,
  scaleCents,
  toCents,
} from "../../src/core/exact";
import { leaf, result, score, unit } from "./builders";

describe("parseDecimal and fromNumber read decimals exactly", () => {
  test.each([
    ["2.5", 25n, 10n],
    ["12", 12n, 1n],
    ["0.1", 1n, 10n],
    ["-3", -3n, 1n],
    ["1e-7", 1n, 10000000n],
    ["1.5e2", 1500n, 10n],
  ])("%s", (text, n, d) => {
    const r = parseDecimal(text);
    expect(r).not.toBeNull();
    // compare as fractions: n/d = r.n/r.d ⇔ n·r.d = r.n·d
    expect(n * (r?.d as bigint)).toBe((r?.n as bigint) * d);
  });

  test.each(["", "abc", "1,000", "1.2.3", "٣", "0x10", " 2"])("%j is not a plain decimal", (text) => {
    expect(parseDecimal(text)).toBeNull();
  });

  test("0.1 + 0.2 is exactly 3/10 (where binary floating point gives 0.30000000000000004)", () => {
    const a = fromNumber(0.1);
    const b = fromNumber(0.2);
    // a.n/a.d + b.n/b.d = 3/10 ⇔ (a.n·b.d + b.n·a.d)·10 = 3·a.d·b.d
    expect((a.n * b.d + b.n * a.d) * 10n).toBe(3n * a.d * b.d);
    expect(0.1 + 0.2).not.toBe(0.3); // the trap this module exists for
  });

  test("non-finite numbers are refused", () => {
    expect(() => fromNumber(Number.NaN)).toThrow(RangeError);
    expect(() => fromNumber(Infinity)).toThrow(RangeError);
  });
});

describe("roundHalfUp: ties away from zero", () => {
  test.each([
    [5n, 2n, 3n], // 2.5 → 3
    [7n, 2n, 4n], // 3.5 → 4
    [-5n, 2n, -3n], // −2.5 → −3
    [-7n, 2n, -4n], // −3.5 → −4
    [49n, 10n, 5n], // 4.9 → 5
    [44n, 10n, 4n], // 4.4 → 4
    [0n, 7n, 0n],
    [1n, 3n, 0n], // 0.33 → 0
    [2n, 3n, 1n], // 0.67 → 1
  ])("%s/%s → %s", (n, d, q) => {
    expect(roundHalfUp(n, d)).toBe(q);
  });

  test("a zero or negative denominator is an error", () => {
    expect(() => roundHalfUp(1n, 0n)).toThrow(RangeError);
    expect(() => roundHalfUp(1n, -2n)).toThrow(RangeError);
  });
});

describe("points to hundredths", () => {
  test("2.675 → 2.68 half-up (toFixed gives 2.67 because 2.675 is 2.67499999… in binary)", () => {
    expect((2.675).toFixed(2)).toBe("2.67");
    expect(toCents(parseDecimal("2.675")!)).toBe(268);
    expect(toCents(fromNumber(2.675))).toBe(268);
  });

  test("1.005 → 1.01 (1.005 × 100 is 100.49999999999999 in floating point)", () => {
    expect(1.005 * 100).toBeLessThan(100.5);
    expect(toCents(fromNumber(1.005))).toBe(101);
  });

  test("−2.675 → −2.68 (away from zero)", () => {
    expect(toCents(parseDecimal("-2.675")!)).toBe(-268);
  });

  test("rulebook literals: 0.5 → 50, 25 → 2500, 1 → 100", () => {
    expect(pointsToCents(0.5)).toBe(50);
    expect(pointsToCents(25)).toBe(2500);
    expect(pointsToCents(1)).toBe(100);
  });
});

describe("scaleCents: max × part ÷ whole, rounded once", () => {
  test("25 × 47/178 = 1175/178 = 6.6011… → 6.60", () => {
    expect(scaleCents(2500, 47, 178)).toBe(660);
  });

  test("7 of 10 is exactly 70%: 25 × 7/10 = 17.5", () => {
    expect(scaleCents(2500, 7, 10)).toBe(1750);
    expect(formatPercent(7, 10)).toBe("70");
  });

  test.each([
    // ratio ties: the exact value sits on …5 in the third decimal and goes up
    [300, 1, 8, 38], // 3 × 1/8 = 0.375 → 0.38
    [2500, 1, 8, 313], // 25 × 1/8 = 3.125 → 3.13
    [500, 1, 8, 63], // 5 × 1/8 = 0.625 → 0.63
    [1000, 1, 16, 63], // 10 × 1/16 = 0.625 → 0.63
    [300, 3, 8, 113], // 3 × 3/8 = 1.125 → 1.13
    // not ties
    [2500, 1, 3, 833], // 25/3 = 8.333… → 8.33
    [2500, 2, 3, 1667], // 50/3 = 16.666… → 16.67
    [1000, 5, 11, 455], // 50/11 = 4.5454… → 4.55
    [500, 8, 11, 364], // 40/11 = 3.6363… → 3.64
  ])("%i¢ × %i/%i → %i¢", (max, part, whole, cents) => {
    expect(scaleCents(max, part, whole)).toBe(cents);
  });

  test("bigint arguments work for large counts", () => {
    // 25 × 123456789/987654321 = 3.1249999… → 3.12
    expect(scaleCents(2500, 123456789n, 987654321n)).toBe(312);
  });
});

describe("hundredths for people and for JSON", () => {
  test.each([
    [660, "6.6"],
    [2256, "22.56"],
    [300, "3"],
    [5, "0.05"],
    [50, "0.5"],
    [0, "0"],
    [-150, "-1.5"],
    [10000, "100"],
  ])("%i → %s", (cents, text) => {
    expect(formatCents(cents)).toBe(text);
  });

  test("every hundredth from 0 to 110 points prints with at most 2 decimals, the same in JSON and for people", () => {
    for (let c = 0; c <= 11000; c++) {
      const n = centsToNumber(c);
      expect(JSON.stringify(n)).toBe(formatCents(c));
    }
  });

  test.each([
    [1, 3, "33.33"], // 33.333… → 33.33
    [2, 3, "66.67"], // 66.666… → 66.67
    [1, 8, "12.5"],
    [47, 178, "26.4"], // 4700/178 = 26.404… → 26.40
  ])("%i of %i is %s%%", (p, w, text) => {
    expect(formatPercent(p, w)).toBe(text);
  });
});

describe("exactness where it decides a score", () => {
  test("三.2: 应报送 178, 已报送 47 → 25 × 47/178 = 6.60", () => {
    const a = score([unit("县发改局", { 应报送条数: 178, 已报送条数: 47, 合格条数: 47 })]);
    expect(leaf(result(a, "县发改局"), "3.2")).toBe(6.6);
  });

  test("八: 7 of 10 is exactly 70%, exactly 1 step short of 80% → 5 − 1 = 4 (not 2 steps)", () => {
    const a = score([unit("县发改局", { 严重失信企业数: 10, 参与修复企业数: 7 })]);
    expect(leaf(result(a, "县发改局"), "8")).toBe(4);
  });
});
