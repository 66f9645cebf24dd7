// rules-2020.md "Roster": the closest roster name (by edit distance) as a suggestion for a name off the roster.
import { Roster, editDistance } from "../../../src/core/read/roster";
import { HENGDONG_2020 } from "../../../src/rules/hengdong-2020";

describe("editDistance (Levenshtein over code points)", () => {
  test.each([
    ["", "", 0],
    ["abc", "", 3],
    ["", "abc", 3],
    ["abc", "abc", 0],
    ["kitten", "sitting", 3], // k→s, e→i, +g
    ["flaw", "lawn", 2], // −f, +n
    ["县发改委", "县发改局", 1], // one substitution
    ["县公安局", "县公按局", 1],
    ["衡东县税务局", "县税务局", 2], // two deletions
    ["𠀀甲", "甲", 1], // an astral character is one code point, not two
  ])("%j ↔ %j = %i", (a, b, d) => {
    expect(editDistance(a, b)).toBe(d);
    expect(editDistance(b, a)).toBe(d);
  });
});

describe("Roster", () => {
  const roster = new Roster(HENGDONG_2020.roster);

  test("Annex 1 has 36 units, 县发改局 first and 县编办 last", () => {
    expect(HENGDONG_2020.roster).toHaveLength(36);
    expect(roster.position("县发改局")).toBe(0);
    expect(roster.position("人民银行衡东县支行")).toBe(1);
    expect(roster.position("县编办")).toBe(35);
    expect(roster.position("县发改委")).toBe(-1);
  });

  test("the closest name: 县发改委 → 县发改局", () => {
    expect(roster.closest("县发改委")).toBe("县发改局");
  });

  test("a tie goes to the name first in roster order", () => {
    // 甲丁 is one substitution from both 甲乙 and 甲丙
    expect(new Roster(["甲乙", "甲丙"]).closest("甲丁")).toBe("甲乙");
    expect(new Roster(["甲丙", "甲乙"]).closest("甲丁")).toBe("甲丙");
  });

  test("the exact name is its own closest", () => {
    for (const name of HENGDONG_2020.roster) expect(roster.closest(name)).toBe(name);
  });
});

describe("the closest name agrees with editDistance", () => {
  // closest() uses a bit-parallel distance for names of up to 32 characters; it must pick what editDistance picks.
  test("random names and keys over a small alphabet, 0 to 40 characters", () => {
    const alphabet = ["甲", "乙", "丙", "县", "局", "a", "B", "1"];
    let seed = 7;
    const next = (n: number) => {
      seed = (seed * 1103515245 + 12345) % 2147483648;
      return seed % n;
    };
    const text = (max: number) => Array.from({ length: next(max + 1) }, () => alphabet[next(alphabet.length)]).join("");
    for (let t = 0; t < 3000; t++) {
      const names = Array.from({ length: 1 + next(6) }, () => text(t % 3 ? 8 : 40));
      const key = text(t % 2 ? 34 : 8);
      let best = names[0];
      let bestD = Infinity;
      for (const n of names) {
        const d = editDistance(key, n);
        if (d < bestD) [best, bestD] = [n, d];
      }
      expect(new Roster(names).closest(key)).toBe(best);
    }
  });
});

describe("Roster.closest agrees with the plain search", () => {
  // The plain search: the first roster name at the least edit distance.
  const plain = (names: readonly string[], key: string): string => {
    let best = names[0];
    let bestD = Infinity;
    for (const name of names) {
      const d = editDistance(key, name);
      if (d < bestD) {
        best = name;
        bestD = d;
      }
    }
    return best;
  };

  test("names that extend a roster name by a few characters, and ties between such names", () => {
    const names = ["县发改局", "县发改", "县发改局1", "甲乙", "甲乙丙", "甲丙", "乙", "县公安局", "县公安局12"];
    const roster = new Roster(names);
    const keys = [
      "县发改局2",
      "县发改局12",
      "县发改局123",
      "县发改局1234",
      "县发改1",
      "甲乙丁",
      "甲乙丙丁",
      "甲丁",
      "乙1",
      "乙12",
      "县公安局1",
      "县公安局123",
      "县公安局",
      "x",
      "县发改局",
    ];
    for (const key of keys) expect([key, roster.closest(key)]).toEqual([key, plain(names, key)]);
  });

  test("the sample's names copied with a number", () => {
    const roster = new Roster(HENGDONG_2020.roster);
    for (const name of HENGDONG_2020.roster) {
      for (const suffix of ["1", "12", "123", "1234", "甲"]) {
        const key = `${name}${suffix}`;
        expect([key, roster.closest(key)]).toEqual([key, plain(HENGDONG_2020.roster, key)]);
      }
    }
  });
});
