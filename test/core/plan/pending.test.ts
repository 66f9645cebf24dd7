// What a host still has to write (core/plan/pending.ts): only what differs from what it read.
import { assess } from "../../../src/core/assess";
import type { Snapshot } from "../../../src/core/model";
import { isSolid, pendingWrites } from "../../../src/core/plan/pending";
import { HIGHLIGHT_COLORS, type WritePlan, plan } from "../../../src/core/plan/plan";
import { applied, book, colOf, sheet, unit } from "../builders";
import { planCells } from "../../support/plan-cells";

/** The snapshot a host reads after applying the plan: highlights shown as Office reads them. */
const after = (snap: Snapshot, p: WritePlan): Snapshot =>
  applied(snap, p, (kind) => ({ color: `#${HIGHLIGHT_COLORS[kind].slice(2)}`, pattern: "Solid" }));

const everything = { fillKnown: () => true, formatAt: () => "0.00", rankingExists: true };

describe("pending writes", () => {
  const first = book([sheet([unit("县发改局", { 联络员: null }), unit("县公安局")])]).sheets.map((s) => ({
    ...s,
    notesKnown: false,
  }));
  const snap: Snapshot = { sheets: first, memory: null };
  const p1 = plan(assess(snap), snap);

  test("a first run writes everything but an empty 核查意见 into an empty cell", () => {
    const pending = pendingWrites(p1, snap, { ...everything, rankingExists: false });
    expect(planCells(pending.plan)).toEqual(
      planCells(p1).filter((c) => c.bold || (c.value !== null && c.value !== "")),
    );
    expect(pending.plan.formats).toEqual(p1.formats);
    expect(pending.ranking).toBe(true);
  });

  test("a run on what the last one wrote writes nothing", () => {
    const read = after(snap, p1);
    const p2 = plan(assess(read), read);
    // the rank and 核查意见 have number format "0" or none; the scores "0.00": each as written
    const cells = planCells(p2);
    const formatAt = (_s: string, row: number, col: number) =>
      cells.find((c) => c.row === row && c.col === col)?.numberFormat;
    const pending = pendingWrites(p2, read, { ...everything, formatAt });
    expect(planCells(pending.plan).filter((c) => !c.bold)).toEqual([]);
    expect(pending.plan.formats).toEqual([]);
    expect(pending.ranking).toBe(false);
  });

  test("an edit is a difference: its unit's cells, and the fixed cell's fill given back", () => {
    const read = after(snap, p1);
    const fixedRows = read.sheets[0].rows.map((r, i) =>
      i === 1 ? r.map((v, j) => (j === colOf("联络员") - 1 ? "李娜" : v)) : r,
    );
    const edited: Snapshot = { ...read, sheets: [{ ...read.sheets[0], rows: fixedRows }, ...read.sheets.slice(1)] };
    const p2 = plan(assess(edited), edited);
    const pending = pendingWrites(p2, edited, { ...everything, formatAt: () => undefined });
    expect(pending.plan.formats.map((f) => f.fill.kind)).toEqual(["restore"]);
    expect(planCells(pending.plan).some((c) => c.row === 2)).toBe(true);
  });

  test("a highlight whose fill was not read is taken as shown when the memory says the tool put it there", () => {
    const read = after(snap, p1);
    const p2 = plan(assess(read), read);
    const unknownFills = { ...everything, fillKnown: () => false };
    expect(pendingWrites(p2, read, unknownFills).plan.formats).toEqual([]);
    const forgotten: Snapshot = { ...read, memory: { ...read.memory!, highlights: {} } };
    expect(pendingWrites(p2, forgotten, unknownFills).plan.formats.length).toBe(p2.formats.length);
  });

  test("isSolid reads both hosts' fills", () => {
    expect(isSolid({ color: "#FFE699", pattern: "Solid" }, HIGHLIGHT_COLORS.missing)).toBe(true);
    expect(isSolid({ type: "pattern", pattern: "solid", fgColor: { argb: "FFFFE699" } }, "FFFFE699")).toBe(true);
    expect(isSolid({ color: "#FFE699", pattern: "Gray50" }, "FFFFE699")).toBe(false);
    expect(isSolid(null, "FFFFE699")).toBe(false);
  });
});
