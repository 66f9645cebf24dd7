// How the rest of a big sheet is cut into syncs (budget.ts, nextSync): as few as the bytes need, spread evenly.
import { type Rect, type RowRun, nextSync } from "../../../src/hosts/office/budget";

const rect = (row: number, rows: number, cols = 48): Rect => ({ row, col: 0, rows, cols });

/** Every sync nextSync plans for the runs, read in turn. */
function syncsOf(runs: RowRun<string>[], budget: number): RowRun<string>[][] {
  const out: RowRun<string>[][] = [];
  let left = runs;
  while (left.length > 0) {
    const group = nextSync(left, budget);
    out.push(group);
    left = left.flatMap((r) => {
      const taken = group.find((g) => g.key === r.key && g.rect.row === r.rect.row);
      if (!taken) return [r];
      const rows = r.rect.rows - taken.rect.rows;
      return rows > 0 ? [{ ...r, rect: { ...r.rect, row: r.rect.row + taken.rect.rows, rows } }] : [];
    });
  }
  return out;
}

const bytes = (group: RowRun<string>[]) => group.reduce((s, r) => s + r.rect.rows * r.rowBytes, 0);

describe("nextSync", () => {
  it("takes ⌈bytes ÷ budget⌉ syncs, even ones, where filling each to the budget would leave a remainder", () => {
    // 4,907 rows of 1,000 bytes at 3,500,000 a sync: 2 syncs of about 2.45 MB, not 3.5 + 1.4
    const syncs = syncsOf([{ key: "考核表", rect: rect(96, 4907), rowBytes: 1000 }], 3_500_000);
    expect(syncs.map((g) => g.map((r) => r.rect.rows))).toEqual([[2454], [2453]]);
    expect(syncs.flat().reduce((s, r) => s + r.rect.rows, 0)).toBe(4907);
  });

  it("puts several runs in one sync, none above the budget, and reads every row once", () => {
    const runs = [
      { key: "a", rect: rect(10, 3000), rowBytes: 1000 },
      { key: "b", rect: rect(10, 500), rowBytes: 2000 },
      { key: "", rect: { row: 32, col: 0, rows: 3, cols: 1 }, rowBytes: 30_000 },
    ];
    const syncs = syncsOf(runs, 2_500_000);
    expect(syncs).toHaveLength(Math.ceil((3_000_000 + 1_000_000 + 90_000) / 2_500_000));
    for (const g of syncs) expect(bytes(g)).toBeLessThanOrEqual(2_500_000);
    const rows = (key: string) =>
      syncs
        .flat()
        .filter((r) => r.key === key)
        .reduce((s, r) => s + r.rect.rows, 0);
    expect([rows("a"), rows("b"), rows("")]).toEqual([3000, 500, 3]);
  });

  it("gives a row larger than the budget a sync of its own, and nothing when nothing is left", () => {
    expect(nextSync([{ key: "a", rect: rect(0, 2), rowBytes: 5000 }], 4000)).toEqual([
      { key: "a", rect: rect(0, 1), rowBytes: 5000 },
    ]);
    expect(nextSync([], 4000)).toEqual([]);
    expect(nextSync([{ key: "a", rect: rect(0, 0), rowBytes: 5000 }], 4000)).toEqual([]);
  });
});
