// What the pane shows for a selected score cell: the same explanation the command line writes as the cell's note, also
// above EXPLANATION_NOTES_MAX_UNITS units, where the plan carries no notes and the pane makes it when asked.
import { EXPLANATION_NOTES_MAX_UNITS, type Snapshot, address, assess, plan } from "../../src/core";
import { syntheticSnapshot } from "../../src/bench/synthetic";
import { buildOutcome, cellKey } from "../../src/taskpane/outcome";
import { openPackage } from "../../src/hosts/xlsx/workbook";
import { SAMPLE } from "../hosts/xlsx/util";
import { planCells } from "../support/plan-cells";

let sample: Snapshot;
beforeAll(async () => {
  sample = (await openPackage(SAMPLE)).snapshot;
});

it("explains every score cell of the sample as its note reads", () => {
  const a = assess(sample);
  const p = plan(a, sample);
  const outcome = buildOutcome(a, p, 2);
  const scoreCols = new Set(p.scoreColumns.slice(0, -1).map((c) => c.col));
  const notes = planCells(p).filter((w) => w.note !== null && scoreCols.has(w.col) && w.row > p.headerRow);
  expect(notes).toHaveLength(36 * 13);
  for (const w of notes) {
    const info = outcome.explainCell(p.sheet, address(w.row, w.col));
    expect(info).toEqual(outcome.cells[cellKey(p.sheet, address(w.row, w.col))]);
    expect(info?.kind === "score" && info.text).toBe(w.note);
  }
  expect(outcome.explainCell("双公示台账", "A1")).toBeUndefined();
});

it("above the limit, explains a selected score cell that carries no note", () => {
  const at = EXPLANATION_NOTES_MAX_UNITS;
  const small = syntheticSnapshot(sample, at);
  const big = syntheticSnapshot(sample, at + 1);
  const pSmall = plan(assess(small), small);
  const aBig = assess(big);
  const pBig = plan(aBig, big);
  expect(pBig.explanationNotes).toBe(false);
  const outcome = buildOutcome(aBig, pBig, 2);
  // an indicator's explanation does not depend on how many units there are: row 100's reads the same in both
  const col = pSmall.scoreColumns[2].col;
  const note = planCells(pSmall).find((w) => w.row === 100 && w.col === col)?.note;
  expect(note).toMatch(/^信用信息归集和报送（37分）得/);
  expect(outcome.cells[cellKey(pBig.sheet, address(100, col))]).toBeUndefined();
  const info = outcome.explainCell(pBig.sheet, address(100, col));
  expect(info).toMatchObject({ kind: "score", column: pBig.scoreColumns[2].header, text: note });
  const rank = outcome.explainCell(pBig.sheet, address(100, pBig.scoreColumns[12].col));
  expect(rank?.kind === "score" && rank.text).toMatch(new RegExp(`^共 ${at + 1} 个单位，第 \\d+ 名`));
});
