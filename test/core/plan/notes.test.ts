// Explanation notes on score cells: written for a county's sheet, left out above EXPLANATION_NOTES_MAX_UNITS units
// (tens of thousands of notes are more than a spreadsheet handles), with a workbook-level warning saying so. The JSON
// report explains every score either way.
import { assess } from "../../../src/core/assess";
import { EXPLANATION_NOTES_MAX_UNITS, EXPLANATION_NOTES_SKIPPED, NOTE_PREFIX, plan } from "../../../src/core/plan/plan";
import { buildReport } from "../../../src/core/plan/report";
import { book, sheet, unit } from "../builders";
import { planCells } from "../../support/plan-cells";

/** n units, every other one with a missing 联络员 (so highlights and their notes are there too). */
function workbook(n: number) {
  return book([sheet(Array.from({ length: n }, (_, i) => unit(`县第${i + 1}局`, i % 2 ? { 联络员: null } : {})))]);
}

function run(n: number) {
  const snap = workbook(n);
  const a = assess(snap);
  return { a, p: plan(a, snap), r: buildReport(a) };
}

describe("explanation notes on score cells", () => {
  const at = run(EXPLANATION_NOTES_MAX_UNITS);
  const above = run(EXPLANATION_NOTES_MAX_UNITS + 1);
  const unitCells = (x: typeof at) => {
    const review = x.p.scoreColumns[x.p.scoreColumns.length - 1].col;
    return planCells(x.p).filter((c) => c.row > 1 && c.col !== review);
  };

  test("the limit is 2000 units, and the warning says so in Chinese", () => {
    // above it the memory keeps no written values either (plan.ts)
    expect(above.p.memory.written).toBeUndefined();
    expect(Object.keys(at.p.memory.written ?? {})).toHaveLength(EXPLANATION_NOTES_MAX_UNITS);
    expect(EXPLANATION_NOTES_MAX_UNITS).toBe(2000);
    expect(EXPLANATION_NOTES_SKIPPED).toBe(
      "单位超过 2000 个，得分说明未写入单元格批注（得分说明见 --json 写出的报告），也不记录写入的得分（手工改动的得分无法识别）",
    );
  });

  test("at the limit every score cell of every unit carries its note, and there is no warning", () => {
    const cells = unitCells(at);
    expect(cells).toHaveLength(EXPLANATION_NOTES_MAX_UNITS * 13);
    for (const c of cells) expect(c.note).toEqual(expect.any(String));
    expect(at.p.explanationNotes).toBe(true);
    expect(at.p.findings).toEqual([]);
    expect(at.r.findings.map((f) => f.message)).not.toContain(EXPLANATION_NOTES_SKIPPED);
  });

  test("the notes at the limit explain the leaves, the bonus, the total and the rank", () => {
    const row = at.a.units.find((u) => u.record.key === "县第2局")?.record.row;
    const notes = unitCells(at)
      .filter((c) => c.row === row)
      .map((c) => c.note);
    expect(notes[0]).toBe("工作机制建设（4分）得 3 分\n已有 3 项，缺 1 项（联络员）：每项 1 分，得 3 分");
    expect(notes[10]).toBe("无创新加分");
    expect(notes[11]).toBe("总分 = 十项得分之和 99 + 加分 0 = 99 分");
    expect(notes[12]).toMatch(/^共 2000 个单位，第 \d+ 名（1000 个单位并列）$/);
  });

  test("above the limit no score cell carries a note, and a workbook-level warning says why", () => {
    const cells = unitCells(above);
    expect(cells).toHaveLength((EXPLANATION_NOTES_MAX_UNITS + 1) * 13);
    for (const c of cells) expect(c.note).toBeNull();
    expect(planCells(above.p).every((c) => c.note === null)).toBe(true);
    expect(above.p.explanationNotes).toBe(false);
    expect(above.p.findings).toEqual([{ kind: "warning", message: EXPLANATION_NOTES_SKIPPED }]);
    expect(above.r.findings).toContainEqual({ kind: "warning", message: EXPLANATION_NOTES_SKIPPED });
  });

  test("above the limit the scores, highlights (with their notes) and the report's explanations are unchanged", () => {
    const u = above.r.units.find((x) => x.unit === "县第2局");
    expect(u?.leaves["1"]).toBe(3);
    expect(u?.explanations["1"]).toBe("已有 3 项，缺 1 项（联络员）：每项 1 分，得 3 分");
    expect(u?.explanations.bonus).toBe("无创新加分");
    const highlighted = above.p.formats.filter((f) => f.fill.kind === "highlight");
    expect(highlighted).toHaveLength(Math.floor((EXPLANATION_NOTES_MAX_UNITS + 1) / 2));
    for (const f of highlighted) expect(f.note).toEqual({ set: expect.stringMatching(new RegExp(`^${NOTE_PREFIX}`)) });
    // 县第2局 stands on the same row with the same scores either way: the 10 indicators, the bonus and the total.
    const values = (x: typeof at) => {
      const row = x.a.units.find((v) => v.record.key === "县第2局")?.record.row;
      return unitCells(x)
        .filter((c) => c.row === row)
        .map((c) => c.value)
        .slice(0, 12);
    };
    expect(values(above)).toEqual([3, 4, 37, 20, 10, 5, 5, 5, 5, 5, 0, 99]);
    expect(values(above)).toEqual(values(at));
  });
});
