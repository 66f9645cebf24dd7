// Snapshots that read like the spec: a header row of canonical (or alias) headers, unit rows from partial records,
// an optional 双公示台账 sheet. Nothing here scores anything; expected numbers live in the tests, worked by hand.
import { assess, type AssessOptions, type Assessment } from "../../src/core/assess";
import type { CellValue, Finding, HostFill, SheetSnapshot, Snapshot, ToolMemory } from "../../src/core/model";
import { address } from "../../src/core/address";
import type { WritePlan } from "../../src/core/plan/plan";
import type { UnitResult } from "../../src/core/score/score";
import type { Settings } from "../../src/rules/settings";
import { planCells } from "../support/plan-cells";

/** The unit column's canonical header (workbook.md). */
export const UNIT = "单位名称";

/** Every evidence field's canonical header, in the order of workbook.md's table. */
export const FIELDS = [
  "分管领导",
  "牵头股室",
  "责任股室",
  "联络员",
  "信用建设计划",
  "实施意见",
  "信用管理制度",
  "其他相关机制",
  "目录盖章确认",
  "目录完整",
  "应报送条数",
  "已报送条数",
  "合格条数",
  "应公示条数",
  "按时公示条数",
  "双公示台账",
  "红黑名单制度",
  "认定名单数",
  "及时发布数",
  "应发起响应数",
  "已发起响应数",
  "信用承诺数",
  "信用报告数",
  "信用审查数",
  "严重失信企业数",
  "参与修复企业数",
  "宣传活动次数",
  "信息采用条数",
  "缺席活动次数",
  "创新加分",
  "加分事由",
  "自评总分",
] as const;

export const COLUMNS: readonly string[] = [UNIT, ...FIELDS];

/** The "also accepted" column of workbook.md's table, one alias per field that has one. */
export const ALIASES: Readonly<Record<string, readonly string[]>> = {
  单位名称: ["单位", "成员单位", "被考核单位", "考核对象"],
  责任股室: ["相关责任股室"],
  信用建设计划: ["信用体系建设计划"],
  实施意见: ["工作意见"],
  信用管理制度: ["管理制度"],
  其他相关机制: ["相关机制"],
  目录盖章确认: ["目录已盖章"],
  目录完整: ["信用信息目录完整"],
  应报送条数: ["应归集条数"],
  已报送条数: ["实际报送条数"],
  合格条数: ["质量合格条数"],
  应公示条数: ["应双公示条数"],
  按时公示条数: ["及时公示条数"],
  双公示台账: ["台账建立"],
  红黑名单制度: ["红黑名单认定奖惩制度"],
  认定名单数: ["认定红黑名单数"],
  及时发布数: ["及时推送数"],
  应发起响应数: ["应发起响应联合奖惩数"],
  已发起响应数: ["已发起响应联合奖惩数"],
  信用承诺数: ["信用承诺项数"],
  信用报告数: ["使用信用报告数"],
  信用审查数: ["信用审查企业数"],
  参与修复企业数: ["参与修复投诉异议企业数"],
  宣传活动次数: ["诚信宣传活动次数"],
  信息采用条数: ["被采用信息条数"],
  缺席活动次数: ["未参加活动次数"],
  加分事由: ["加分理由"],
  自评总分: ["自评分"],
};

/** A row's values by column key (a canonical header, or any other column name such as 序号). */
export type Rec = Readonly<Record<string, CellValue>>;

/**
 * A unit with every leaf at full marks (rules-2020.md), 100 points in all:
 * 一 4 roles = 4; 二 4 documents = 4; 三.1 stamped + complete = 3; 三.2 100/100 → 25; 三.3 100/100 → 3;
 * 三.4 10/10 → 3; 三.5 = 3; 四.1 = 5; 四.2 4/4 → 10; 四.3 2/2 → 5; 五 20 × 0.5 = 10; 六 10 × 0.5 = 5;
 * 七 10 × 0.5 = 5; 八 5/5 = 100% ≥ 80% → 5; 九.1 4 × 0.5 = 2; 九.2 6 × 0.5 = 3; 十 0 absences → 5.
 */
export const FULL: Rec = {
  分管领导: "张伟",
  牵头股室: "办公室",
  责任股室: "政策法规股",
  联络员: "李娜",
  信用建设计划: "衡东发〔2020〕1号",
  实施意见: "衡东发〔2020〕2号",
  信用管理制度: "衡东发〔2020〕3号",
  其他相关机制: "衡东发〔2020〕4号",
  目录盖章确认: "是",
  目录完整: "是",
  应报送条数: 100,
  已报送条数: 100,
  合格条数: 100,
  应公示条数: 10,
  按时公示条数: 10,
  双公示台账: "已建立",
  红黑名单制度: "衡东发〔2020〕5号",
  认定名单数: 4,
  及时发布数: 4,
  应发起响应数: 2,
  已发起响应数: 2,
  信用承诺数: 20,
  信用报告数: 10,
  信用审查数: 10,
  严重失信企业数: 5,
  参与修复企业数: 5,
  宣传活动次数: 4,
  信息采用条数: 6,
  缺席活动次数: 0,
};

/** A unit row: full marks, with some fields changed (null = a blank cell). */
export function unit(name: CellValue, changes: Rec = {}): Rec {
  return { ...FULL, [UNIT]: name, ...changes };
}

export interface SheetOptions {
  readonly name?: string;
  /** Column keys, left to right (default: 单位名称 then every field in table order). */
  readonly columns?: readonly string[];
  /** The header text written for a key (an alias, or a decorated header such as 信用承诺数（项）). */
  readonly headerText?: Readonly<Record<string, string>>;
  /** Rows above the header row: a title, merged group headers. */
  readonly above?: readonly (readonly CellValue[])[];
  /** Rows written as they are, after the unit rows. */
  readonly after?: readonly (readonly CellValue[])[];
  readonly visible?: boolean;
  readonly fills?: ReadonlyMap<string, string>;
  readonly notes?: ReadonlyMap<string, string>;
}

/** The assessment sheet: rows above, the header row, one row per record (keys not in `columns` are dropped). */
export function sheet(records: readonly Rec[], o: SheetOptions = {}): SheetSnapshot {
  const columns = o.columns ?? COLUMNS;
  const header = columns.map((k) => o.headerText?.[k] ?? k);
  const rows = records.map((r) => columns.map((k) => (k in r ? r[k] : null)));
  return {
    name: o.name ?? "考核表",
    visible: o.visible ?? true,
    rows: [...(o.above ?? []), header, ...rows, ...(o.after ?? [])],
    fills: o.fills,
    notes: o.notes,
  };
}

/** A ledger row: unit, effective date, publication date (null = blank). */
export interface LedgerRow {
  readonly unit: CellValue;
  readonly effective: CellValue;
  readonly published: CellValue;
}

export interface LedgerOptions {
  readonly name?: string;
  readonly effectiveHeader?: string;
  readonly publishedHeader?: string;
  readonly above?: readonly (readonly CellValue[])[];
}

/** The 双公示台账 sheet, laid out like the sample: 序号 · 单位名称 · 类别 · 文书号 · 生效日期 · 公示日期 (A–F). */
export function ledgerSheet(entries: readonly LedgerRow[], o: LedgerOptions = {}): SheetSnapshot {
  const header = [
    "序号",
    "单位名称",
    "类别",
    "文书号",
    o.effectiveHeader ?? "生效日期",
    o.publishedHeader ?? "公示日期",
  ];
  return {
    name: o.name ?? "双公示台账",
    visible: true,
    rows: [
      ...(o.above ?? []),
      header,
      ...entries.map((e, i) => [i + 1, e.unit, "行政许可", `衡东许字〔2020〕${i + 1}号`, e.effective, e.published]),
    ],
  };
}

/** Column letters of the ledger sheet built above. */
export const LEDGER_COL = { unit: "B", effective: "E", published: "F" } as const;

export function book(sheets: readonly SheetSnapshot[], state: ToolMemory | null = null): Snapshot {
  return { sheets, memory: state };
}

/** Scores a workbook of one assessment sheet (and an optional ledger) with the given settings. */
export function score(records: readonly Rec[], o: { settings?: Partial<Settings>; ledger?: LedgerRow[] } = {}) {
  const sheets = [sheet(records), ...(o.ledger ? [ledgerSheet(o.ledger)] : [])];
  return assess(book(sheets), { settings: o.settings });
}

export function run(snapshot: Snapshot, options: AssessOptions = {}): Assessment {
  return assess(snapshot, options);
}

/** The (first) result of the unit with this normalised name. */
export function result(a: Assessment, key: string): UnitResult {
  const u = a.units.find((x) => x.record.key === key);
  if (!u) throw new Error(`no unit ${key}; have ${a.units.map((x) => x.record.key).join(", ")}`);
  return u;
}

/** A leaf's points (not hundredths). */
export function leaf(u: UnitResult, id: string): number {
  const c = u.leaves.get(id);
  if (c === undefined) throw new Error(`no leaf ${id}`);
  return c / 100;
}

export const total = (u: UnitResult): number => u.total / 100;
export const bonus = (u: UnitResult): number => u.bonus / 100;

/** Findings of a kind, optionally on one field. */
export function findings(list: readonly Finding[], kind: Finding["kind"], field?: string): Finding[] {
  return list.filter((f) => f.kind === kind && (field === undefined || f.field === field));
}

/** 1-based column of a key in the default layout (单位名称 is column A). */
export function colOf(key: string, columns: readonly string[] = COLUMNS): number {
  const i = columns.indexOf(key);
  if (i < 0) throw new Error(`no column ${key}`);
  return i + 1;
}

/** The 1-based sheet row of the i-th record in a sheet with `above` rows over the header (default: none). */
export const rowOf = (i: number, above = 0): number => above + 2 + i;

/** rules-2020.md "Leaves": id → max, written out from the spec (not read from the rulebook, which it checks). */
export const LEAF_MAX: Readonly<Record<string, number>> = {
  "1": 4,
  "2": 4,
  "3.1": 3,
  "3.2": 25,
  "3.3": 3,
  "3.4": 3,
  "3.5": 3,
  "4.1": 5,
  "4.2": 10,
  "4.3": 5,
  "5": 10,
  "6": 5,
  "7": 5,
  "8": 5,
  "9.1": 2,
  "9.2": 3,
  "10": 5,
};

/** Indicator → its leaves (三 = 3.1+…+3.5, 四 = 4.1+4.2+4.3, 九 = 9.1+9.2; the others their leaf). */
export const INDICATOR_LEAVES: Readonly<Record<string, readonly string[]>> = {
  "1": ["1"],
  "2": ["2"],
  "3": ["3.1", "3.2", "3.3", "3.4", "3.5"],
  "4": ["4.1", "4.2", "4.3"],
  "5": ["5"],
  "6": ["6"],
  "7": ["7"],
  "8": ["8"],
  "9": ["9.1", "9.2"],
  "10": ["10"],
};

/** What a host does with a plan, reduced to the snapshot the next run would see: values written, fills and notes as
 * the formats say. A highlight is shown as `shown(kind)` (by default the text "tool:missing", as no host reads it). */
export function applied(
  snap: Snapshot,
  p: WritePlan,
  shown: (kind: "missing" | "invalid" | "edited") => HostFill = (kind) => `tool:${kind}`,
): Snapshot {
  const sheets: SheetSnapshot[] = snap.sheets.map((s) => {
    const rows = s.rows.map((r) => [...r]);
    const fills = new Map<string, HostFill>(s.fills ?? []);
    const notes = new Map<string, string>(s.notes ?? []);
    const set = (row: number, col: number, v: CellValue) => {
      while (rows.length < row) rows.push([]);
      const r = rows[row - 1];
      while (r.length < col) r.push(null);
      r[col - 1] = v;
    };
    if (s.name === p.sheet) for (const c of planCells(p)) set(c.row, c.col, c.value);
    for (const f of p.formats.filter((x) => x.sheet === s.name)) {
      const a = address(f.row, f.col);
      if (f.fill.kind === "highlight") fills.set(a, shown(f.fill.highlight));
      else if (f.fill.fill === null) fills.delete(a);
      else fills.set(a, f.fill.fill);
      if ("set" in f.note) notes.set(a, f.note.set);
      else if ("remove" in f.note) notes.delete(a);
    }
    return { ...s, rows, fills, notes };
  });
  return { sheets, memory: p.memory };
}

/** A 核定调整 row: unit, item, 核定分, 理由, and optionally 核定人 and 日期 (null = blank). */
export interface AdjustmentRow {
  readonly unit: CellValue;
  readonly item: CellValue;
  readonly score: CellValue;
  readonly reason: CellValue;
  readonly by?: CellValue;
  readonly date?: CellValue;
}

/** The 核定调整 sheet as workbook.md lays it out: 序号 · 单位名称 · 项目 · 核定分 · 理由 · 核定人 · 日期 (A–G), header on
 * row 1. */
export function adjustmentSheet(
  rows: readonly AdjustmentRow[],
  o: { readonly header?: readonly string[]; readonly name?: string } = {},
): SheetSnapshot {
  return {
    name: o.name ?? "核定调整",
    visible: true,
    rows: [
      o.header ?? ["序号", "单位名称", "项目", "核定分", "理由", "核定人", "日期"],
      ...rows.map((r, i) => [i + 1, r.unit, r.item, r.score, r.reason, r.by ?? null, r.date ?? null]),
    ],
  };
}

/** Column letters of the 核定调整 sheet built above. */
export const ADJUSTMENT_COL = { unit: "B", item: "C", score: "D", reason: "E" } as const;
