// Synthetic assessment snapshots of any size, built from the bundled sample's rows (unit names made unique).
import type { CellValue, SheetSnapshot, Snapshot } from "../core";

/** n unit rows: the sample's 36 rows repeated, the k-th copy's names suffixed with k (so most are off the roster). */
export function syntheticSnapshot(sample: Snapshot, n: number): Snapshot {
  const main = sample.sheets.find((s) => s.name === "考核表") as SheetSnapshot;
  const header = 3;
  const data = main.rows.slice(header);
  const rows: CellValue[][] = main.rows.slice(0, header).map((r) => [...r]);
  for (let i = 0; i < n; i++) {
    const src = data[i % data.length];
    const copy = Math.floor(i / data.length);
    const row = [...src];
    row[0] = i + 1;
    if (copy > 0) row[1] = `${String(src[1])}${copy}`;
    rows.push(row);
  }
  const ledger = sample.sheets.filter((s) => s.name !== "考核表");
  return { sheets: [{ ...main, rows }, ...ledger], state: null };
}
