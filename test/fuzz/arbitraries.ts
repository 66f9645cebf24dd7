// fast-check arbitraries for whole assessment workbooks, built as real ExcelJS workbooks: random layouts (title rows,
// merged cells, shuffled and alias headers, extra columns, hidden rows and sheets, empty and decoy sheets, a 双公示台账
// sheet or none) and random cell values of every kind (text in counts, negative, fractional and huge numbers, error
// values, dates as text and as dates, very long text, formulas with cached results, rich text, hyperlinks, full-width
// characters, stray whitespace). Each generated value carries what workbook.md's "Value kinds" make of it in each field
// kind, so the tests can check the findings without reading the value a second way.
import fc from "fast-check";
import ExcelJS from "exceljs";
import { HENGDONG_2020 } from "../../src/rules/hengdong-2020";
import type { FieldDef } from "../../src/rules/types";

/** What a field kind must make of a value: blank (missing), ok (a value it takes), bad (invalid), any (not checked). */
export type Expect = "blank" | "ok" | "bad" | "any";
export interface Tags {
  readonly evidence: Expect;
  readonly yesno: Expect;
  readonly count: Expect;
  readonly number: Expect;
  /** The count a count field reads, when `count` is ok. */
  readonly n?: number;
}

/** A plain cell value, as the snapshot should see it. */
export type Plain =
  | { readonly t: "null" }
  | { readonly t: "string"; readonly s: string }
  | { readonly t: "number"; readonly n: number }
  | { readonly t: "bool"; readonly b: boolean }
  | { readonly t: "date"; readonly ms: number }
  | { readonly t: "error"; readonly e: string };

/** How the value is stored in the cell: plainly, as a formula's cached result, as rich text or as a hyperlink. */
export type Stored =
  | Plain
  | { readonly t: "formula"; readonly f: string; readonly result: Plain | null }
  | { readonly t: "rich"; readonly parts: readonly string[] }
  | { readonly t: "link"; readonly text: string };

export interface Val {
  readonly v: Stored;
  readonly tags: Tags;
}

/** A unit-name cell and the key it must normalise to ("" when the cell gives no name). */
export interface NameVal {
  readonly v: Stored;
  readonly key: string;
}

export type Column =
  | { readonly kind: "unit"; readonly header: Stored }
  | { readonly kind: "field"; readonly field: string; readonly header: Stored }
  | { readonly kind: "extra"; readonly header: Stored };

export interface Row {
  readonly name: NameVal;
  /** One per column; the unit column's entry is unused (see name). */
  readonly cells: readonly Val[];
  readonly hidden: boolean;
}

export interface Decoration {
  readonly row: number;
  readonly col: number;
  readonly note?: string;
  readonly fill?: string;
  readonly numFmt?: string;
}

export type Merge = readonly [number, number, number, number];

export interface MainSheet {
  readonly kind: "main";
  readonly name: string;
  readonly state: "visible" | "hidden";
  readonly titleRows: readonly (readonly Stored[])[];
  readonly columns: readonly Column[];
  readonly rows: readonly Row[];
  readonly merges: readonly Merge[];
  readonly decorations: readonly Decoration[];
}

export interface LedgerSheet {
  readonly kind: "ledger";
  readonly name: string;
  readonly titleRows: number;
  /** Null: no header row at all (an error naming what was looked for). */
  readonly header: readonly Stored[] | null;
  readonly rows: readonly (readonly Stored[])[];
  readonly decorations: readonly Decoration[];
}

export interface OtherSheet {
  readonly kind: "other";
  readonly name: string;
  readonly state: "visible" | "hidden";
  readonly rows: readonly (readonly Stored[])[];
}

export type SheetSpec = MainSheet | LedgerSheet | OtherSheet;

export interface WorkbookSpec {
  /** In tab order. */
  readonly sheets: readonly SheetSpec[];
  readonly settings: {
    readonly naPolicy: "full" | "zero" | "average";
    readonly steps: "ceil" | "floor" | "prorata";
    readonly bonusCap: number;
  };
}

export const RULEBOOK = HENGDONG_2020;
export const FIELD_DEFS: ReadonlyMap<string, FieldDef> = new Map(RULEBOOK.fields.map((f) => [f.id, f]));

// ---------------------------------------------------------------------------------------------------------------
// Values with their expectations (workbook.md "Value kinds")

const tags = (evidence: Expect, yesno: Expect, count: Expect, number: Expect, n?: number): Tags =>
  n === undefined ? { evidence, yesno, count, number } : { evidence, yesno, count, number, n };
const val = (v: Stored, t: Tags): Val => ({ v, tags: t });
const str = (s: string): Plain => ({ t: "string", s });

const BLANK: Tags = tags("blank", "blank", "blank", "blank");
const ALL_BAD: Tags = tags("bad", "bad", "bad", "bad");

const blankVal: fc.Arbitrary<Val> = fc.constantFrom<Val>(
  val({ t: "null" }, BLANK),
  val(str(""), BLANK),
  val(str("  "), BLANK),
  val(str("\u3000"), BLANK), // full-width space
  val(str("\t\n"), BLANK),
  val(str("\u200b"), BLANK),
);

const ERRORS = ["#N/A", "#VALUE!", "#REF!", "#DIV/0!", "#NUM!", "#NAME?", "#NULL!"];
const errorVal: fc.Arbitrary<Val> = fc.constantFrom(...ERRORS).map((e) => val({ t: "error", e }, ALL_BAD));

/** Numbers: whole, negative, fractional, huge; what each kind makes of them follows from the number alone. */
function numberTags(n: number): Tags {
  if (!Number.isFinite(n)) return ALL_BAD; // the host reads it as #NUM!
  const whole = Number.isInteger(n) && n >= 0 && Number.isSafeInteger(n);
  const yesno: Expect = n === 0 || n === 1 ? "ok" : "bad";
  const number: Expect = n >= 0 && n <= 1e9 ? "ok" : "bad";
  return tags("ok", yesno, whole ? "ok" : "bad", number, whole ? Math.abs(n) : undefined);
}
const numberVal = (forFile: boolean): fc.Arbitrary<Val> =>
  fc
    .oneof(
      { arbitrary: fc.integer({ min: 0, max: 60 }), weight: 8 },
      { arbitrary: fc.integer({ min: -1000, max: -1 }), weight: 2 },
      { arbitrary: fc.constantFrom(0.5, 2.25, 3.5, 1e-7, 99.999, 0.1 + 0.2), weight: 2 },
      { arbitrary: fc.constantFrom(2 ** 53, 1e15, 1e12, 1e308, Number.MAX_VALUE, 4096, 123456789), weight: 1 },
      { arbitrary: fc.constantFrom(-0), weight: 1 },
      ...(forFile ? [] : [{ arbitrary: fc.constantFrom(NaN, Infinity, -Infinity), weight: 1 }]),
    )
    .map((n) => val({ t: "number", n }, numberTags(n)));

/** Text a count field takes ("12", "１２", "12项", " 7 ", "3.0"), with what a number field makes of it. */
const countText: fc.Arbitrary<Val> = fc.constantFrom<Val>(
  val(str("12"), tags("ok", "bad", "ok", "ok", 12)),
  val(str("１２"), tags("ok", "bad", "ok", "ok", 12)),
  val(str("12项"), tags("ok", "bad", "ok", "bad", 12)),
  val(str("3 条"), tags("ok", "bad", "ok", "bad", 3)),
  val(str(" 7 "), tags("ok", "bad", "ok", "ok", 7)),
  val(str("3.0"), tags("ok", "bad", "ok", "ok", 3)),
  val(str("3."), tags("ok", "bad", "ok", "bad", 3)),
  val(str("0"), tags("ok", "ok", "ok", "ok", 0)),
  val(str("1"), tags("ok", "ok", "ok", "ok", 1)),
  val(str("５家"), tags("ok", "bad", "ok", "bad", 5)),
  val(str("\t40\n"), tags("ok", "bad", "ok", "ok", 40)),
);

/** Text a count field refuses (无则填0; negative, fractional, signed, grouped, other text). */
const badCountText: fc.Arbitrary<Val> = fc.constantFrom<Val>(
  val(str("无"), tags("ok", "ok", "bad", "bad")),
  val(str("1,000"), tags("ok", "bad", "bad", "bad")),
  val(str("+3"), tags("ok", "bad", "bad", "bad")),
  val(str("3.5"), tags("ok", "bad", "bad", "ok")),
  val(str("12 13"), tags("ok", "bad", "bad", "bad")),
  val(str("-2"), tags("ok", "bad", "bad", "bad")),
  val(str("1e3"), tags("ok", "bad", "bad", "bad")),
  val(str("十二"), tags("ok", "bad", "bad", "bad")),
  val(str("12个半"), tags("ok", "bad", "bad", "bad")),
  val(str("N/A"), tags("ok", "bad", "bad", "bad")),
  val(str("99999999999999999999"), tags("ok", "bad", "bad", "bad")),
  val(str("#N/A"), tags("ok", "bad", "bad", "bad")), // text, not an error value
);

/** Yes/no words, as typed (case, full width, stray spaces). */
const yesNoWord: fc.Arbitrary<Val> = fc
  .constantFrom(
    "是",
    "否",
    "有",
    "无",
    "已",
    "未",
    "√",
    "×",
    "✓",
    "✘",
    "Y",
    "n",
    "yes",
    "No",
    "TRUE",
    "false",
    "完整",
    "不完整",
    "已盖章",
    "未盖章",
    "/",
    "-",
    "--",
    "—",
    "——",
    " 是 ",
    "ｙｅｓ",
    "Ｙ",
    "否\n",
  )
  .map((s) => val(str(s), tags("ok", "ok", "bad", "bad")));

/** Other text: names, document numbers, dates as text, no-phrases, very long text, formula-looking text. */
const generalText: fc.Arbitrary<Val> = fc
  .oneof(
    {
      arbitrary: fc.constantFrom(
        "陈磊",
        "东信建〔2020〕02号",
        "2020-03-02",
        "2020年3月2日",
        "2020/3/2",
        "2020.3.2",
        "见附件",
        "未建立",
        "暂无",
        "尚未制定",
        "没有",
        "Ａｂｃ（全角）",
        " 有关文件\n",
        "=1+1",
        "信用股 李四、王五",
        "👍 已办",
        "𠀀𠀁",
      ),
      weight: 6,
    },
    { arbitrary: fc.integer({ min: 41, max: 32_000 }).map((n) => "信".repeat(n)), weight: 1 },
    {
      arbitrary: fc.string({ unit: "grapheme", minLength: 1, maxLength: 12 }).map((s) => `文${s}`),
      weight: 2,
    },
  )
  .map((s) => val(str(s), tags("ok", "bad", "bad", "bad")));

const boolVal: fc.Arbitrary<Val> = fc.boolean().map((b) => val({ t: "bool", b }, tags("ok", "ok", "bad", "bad")));

const DAY = 86_400_000;
/** Dates as dates, at midnight or with a time part, 1901–2099. */
const dateMs: fc.Arbitrary<number> = fc
  .tuple(
    fc.integer({ min: Date.UTC(1901, 0, 1) / DAY, max: Date.UTC(2099, 11, 31) / DAY }),
    fc.constantFrom(0, 0, 13 * 3_600_000 + 5 * 60_000),
  )
  .map(([d, t]) => d * DAY + t);
const dateVal: fc.Arbitrary<Val> = dateMs.map((ms) => val({ t: "date", ms }, tags("ok", "bad", "bad", "bad")));

/** A plain value of any kind. */
const plainVal = (forFile: boolean): fc.Arbitrary<Val> =>
  fc.oneof(
    { arbitrary: blankVal, weight: 5 },
    { arbitrary: numberVal(forFile), weight: 8 },
    { arbitrary: countText, weight: 3 },
    { arbitrary: badCountText, weight: 2 },
    { arbitrary: yesNoWord, weight: 3 },
    { arbitrary: generalText, weight: 3 },
    { arbitrary: errorVal, weight: 1 },
    { arbitrary: boolVal, weight: 1 },
    { arbitrary: dateVal, weight: 1 },
  );

/** Splits a string into rich-text runs (joined, it is the same text). */
const richOf = (s: string): fc.Arbitrary<Stored> =>
  fc.array(fc.nat({ max: Math.max(0, s.length) }), { maxLength: 3 }).map((cuts) => {
    const at = [...new Set([0, ...cuts, s.length])].sort((a, b) => a - b);
    const parts: string[] = [];
    for (let i = 0; i + 1 < at.length; i++) parts.push(s.slice(at[i], at[i + 1]));
    return { t: "rich", parts: parts.length ? parts : [s] };
  });

/** The same value stored plainly, as a formula's cached result, as rich text or as a hyperlink's text. */
function wrap(v: Val): fc.Arbitrary<Val> {
  const plain = v.v as Plain;
  const options: { arbitrary: fc.Arbitrary<Val>; weight: number }[] = [{ arbitrary: fc.constant(v), weight: 10 }];
  // A formula with no cached result (never calculated) reads as blank; NaN is not written to a file as a result.
  if (plain.t !== "null" && !(plain.t === "number" && !Number.isFinite(plain.n))) {
    options.push({
      arbitrary: fc
        .constantFrom("SUM(A1:A2)", "1/0", "VLOOKUP(A1,B:C,2,0)")
        .map((f) => val({ t: "formula", f, result: plain }, v.tags)),
      weight: 2,
    });
  }
  if (plain.t === "string" && plain.s.length > 0) {
    options.push({ arbitrary: richOf(plain.s).map((r) => val(r, v.tags)), weight: 2 });
    if (plain.s.trim() !== "")
      options.push({ arbitrary: fc.constant(val({ t: "link", text: plain.s }, v.tags)), weight: 1 });
  }
  return fc.oneof(...options);
}

export const cellVal = (forFile: boolean): fc.Arbitrary<Val> =>
  fc.oneof(
    { arbitrary: plainVal(forFile).chain(wrap), weight: 20 },
    { arbitrary: fc.constant(val({ t: "formula", f: "A1*2", result: null }, BLANK)), weight: 1 },
  );

/** A value a field of this kind takes, most of the time, else any value: the workbook reads mostly like a real one. */
function fieldVal(f: FieldDef, forFile: boolean): fc.Arbitrary<Val> {
  const typical =
    f.kind === "count"
      ? fc.oneof(
          numberVal(forFile).filter((v) => v.tags.count === "ok"),
          countText,
        )
      : f.kind === "yesno"
        ? yesNoWord
        : f.kind === "number"
          ? numberVal(forFile).filter((v) => v.tags.number === "ok")
          : fc.oneof(
              generalText.filter((v) => (v.v as { s: string }).s.length < 40),
              yesNoWord,
            );
  return fc.oneof({ arbitrary: typical, weight: 3 }, { arbitrary: cellVal(forFile), weight: 2 });
}

// ---------------------------------------------------------------------------------------------------------------
// Unit names

const ROSTER = RULEBOOK.roster;
const nameVal: fc.Arbitrary<NameVal> = fc.oneof(
  { arbitrary: fc.constantFrom(...ROSTER).map((s): NameVal => ({ v: str(s), key: s })), weight: 12 },
  {
    arbitrary: fc
      .tuple(fc.constantFrom(...ROSTER), fc.constantFrom(" ", "\n", "\u3000", "\t"))
      .map(([s, w]): NameVal => ({ v: str(`${w}${s.slice(0, 2)}${w}${s.slice(2)}${w}`), key: s })),
    weight: 3,
  },
  {
    arbitrary: fc.constantFrom(...ROSTER).chain((s) => richOf(s).map((v): NameVal => ({ v, key: s }))),
    weight: 2,
  },
  {
    arbitrary: fc
      .constantFrom("县发改委", "某某局", "县信用办（临时）", "Unit-7", "ＡＢＣ局")
      .map((s): NameVal => ({ v: str(s), key: s.normalize("NFKC") })),
    weight: 3,
  },
  {
    arbitrary: fc.constantFrom("合计", " 小计 ", "总计", "平均").map((s): NameVal => ({ v: str(s), key: s.trim() })),
    weight: 1,
  },
  { arbitrary: fc.constantFrom<NameVal>({ v: { t: "null" }, key: "" }, { v: str("  "), key: "" }), weight: 3 },
  {
    arbitrary: fc.integer({ min: 1, max: 999 }).map((n): NameVal => ({ v: { t: "number", n }, key: String(n) })),
    weight: 1,
  },
  {
    arbitrary: fc.constantFrom<NameVal>(
      { v: { t: "error", e: "#REF!" }, key: "" },
      { v: { t: "bool", b: true }, key: "" },
      { v: { t: "date", ms: Date.UTC(2020, 0, 1) }, key: "" },
    ),
    weight: 1,
  },
  {
    arbitrary: fc
      .integer({ min: 100, max: 5000 })
      .map((n): NameVal => ({ v: str("局".repeat(n)), key: "局".repeat(n) })),
    weight: 1,
  },
);

export const SUMMARY_NAMES: readonly string[] = RULEBOOK.summaryRowNames;

// ---------------------------------------------------------------------------------------------------------------
// Headers

/** A header as an office might type it: canonical or alias, with stray spaces, a line break or a unit in brackets. */
function headerText(names: readonly string[]): fc.Arbitrary<Stored> {
  return fc
    .tuple(
      fc.constantFrom(...names),
      fc.constantFrom("", "（项）", "(条)", "（分）", "【份】", " "),
      fc.constantFrom("none", "space", "break", "fullwidth-space"),
      fc.boolean(),
    )
    .chain(([name, suffix, ws, rich]) => {
      const mid = Math.max(1, Math.floor(name.length / 2));
      const text =
        ws === "space"
          ? ` ${name} `
          : ws === "break"
            ? `${name.slice(0, mid)}\n${name.slice(mid)}`
            : ws === "fullwidth-space"
              ? `\u3000${name}`
              : name;
      const s = `${text}${suffix}`;
      return rich ? richOf(s) : fc.constant<Stored>(str(s));
    });
}

const EXTRA_HEADERS = ["序号", "联系电话", "备注", "填报人", "Column1", "审核意见", "附件"];

// ---------------------------------------------------------------------------------------------------------------
// The assessment sheet

const MAIN_NAMES = ["考核表", " 考核表 ", "Sheet1", "2020年度考核", "汇总"];
const OTHER_NAMES = ["Sheet2", "说明", "附件1", "空白", "数据源", "Sheet3"];
const TITLE_TEXT = [
  "衡东县2020年度社会信用体系建设工作考核表",
  "一、工作机制建设（4分）",
  "三、信用信息归集和报送",
  "填报说明：请如实填写",
  "单位：分",
];

const FILLS = ["FF00B0F0", "FFFFFF00", "FFC6EFCE", "FFD9D9D9"];
const FORMATS = ["0.00", "@", "#,##0", "General", "0%"];

function decorations(
  rows: number,
  cols: number,
  isDate: (row: number, col: number) => boolean,
): fc.Arbitrary<Decoration[]> {
  // Anywhere in the data, and one column and row beyond it (an office's note right of the table is its own too).
  return fc.array(
    fc
      .record({
        row: fc.integer({ min: 1, max: rows + 1 }),
        col: fc.integer({ min: 1, max: cols + 1 }),
        note: fc.option(fc.constantFrom("单位自报数", "请核实", "见邮件 3 月 2 日", "备注：\n第二行"), {
          nil: undefined,
        }),
        fill: fc.option(fc.constantFrom(...FILLS), { nil: undefined }),
        numFmt: fc.option(fc.constantFrom(...FORMATS), { nil: undefined }),
      })
      // A date is a date by its format: another format would turn it into a serial number when the file is read
      // again. (FORMATS has no date format, which would turn a number into a date.)
      .map((d) => (isDate(d.row, d.col) ? { ...d, numFmt: undefined } : d)),
    { maxLength: 8 },
  );
}

interface MainDraft {
  name: string;
  state: "visible" | "hidden";
  titleRows: Stored[][];
  columns: Column[];
  rows: Row[];
}

function mainDraft(forFile: boolean): fc.Arbitrary<MainDraft> {
  const fields = RULEBOOK.fields;
  return fc
    .record({
      name: fc.constantFrom(...MAIN_NAMES),
      state: fc.constantFrom<"visible" | "hidden">("visible", "visible", "visible", "hidden"),
      // Mostly every field; sometimes some missing (a required column absent), rarely too few for a header row.
      fieldIds: fc.oneof(
        { arbitrary: fc.constant(fields.map((f) => f.id)), weight: 6 },
        {
          arbitrary: fc.shuffledSubarray(
            fields.map((f) => f.id),
            { minLength: 6 },
          ),
          weight: 6,
        },
        {
          arbitrary: fc.shuffledSubarray(
            fields.map((f) => f.id),
            { minLength: 0, maxLength: 5 },
          ),
          weight: 1,
        },
      ),
      shuffle: fc.boolean(),
      duplicate: fc.option(fc.constantFrom(...fields.map((f) => f.id)), { freq: 8, nil: undefined }),
      extras: fc.array(fc.constantFrom(...EXTRA_HEADERS, ""), { maxLength: 4 }),
      titles: fc.oneof(
        { arbitrary: fc.integer({ min: 0, max: 3 }), weight: 20 },
        { arbitrary: fc.constant(10), weight: 1 }, // header on row 11: beyond the first 10 rows
      ),
    })
    .chain(({ name, state, fieldIds, shuffle, duplicate, extras, titles }) => {
      const ids = [...fieldIds];
      if (duplicate && ids.includes(duplicate)) ids.push(duplicate);
      const kinds: ({ kind: "unit" } | { kind: "field"; field: string } | { kind: "extra"; header: string })[] = [
        { kind: "unit" },
        ...ids.map((field) => ({ kind: "field" as const, field })),
        ...extras.map((header) => ({ kind: "extra" as const, header })),
      ];
      const order = shuffle ? fc.shuffledSubarray(kinds, { minLength: kinds.length }) : fc.constant(kinds);
      return order.chain((cols) => {
        const columns: fc.Arbitrary<Column>[] = cols.map((c) => {
          if (c.kind === "unit") {
            const unit = RULEBOOK.unitField;
            return headerText([unit.id, ...unit.aliases]).map((header): Column => ({ kind: "unit", header }));
          }
          if (c.kind === "field") {
            const f = FIELD_DEFS.get(c.field) as FieldDef;
            return headerText([f.id, ...f.aliases]).map((header): Column => ({ kind: "field", field: f.id, header }));
          }
          return fc.constant<Column>({ kind: "extra", header: c.header === "" ? { t: "null" } : str(c.header) });
        });
        const rowArb: fc.Arbitrary<Row> = fc.record({
          name: nameVal,
          cells: fc.tuple(
            ...cols.map((c) =>
              c.kind === "field" ? fieldVal(FIELD_DEFS.get(c.field) as FieldDef, forFile) : cellVal(forFile),
            ),
          ),
          hidden: fc.oneof({ arbitrary: fc.constant(false), weight: 3 }, { arbitrary: fc.constant(true), weight: 1 }),
        });
        const titleRow = fc.array(
          fc.oneof(fc.constantFrom(...TITLE_TEXT).map(str), fc.constant<Stored>({ t: "null" })),
          {
            minLength: 1,
            maxLength: 3,
          },
        );
        return fc.record({
          name: fc.constant(name),
          state: fc.constant(state),
          titleRows: fc.array(titleRow, { minLength: titles, maxLength: titles }),
          columns: fc.tuple(...columns),
          rows: fc.array(fc.oneof({ arbitrary: rowArb, weight: 8 }, { arbitrary: emptyRow(cols.length), weight: 1 }), {
            maxLength: 10,
          }),
        });
      });
    });
}

const emptyRow = (n: number): fc.Arbitrary<Row> =>
  fc.boolean().map((hidden) => ({
    name: { v: { t: "null" }, key: "" },
    cells: Array.from({ length: n }, () => val({ t: "null" }, BLANK)),
    hidden,
  }));

/** Horizontal merges, one per chosen row, never overlapping: a title across the table, two data cells, a data cell
 * with the empty cell right of the table. The covered cells become blank in the spec, as they are in the workbook. */
function withMerges(d: MainDraft): fc.Arbitrary<MainSheet> {
  const header = d.titleRows.length + 1;
  const width = d.columns.length;
  const lastRow = header + d.rows.length;
  return fc
    .tuple(
      fc.uniqueArray(fc.integer({ min: 1, max: lastRow }), { maxLength: 3 }),
      fc.array(fc.integer({ min: 1, max: width }), { minLength: 3, maxLength: 3 }),
      fc.array(fc.integer({ min: 2, max: 3 }), { minLength: 3, maxLength: 3 }),
    )
    .chain(([rowsToMerge, starts, lengths]) => {
      const merges: Merge[] = [];
      const rows = d.rows.map((r) => ({ ...r, cells: [...r.cells], name: r.name }));
      const titleRows = d.titleRows.map((r) => [...r]);
      rowsToMerge.forEach((r, i) => {
        if (r === header) return; // header cells stay unmerged
        const c1 = starts[i];
        const c2 = Math.min(width + 1, c1 + lengths[i] - 1);
        if (c2 <= c1) return;
        merges.push([r, c1, r, c2]);
        for (let c = c1 + 1; c <= c2; c++) {
          if (r < header) {
            if (titleRows[r - 1] && c <= titleRows[r - 1].length) titleRows[r - 1][c - 1] = { t: "null" };
          } else {
            const row = rows[r - header - 1];
            if (c > width) continue;
            const col = d.columns[c - 1];
            if (col.kind === "unit") row.name = { v: { t: "null" }, key: "" };
            row.cells[c - 1] = val({ t: "null" }, BLANK);
          }
        }
      });
      const covered = (row: number, col: number) => merges.some(([r, c1, , c2]) => r === row && col > c1 && col <= c2);
      const isDate = (row: number, col: number): boolean => {
        if (row <= header || col > width) return false;
        const v = rows[row - header - 1]?.cells[col - 1]?.v;
        return v !== undefined && (v.t === "date" || (v.t === "formula" && v.result?.t === "date"));
      };
      return decorations(lastRow, width, isDate).map((decos): MainSheet => ({
        kind: "main",
        name: d.name,
        state: d.state,
        titleRows,
        columns: d.columns,
        rows,
        merges,
        decorations: decos.filter((x) => !covered(x.row, x.col)),
      }));
    });
}

// ---------------------------------------------------------------------------------------------------------------
// The 双公示台账 sheet and other sheets

const ledgerDate: fc.Arbitrary<Stored> = fc.oneof(
  {
    arbitrary: fc
      .integer({ min: Date.UTC(2019, 11, 1) / DAY, max: Date.UTC(2021, 0, 31) / DAY })
      .map((d): Stored => ({ t: "date", ms: d * DAY })),
    weight: 6,
  },
  {
    arbitrary: fc
      .constantFrom(
        "2020-03-02",
        "2020/3/2",
        "2020.3.2",
        "2020年3月2日",
        "2020-12-31",
        "2020-02-30",
        "三月二日",
        "2020-3",
      )
      .map(str),
    weight: 3,
  },
  { arbitrary: fc.integer({ min: 43_800, max: 44_250 }).map((n): Stored => ({ t: "number", n })), weight: 1 },
  {
    arbitrary: fc.constantFrom<Stored>(
      { t: "null" },
      { t: "error", e: "#N/A" },
      { t: "bool", b: false },
      { t: "number", n: -5 },
    ),
    weight: 2,
  },
);

function ledgerSheet(unitNames: readonly Stored[]): fc.Arbitrary<LedgerSheet> {
  const spec = RULEBOOK.ledger;
  const unitCell: fc.Arbitrary<Stored> = fc.oneof(
    ...(unitNames.length ? [{ arbitrary: fc.constantFrom(...unitNames), weight: 6 }] : []),
    { arbitrary: fc.constantFrom<Stored>(str("县编外局"), { t: "null" }, str(" ")), weight: 1 },
  );
  return fc
    .record({
      name: fc.constantFrom("双公示台账", " 双公示台账 "),
      titleRows: fc.oneof(
        { arbitrary: fc.integer({ min: 0, max: 2 }), weight: 16 },
        { arbitrary: fc.constant(10), weight: 1 },
      ),
      hasHeader: fc.oneof({ arbitrary: fc.constant(true), weight: 16 }, { arbitrary: fc.constant(false), weight: 1 }),
      unit: fc.constantFrom(...spec.unit),
      effective: fc.constantFrom(...spec.effective),
      published: fc.constantFrom(...spec.published),
      extras: fc.shuffledSubarray([...spec.category.slice(0, 1), ...spec.docNo.slice(0, 1), "备注"]),
    })
    .chain(({ name, titleRows, hasHeader, unit, effective, published, extras }) =>
      fc
        .shuffledSubarray([unit, effective, published, ...extras], { minLength: 3 + extras.length })
        .chain((headers) => {
          const row = fc.tuple(
            ...headers.map((h) =>
              h === unit ? unitCell : h === effective || h === published ? ledgerDate : cellVal(false).map((v) => v.v),
            ),
          );
          return fc.record({
            kind: fc.constant<"ledger">("ledger"),
            name: fc.constant(name),
            titleRows: fc.constant(titleRows),
            header: fc.constant(hasHeader ? headers.map(str) : null),
            rows: fc.array(row, { maxLength: 8 }),
            // no number formats on the ledger: its dates are dates by their format
            decorations: decorations(titleRows + 9, headers.length, () => true),
          });
        }),
    );
}

/** An empty sheet, or one of junk (a decoy with a 单位名称 header and too few known fields included). */
const otherSheet = (name: string): fc.Arbitrary<OtherSheet> =>
  fc.record({
    kind: fc.constant<"other">("other"),
    name: fc.constant(name),
    state: fc.constantFrom<"visible" | "hidden">("visible", "hidden"),
    rows: fc.oneof(
      fc.constant([]),
      fc.array(
        fc.array(
          cellVal(false).map((v) => v.v),
          { maxLength: 5 },
        ),
        { maxLength: 5 },
      ),
      fc.constant<Stored[][]>([
        [str("单位名称"), str("分管领导"), str("联络员"), str("信用承诺数"), str("备注")],
        [str("县发改局"), str("张三")],
      ]),
    ),
  });

// ---------------------------------------------------------------------------------------------------------------
// The workbook

/** A whole workbook: the assessment sheet, perhaps a ledger, and 0–2 other sheets before or after it. */
export function workbookSpec(forFile = false): fc.Arbitrary<WorkbookSpec> {
  return mainDraft(forFile)
    .chain(withMerges)
    .chain((main) =>
      fc
        .record({
          ledger: fc.option(ledgerSheet(main.rows.map((r) => r.name.v).filter((v) => v.t === "string")), {
            freq: 3,
            nil: undefined,
          }),
          before: fc.array(fc.constantFrom(...OTHER_NAMES.slice(0, 3)), { maxLength: 1 }),
          after: fc.array(fc.constantFrom(...OTHER_NAMES.slice(3)), { maxLength: 1 }),
          settings: fc.record({
            naPolicy: fc.constantFrom<"full" | "zero" | "average">("full", "zero", "average"),
            steps: fc.constantFrom<"ceil" | "floor" | "prorata">("ceil", "floor", "prorata"),
            bonusCap: fc.oneof(fc.constant(10), fc.integer({ min: 0, max: 20 }), fc.constant(2.5)),
          }),
        })
        .chain(({ ledger, before, after, settings }) =>
          fc
            .tuple(fc.tuple(...before.map(otherSheet)), fc.tuple(...after.map(otherSheet)))
            .map(([b, a]): WorkbookSpec => ({
              sheets: [...b, main, ...(ledger ? [ledger] : []), ...a],
              settings,
            })),
        ),
    );
}

// ---------------------------------------------------------------------------------------------------------------
// Building the ExcelJS workbook

function plainToExcel(p: Plain): ExcelJS.CellValue {
  switch (p.t) {
    case "null":
      return null;
    case "string":
      return p.s;
    case "number":
      return p.n;
    case "bool":
      return p.b;
    case "date":
      return new Date(p.ms);
    case "error":
      return { error: p.e } as ExcelJS.CellErrorValue;
  }
}

export function toExcel(v: Stored): ExcelJS.CellValue {
  switch (v.t) {
    case "formula":
      return (
        v.result === null ? { formula: v.f } : { formula: v.f, result: plainToExcel(v.result) }
      ) as ExcelJS.CellFormulaValue;
    case "rich":
      return {
        richText: v.parts.map((text, i) =>
          i % 2 ? { text, font: { bold: true, color: { argb: "FFFF0000" } } } : { text },
        ),
      };
    case "link":
      return { text: v.text, hyperlink: "https://example.invalid/doc" };
    default:
      return plainToExcel(v);
  }
}

function setRow(ws: ExcelJS.Worksheet, r: number, values: readonly Stored[]): void {
  values.forEach((v, i) => {
    if (v.t !== "null") ws.getCell(r, i + 1).value = toExcel(v);
  });
}

function decorate(ws: ExcelJS.Worksheet, decos: readonly Decoration[]): void {
  for (const d of decos) {
    const cell = ws.getCell(d.row, d.col);
    if (d.note !== undefined) cell.note = d.note;
    if (d.fill !== undefined) cell.fill = { type: "pattern", pattern: "solid", fgColor: { argb: d.fill } };
    // a number format on a date would make it a plain number in the file (Excel stores dates as formatted serials)
    if (d.numFmt !== undefined && !(cell.value instanceof Date)) cell.numFmt = d.numFmt;
  }
}

/** The 1-based header row of the assessment sheet. */
export const headerRowOf = (m: MainSheet): number => m.titleRows.length + 1;

/** Builds a fresh ExcelJS workbook from the spec (called twice, it gives two independent, identical workbooks). */
export function buildWorkbook(spec: WorkbookSpec): ExcelJS.Workbook {
  const wb = new ExcelJS.Workbook();
  for (const s of spec.sheets) {
    const ws = wb.addWorksheet(s.name, { state: s.kind === "ledger" ? "visible" : s.state });
    if (s.kind === "other") {
      s.rows.forEach((row, r) => setRow(ws, r + 1, row));
    } else if (s.kind === "ledger") {
      if (s.header) setRow(ws, s.titleRows + 1, s.header);
      s.rows.forEach((row, r) => setRow(ws, s.titleRows + 2 + r, row));
      decorate(ws, s.decorations);
    } else {
      s.titleRows.forEach((row, r) => setRow(ws, r + 1, row));
      const header = headerRowOf(s);
      setRow(
        ws,
        header,
        s.columns.map((c) => c.header),
      );
      s.rows.forEach((row, i) => {
        const r = header + 1 + i;
        setRow(
          ws,
          r,
          s.columns.map((c, j) => (c.kind === "unit" ? row.name.v : row.cells[j].v)),
        );
        if (row.hidden) ws.getRow(r).hidden = true;
      });
      for (const [r1, c1, r2, c2] of s.merges) ws.mergeCells(r1, c1, r2, c2);
      decorate(ws, s.decorations);
    }
  }
  return wb;
}
