// Two syncs whatever the number of rows: counted on the fake Excel with 5,000 unit rows, and the same figures the
// bench prints.
import { officeSyncs } from "../bench/office";

describe("syncs at scale", () => {
  it("takes two syncs for 36 rows and for 5,000, first run and second", async () => {
    const small = await officeSyncs(36);
    expect(small).toMatchObject({
      bench: "office-syncs",
      rows: 36,
      syncs: 2,
      firstRunSyncs: 2,
      fitsExcelOnTheWeb: true,
    });
    const big = await officeSyncs(5000);
    expect(big).toMatchObject({ rows: 5000, syncs: 2, firstRunSyncs: 2 });
    // 5,000 rows do not fit Excel on the web's 5 MB response: that is a refusal the user sees, never a partial read.
    expect(big.responseBytes).toBeGreaterThan(5 * 1024 * 1024);
    expect(big.fitsExcelOnTheWeb).toBe(false);
  }, 120_000);
});
