// workbook.md "What is written back": score columns, highlights with notes, the 考核排名 tab, the tool's memory.
import { assess } from "../../../src/core/assess";
import { address } from "../../../src/core/address";
import type { CellValue, HostFill, Snapshot } from "../../../src/core/model";
import { HIGHLIGHT_COLORS, NOTE_PREFIX, type FormatWrite, type WritePlan, plan } from "../../../src/core/plan/plan";
import { decodeMemory, encodeMemory, remembered } from "../../../src/core/plan/memory";
import { COLUMNS, type Rec, applied, book, colOf, ledgerSheet, sheet, unit } from "../builders";
import { planCells } from "../../support/plan-cells";

/** workbook.md, "Score columns … in this order". */
const SCORE_HEADERS = [
  "一、工作机制建设（4分）",
  "二、制度体系建设（4分）",
  "三、信用信息归集和报送（37分）",
  "四、联合奖惩落实情况（20分）",
  "五、信用承诺（10分）",
  "六、信用报告（5分）",
  "七、信用审查（5分）",
  "八、信用修复（5分）",
  "九、诚信宣传教育（5分）",
  "十、参加县信用办活动（5分）",
  "加分",
  "总分",
  "排名",
  "核查意见",
];

const planFor = (snap: Snapshot) => plan(assess(snap), snap);

/** Replaces one cell's value in a snapshot (the user fixing a cell between runs). */
function edit(snap: Snapshot, sheetName: string, row: number, col: number, v: CellValue): Snapshot {
  return {
    ...snap,
    sheets: snap.sheets.map((s) =>
      s.name !== sheetName
        ? s
        : { ...s, rows: s.rows.map((r, i) => (i === row - 1 ? r.map((x, j) => (j === col - 1 ? v : x)) : r)) },
    ),
  };
}

const formatAt = (p: WritePlan, sheetName: string, a1: string): FormatWrite | undefined =>
  p.formats.find((f) => f.sheet === sheetName && address(f.row, f.col) === a1);

const N = COLUMNS.length; // 33 columns, A–AG

describe("score columns", () => {
  test("14 columns in the spec's order, right of the last used column", () => {
    const p = planFor(book([sheet([unit("县发改局")])]));
    expect(p.scoreColumns).toEqual(SCORE_HEADERS.map((header, i) => ({ header, col: N + 1 + i })));
    // headers written on the header row
    for (const { header, col } of p.scoreColumns) {
      expect(planCells(p)).toContainEqual(expect.objectContaining({ row: 1, col, value: header }));
    }
  });

  test("the last used column counts every row: a wide title, an unknown column, a stray note below", () => {
    const wideTitle: CellValue[] = Array.from({ length: 40 }, (_, i) => (i === 39 ? "制表：县信用办" : null));
    expect(planFor(book([sheet([unit("县发改局")], { above: [wideTitle] })])).scoreColumns[0].col).toBe(41);
    const columns = [...COLUMNS, "联系电话"];
    const withPhone = sheet([{ ...unit("县发改局"), 联系电话: "0734-1234567" }], { columns });
    expect(planFor(book([withPhone])).scoreColumns[0].col).toBe(N + 2);
    const stray = sheet([unit("县发改局")], { after: [[...COLUMNS.map(() => null), null, null, "备注"]] });
    expect(planFor(book([stray])).scoreColumns[0].col).toBe(N + 4);
  });

  test("a column headed like a score that the tool did not write is the office's: kept, the block goes right of it", () => {
    const columns = [...COLUMNS, "总分", "核查意见（县信用办填写）"];
    const snap = book([sheet([unit("县发改局")], { columns })]);
    const a = assess(snap);
    const p = plan(a, snap);
    // workbook.md: a score header the tool did not write is the office's own column; the 14 go right of the last
    // used column (N + 2: "核查意见（县信用办填写）" keeps its 6-character bracket group, so it is not 核查意见).
    expect(p.scoreColumns).toEqual(SCORE_HEADERS.map((header, i) => ({ header, col: N + 3 + i })));
    expect(planCells(p).some((c) => c.col === N + 1 || c.col === N + 2)).toBe(false);
    const warning = a.findings.find((f) => f.kind === "warning" && f.col === N + 1);
    expect(warning).toMatchObject({ row: 1 });
    expect(warning?.message).toContain("总分");
    expect(warning?.message).toContain("不是本工具写入的");
    expect(a.findings.filter((f) => f.col === N + 2)).toEqual([]);
  });

  test("the block the memory records is the tool's, and follows its headers when a column is inserted before it", () => {
    const first = book([sheet([unit("县发改局"), unit("县公安局")])]);
    const p1 = planFor(first);
    expect(p1.memory.block).toEqual({ sheet: "考核表", headerRow: 1, col: N + 1, headers: SCORE_HEADERS });
    const after = applied(first, p1);
    const p2 = planFor(after);
    expect(p2.scoreColumns).toEqual(p1.scoreColumns);
    expect(assess(after).findings.filter((f) => f.message.includes("不是本工具写入的"))).toEqual([]);
    // the office inserts a column at C: every column from C on moves one right, the memory still says N + 1
    const inserted: Snapshot = {
      ...after,
      sheets: after.sheets.map((sh) =>
        sh.name !== "考核表" ? sh : { ...sh, rows: sh.rows.map((r) => [...r.slice(0, 2), null, ...r.slice(2)]) },
      ),
    };
    const p3 = planFor(inserted);
    expect(p3.scoreColumns[0].col).toBe(N + 2);
    expect(p3.memory.block?.col).toBe(N + 2);
  });

  test("a block of exactly the 14 headers in order, left without a record, is taken as the tool's", () => {
    const first = book([sheet([unit("县发改局")])]);
    const p1 = planFor(first);
    // the same sheet as an earlier release left it: the headers and values, but a memory without the block
    const legacy: Snapshot = { ...applied(first, p1), memory: { ...p1.memory, block: undefined, written: undefined } };
    const a = assess(legacy);
    expect(plan(a, legacy).scoreColumns).toEqual(p1.scoreColumns);
    expect(a.findings.filter((f) => f.message.includes("不是本工具写入的"))).toEqual([]);
  });

  test("the memory keeps what was written, by unit and column", () => {
    const p = planFor(book([sheet([unit("县发改局"), unit("县公安局", { 联络员: null })])]));
    const written = p.memory.written ?? {};
    expect(Object.keys(written).sort()).toEqual(["县公安局", "县发改局"]);
    for (const [unit, values] of Object.entries(written)) {
      expect(values).toHaveLength(14);
      const row = p.ranking.rows.find((r) => r[1] === unit)!;
      // 总分 (column 12 of the block) and 排名 (13) as written on the ranking's row
      expect(values[11]).toBe(row[2]);
      expect(values[12]).toBe(row[0]);
    }
    // 核查意见: a fingerprint of the text written, null where the cell was left empty
    expect(written["县公安局"][13]).toMatch(/^#[0-9a-f]{8}$/);
    expect(decodeMemory(encodeMemory(p.memory))).toEqual(p.memory);
  });

  test("a second run updates the same columns: no duplicates", () => {
    const first = book([sheet([unit("县发改局"), unit("县公安局", { 联络员: null })])]);
    const p1 = planFor(first);
    const p2 = planFor(applied(first, p1));
    expect(p2.scoreColumns).toEqual(p1.scoreColumns);
    const p3 = planFor(applied(applied(first, p1), p2));
    expect(p3.scoreColumns).toEqual(p1.scoreColumns);
  });

  test("unit rows get their indicator scores, bonus, total, rank and 核查意见", () => {
    // 县公安局: 联络员 missing (一 3), 信用报告数 无 invalid (六 0): 100 − 1 − 5 = 94, rank 2
    const p = planFor(book([sheet([unit("县发改局"), unit("县公安局", { 联络员: null, 信用报告数: "无" })])]));
    const valueAt = (row: number, header: string) => {
      const col = p.scoreColumns.find((c) => c.header === header)?.col;
      return planCells(p).find((c) => c.row === row && c.col === col)?.value;
    };
    expect(valueAt(3, "一、工作机制建设（4分）")).toBe(3);
    expect(valueAt(3, "六、信用报告（5分）")).toBe(0);
    expect(valueAt(3, "三、信用信息归集和报送（37分）")).toBe(37);
    expect(valueAt(3, "加分")).toBe(0);
    expect(valueAt(3, "总分")).toBe(94);
    expect(valueAt(3, "排名")).toBe(2);
    expect(valueAt(3, "核查意见")).toBe("缺少材料 1 项：联络员；数据有误 1 项：信用报告数");
    expect(valueAt(2, "总分")).toBe(100);
    expect(valueAt(2, "核查意见")).toBe("");
  });

  test("核查意见 lists the missing fields in one line, as in workbook.md", () => {
    const p = planFor(book([sheet([unit("县发改局", { 联络员: null, 信用报告数: null })])]));
    const col = p.scoreColumns.find((c) => c.header === "核查意见")?.col;
    expect(planCells(p).find((c) => c.row === 2 && c.col === col)?.value).toBe("缺少材料 2 项：联络员、信用报告数");
  });

  test("a row that stopped being a unit loses the scores the tool wrote there", () => {
    const first = book([sheet([unit("县发改局"), unit("县公安局")])]);
    const p1 = planFor(first);
    const second = edit(applied(first, p1), "考核表", 3, 1, "合计");
    const p2 = planFor(second);
    const totalCol = p2.scoreColumns.find((c) => c.header === "总分")?.col;
    expect(planCells(p2).find((c) => c.row === 3 && c.col === totalCol)?.value).toBeNull();
  });

  test("no input cell is ever written: every cell write is on the header row's score columns or a unit row's", () => {
    const p = planFor(book([sheet([unit("县发改局", { 联络员: null })])]));
    const scoreCols = new Set(p.scoreColumns.map((c) => c.col));
    expect(planCells(p).every((c) => scoreCols.has(c.col))).toBe(true);
  });
});

describe("highlights", () => {
  const E2 = address(2, colOf("联络员"));
  const flagged = book([sheet([unit("县发改局", { 联络员: null, 信用报告数: "无" })])]);

  test("missing and invalid in two distinct kinds, with the tool's note", () => {
    const p = planFor(flagged);
    const miss = formatAt(p, "考核表", E2);
    const inv = formatAt(p, "考核表", address(2, colOf("信用报告数")));
    expect(miss?.fill).toEqual({ kind: "highlight", highlight: "missing" });
    expect(inv?.fill).toEqual({ kind: "highlight", highlight: "invalid" });
    expect(HIGHLIGHT_COLORS.missing).not.toBe(HIGHLIGHT_COLORS.invalid);
    expect(miss?.note).toEqual({ set: expect.stringMatching(new RegExp(`^${NOTE_PREFIX}缺少材料`)) });
    expect(inv?.note).toEqual({ set: expect.stringMatching(new RegExp(`^${NOTE_PREFIX}数据有误`)) });
  });

  test("warnings are not highlighted", () => {
    const p = planFor(book([sheet([unit("县发改委", { 自评总分: 50 })])]));
    expect(p.formats).toEqual([]);
  });

  test("a user's own note is never replaced", () => {
    const s = sheet([unit("县发改局", { 联络员: null })], { notes: new Map([[E2, "请李娜下周补交"]]) });
    const p = planFor(book([s]));
    expect(formatAt(p, "考核表", E2)).toEqual(expect.objectContaining({ note: { keep: true } }));
    expect(p.memory.highlights["考核表"][E2].note).toBe(false);
  });

  test("a user's note written over the tool's note between runs is not replaced either", () => {
    const first = book([sheet([unit("县发改局", { 联络员: null })])]);
    const after = applied(first, planFor(first));
    const s = after.sheets[0];
    const second: Snapshot = { ...after, sheets: [{ ...s, notes: new Map([[E2, "已电话催交"]]) }] };
    const p2 = planFor(second);
    expect(formatAt(p2, "考核表", E2)?.note).toEqual({ keep: true });
  });

  test("a fixed cell gets its own fill back on the next run, and loses the tool's note", () => {
    const first = book([sheet([unit("县发改局", { 联络员: null })], { fills: new Map([[E2, "user-yellow"]]) })]);
    const p1 = planFor(first);
    expect(p1.memory.highlights["考核表"][E2]).toEqual({ fill: "user-yellow", note: true, shown: "missing" });
    const fixed = edit(applied(first, p1), "考核表", 2, colOf("联络员"), "李娜");
    const p2 = planFor(fixed);
    expect(formatAt(p2, "考核表", E2)).toEqual({
      sheet: "考核表",
      row: 2,
      col: colOf("联络员"),
      fill: { kind: "restore", fill: "user-yellow" },
      note: { remove: true },
    });
    expect(p2.memory.highlights["考核表"]?.[E2]).toBeUndefined();
    // and the run after that has nothing to do
    expect(planFor(applied(fixed, p2)).formats).toEqual([]);
  });

  test("a cell without a fill of its own gets 'no fill' back", () => {
    const first = book([sheet([unit("县发改局", { 联络员: null })])]);
    const fixed = edit(applied(first, planFor(first)), "考核表", 2, colOf("联络员"), "李娜");
    expect(formatAt(planFor(fixed), "考核表", E2)?.fill).toEqual({ kind: "restore", fill: null });
  });

  test("a cell still flagged on the next run keeps its own saved fill, not the highlight", () => {
    const first = book([sheet([unit("县发改局", { 联络员: null })], { fills: new Map([[E2, "user-yellow"]]) })]);
    const second = applied(first, planFor(first));
    expect(second.sheets[0].fills?.get(E2)).toBe("tool:missing");
    const p2 = planFor(second);
    expect(p2.memory.highlights["考核表"][E2].fill).toBe("user-yellow");
    // fixed on the third run: the user's fill, not the highlight, comes back
    const third = edit(applied(second, p2), "考核表", 2, colOf("联络员"), "李娜");
    expect(formatAt(planFor(third), "考核表", E2)?.fill).toEqual({ kind: "restore", fill: "user-yellow" });
  });

  test("fixing a cell keeps a user's note that stands there", () => {
    const first = book([sheet([unit("县发改局", { 联络员: null })])]);
    const after = applied(first, planFor(first));
    const withUserNote: Snapshot = {
      ...after,
      sheets: [{ ...after.sheets[0], notes: new Map([[E2, "已电话催交"]]) }],
    };
    const fixed = edit(withUserNote, "考核表", 2, colOf("联络员"), "李娜");
    expect(formatAt(planFor(fixed), "考核表", E2)?.note).toEqual({ keep: true });
  });

  test("ledger cells are highlighted on the ledger sheet", () => {
    const snap = book([
      sheet([unit("县公安局")]),
      ledgerSheet([{ unit: "县公安局", effective: "2020-03-02", published: null }]),
    ]);
    const p = planFor(snap);
    expect(formatAt(p, "双公示台账", "F2")?.fill).toEqual({ kind: "highlight", highlight: "missing" });
    expect(p.memory.highlights["双公示台账"]?.F2).toEqual({ fill: null, note: true, shown: "missing" });
  });
});

describe("the 考核排名 tab", () => {
  const records: Rec[] = [
    unit("县法院", { 联络员: null, 牵头股室: null, 分管领导: null }), // 97
    unit("县司法局", { 联络员: null }), // 99
    unit("县公安局", { 牵头股室: null }), // 99
    unit("县发改局", { 创新加分: 2, 加分事由: "省级试点" }), // 102
  ];
  const p = planFor(book([sheet(records)]));

  test("title, header, sorted by rank", () => {
    expect(p.ranking.name).toBe("考核排名");
    expect(p.ranking.title).toBe("衡东县2020年度社会信用体系建设工作考核排名");
    expect(p.ranking.header).toEqual([
      "排名",
      "单位名称",
      "总分",
      ...SCORE_HEADERS.slice(0, 10),
      "加分",
      "说明",
      "核查意见",
    ]);
    expect(p.ranking.rows.map((r) => [r[0], r[1], r[2]])).toEqual([
      [1, "县发改局", 102],
      [2, "县公安局", 99],
      [2, "县司法局", 99],
      [4, "县法院", 97],
    ]);
    expect(p.ranking.widths).toHaveLength(p.ranking.header.length);
  });

  test("each row: the ten indicator scores, bonus and findings beside the unit", () => {
    const first = p.ranking.rows[0];
    expect(first.slice(3, 13)).toEqual([4, 4, 37, 20, 10, 5, 5, 5, 5, 5]);
    expect(first[13]).toBe(2);
    expect(p.ranking.rows[3][15]).toBe("缺少材料 3 项：分管领导、牵头股室、联络员");
  });

  test("the memory's fingerprint of the tab is remembered() of its title, header, rows and widths as JSON", () => {
    const t = p.ranking;
    expect(p.memory.ranking).toBe(remembered(JSON.stringify([t.title, t.header, t.rows, t.widths])));
    const none = planFor(book([sheet([])]));
    const n = none.ranking;
    expect(none.memory.ranking).toBe(remembered(JSON.stringify([n.title, n.header, n.rows, n.widths])));
  });
});

describe("the tool's memory", () => {
  test("the plan's state names the sheet, the highlights and the settings, and its chunks decode to it", () => {
    const p = planFor(book([sheet([unit("县发改局", { 联络员: null })])]));
    expect(p.memory.assessmentSheet).toBe("考核表");
    expect(p.memory.settings).toEqual({ naPolicy: "full", steps: "ceil", bonusCap: 10, selfGap: 5 });
    expect(decodeMemory(p.memoryChunks)).toEqual(p.memory);
  });

  test("encodeMemory/decodeMemory round-trip, also when the state spans several cells", () => {
    const cells: Record<string, { fill: HostFill | null; note: boolean }> = {};
    for (let i = 1; i <= 3000; i++)
      cells[`A${i}`] = { fill: { argb: "FFFFE699", pattern: "solid" }, note: i % 2 === 0 };
    const state = {
      version: 2 as const,
      assessmentSheet: "考核表",
      highlights: { 考核表: cells },
      settings: { steps: "floor" },
    };
    const chunks = encodeMemory(state);
    expect(chunks.length).toBeGreaterThan(1);
    expect(chunks.every((c) => c.length <= 32767)).toBe(true);
    expect(decodeMemory(chunks)).toEqual(state);
  });

  test.each<[string, unknown[]]>([
    ["nothing", []],
    ["an empty cell", [""]],
    ["not JSON", ["{not json"]],
    ["JSON that is not an object", ["42"]],
    ["another version", ['{"version":3,"highlights":{}}']],
    ["no version", ['{"highlights":{}}']],
    ["null", ["null"]],
  ])("garbage (%s) is no memory, never an error", (_, chunks) => {
    expect(decodeMemory(chunks)).toBeNull();
  });

  test("malformed parts are dropped, the rest kept", () => {
    const text = JSON.stringify({
      version: 1,
      assessmentSheet: 7,
      highlights: { 考核表: { E2: { fill: null, note: true }, E3: { fill: "x" }, E4: "bad" }, 其他: 5 },
      settings: { steps: "floor", bonusCap: 3, bad: { x: 1 } },
    });
    expect(decodeMemory([text.slice(0, 10), 12, text.slice(10)])).toEqual({
      version: 2,
      assessmentSheet: undefined,
      highlights: { 考核表: { E2: { fill: null, note: true } } },
      settings: { steps: "floor", bonusCap: 3 },
    });
  });
});

describe("rows the tool scored before", () => {
  test("are remembered as ranges and round-trip through the state", () => {
    const p = planFor(book([sheet([unit("县发改局"), unit("县公安局"), unit("县司法局")])]));
    expect(p.memory.scoredRows).toEqual([[2, 4]]);
    expect(decodeMemory(encodeMemory(p.memory))?.scoredRows).toEqual([[2, 4]]);
  });

  test("a 合计 row the tool never scored keeps what the office put in a score column", () => {
    const first = book([sheet([unit("县发改局"), unit("县公安局")])]);
    const p1 = planFor(first);
    const totalCol = p1.scoreColumns.find((c) => c.header === "总分")?.col as number;
    // the office adds its own 合计 row (row 4) with a number under 总分
    const second = edit(edit(applied(first, p1), "考核表", 4, 1, "合计"), "考核表", 4, totalCol, 195);
    const p2 = planFor(second);
    expect(planCells(p2).filter((c) => c.row === 4)).toEqual([]);
  });
});

describe("a host that cannot see notes", () => {
  test("gets highlights without notes, and a fixed cell keeps whatever note it has", () => {
    const blind = (s: Snapshot): Snapshot => ({ ...s, sheets: s.sheets.map((x) => ({ ...x, notesKnown: false })) });
    const first = blind(book([sheet([unit("县发改局", { 联络员: null })])]));
    const p1 = planFor(first);
    const f = p1.formats.find((x) => x.col === colOf("联络员") && x.row === 2);
    expect(f?.fill).toEqual({ kind: "highlight", highlight: "missing" });
    expect(f?.note).toEqual({ keep: true });
    expect(p1.memory.highlights["考核表"]?.[address(2, colOf("联络员"))]?.note).toBe(false);
    const fixed = blind(edit(applied(first, p1), "考核表", 2, colOf("联络员"), "杨军"));
    const restore = planFor(fixed).formats.find((x) => x.col === colOf("联络员") && x.row === 2);
    expect(restore?.fill).toEqual({ kind: "restore", fill: null });
    expect(restore?.note).toEqual({ keep: true });
  });
});
