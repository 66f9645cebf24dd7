// Syncs and payloads at scale, counted on the fake Excel held to 4 MB a request or response (a larger one fails the
// run): the same figures the bench prints. A county's 36 units take one read and one write; a big sheet is read and
// written in blocks, each sync full up to SYNC_BUDGET, none above 4 MB.
import { officeScale, officeSyncs } from "../../bench/office";
import { PAYLOAD_TARGET } from "../../../src/hosts/office/budget";

describe("syncs at scale", () => {
  it("takes two syncs for the county's 36 rows, first run and after a change; one read when nothing changed", async () => {
    const small = await officeSyncs(36);
    expect(small).toMatchObject({ rows: 36, syncs: 2, firstRunSyncs: 2, quietRunSyncs: 1, fitsExcelOnTheWeb: true });
  });

  it("reads and writes 5,000 rows in blocks under 4 MB: 1 + 2 reads and 1 write", async () => {
    const big = await officeScale(5000);
    // Second run, after a changed setting: the first read (sheet list, memory, first 96 rows of 考核表 and 双公示台账),
    // the remaining 4,907 rows of 48 columns in 2 even blocks (2.9 and 2.9 MB: 5.8 MB needs 2, not the 3 that filling
    // each to the budget took, 2.6, 2.6 and 0.7 MB), then what changed in 1 sync (the number formats are in place): 4,
    // which is ⌈6.3 MB read ÷ 4 MB⌉ + ⌈1.2 MB written ÷ 4 MB⌉ + 1. A third run on the same settings only reads.
    expect(big).toMatchObject({ rows: 5000, readSyncs: 3, writeSyncs: 1, syncs: 4, quietRunSyncs: 3 });
    // First run: 34 columns, so 2 blocks (2.2 and 2.2 MB), and one sync for the fills of the cells about to be
    // highlighted (the memory does not know them yet; which cells, only the whole sheet's assessment says): 1 + 2 + 1
    // reads and 1 write.
    expect(big.firstRunSyncs).toBe(5);
    expect(big.maxRequestBytes).toBeLessThanOrEqual(PAYLOAD_TARGET);
    expect(big.maxResponseBytes).toBeLessThanOrEqual(PAYLOAD_TARGET);
  }, 120_000);

  it("reads and writes 50,000 rows without a request or response above 4 MB", async () => {
    const big = await officeScale(50_000);
    // 1 first read + 19 even blocks of about 3 MB (49,907 rows × 48 columns) = 20 reads; writes after a changed setting:
    // the score cells that changed, the ranking tab's 50,000 rows (with their 说明) in slices, and the memory = 5. A
    // third run on the same settings only reads.
    expect(big).toMatchObject({ rows: 50_000, readSyncs: 20, writeSyncs: 5, syncs: 25, quietRunSyncs: 20 });
    expect(big.maxRequestBytes).toBeLessThanOrEqual(PAYLOAD_TARGET);
    expect(big.maxResponseBytes).toBeLessThanOrEqual(PAYLOAD_TARGET);
    // Blocks are full: at least 60% of the target each, so the count is what the bytes need and no more.
    expect(big.maxResponseBytes).toBeGreaterThan(0.6 * PAYLOAD_TARGET);
  }, 600_000);
});
