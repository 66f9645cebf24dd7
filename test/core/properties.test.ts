// Properties that hold for any workbook (fast-check): bounds, sums, ranks, layout independence, determinism.
import fc from "fast-check";
import { assess } from "../../src/core/assess";
import type { CellValue, Snapshot } from "../../src/core/model";
import { plan } from "../../src/core/plan/plan";
import { buildReport } from "../../src/core/plan/report";
import { type LedgerLayout, locateAssessment, locateLedger } from "../../src/core/locate/locate";
import { readLedger } from "../../src/core/read/ledger";
import { unitNames } from "../../src/core/read/units";
import { WorkingDays } from "../../src/core/dates";
import { HENGDONG_2020 } from "../../src/rules/hengdong-2020";
import type { Settings } from "../../src/rules/settings";
import {
  ALIASES,
  COLUMNS,
  FIELDS,
  INDICATOR_LEAVES,
  LEAF_MAX,
  type LedgerRow,
  type Rec,
  UNIT,
  book,
  adjustmentSheet,
  ledgerSheet,
  sheet,
} from "./builders";

const RUNS = 100;

const KIND: Record<string, "evidence" | "yesno" | "count" | "number"> = Object.fromEntries(
  FIELDS.map((f) => [
    f,
    f === "目录盖章确认" || f === "目录完整"
      ? "yesno"
      : f === "创新加分" || f === "自评总分"
        ? "number"
        : /数$/.test(f)
          ? "count"
          : "evidence",
  ]),
);

const error = (e: string): CellValue => ({ error: e });
const evidenceCell = fc.constantFrom<CellValue>(
  null,
  "张伟",
  "衡东发〔2020〕1号",
  "无",
  "未建立",
  "暂无",
  "是",
  true,
  false,
  0,
  1,
  " ",
  error("#N/A"),
);
const yesNoCell = fc.constantFrom<CellValue>(null, "是", "否", "完整", "不完整", "可能", "Y", "n", 1, 0, "√");
const countCell = fc.oneof(
  { weight: 6, arbitrary: fc.nat({ max: 120 }) as fc.Arbitrary<CellValue> },
  { weight: 2, arbitrary: fc.nat({ max: 40 }).map((n): CellValue => `${n}`) },
  { weight: 1, arbitrary: fc.nat({ max: 40 }).map((n): CellValue => `${n}项`) },
  { weight: 2, arbitrary: fc.constantFrom<CellValue>(null, "无", -1, 3.5, "1,000", error("#VALUE!")) },
);
const numberCell = fc.oneof(
  fc.constantFrom<CellValue>(null, null, null, 0, "2.5", -1, "abc"),
  fc.integer({ min: 0, max: 1500 }).map((n): CellValue => n / 100),
  fc.integer({ min: 0, max: 100 }),
);
const cellFor = (field: string): fc.Arbitrary<CellValue> =>
  ({ evidence: evidenceCell, yesno: yesNoCell, count: countCell, number: numberCell })[KIND[field]];

const NAMES = ["县发改局", "人民银行衡东县支行", "县公安局", "县司法局", "县法院", "县编办", "县发改委", "县甲办"];
const recordArb: fc.Arbitrary<Rec> = fc.record({
  [UNIT]: fc.oneof(
    { weight: 12, arbitrary: fc.constantFrom<CellValue>(...NAMES) },
    { weight: 1, arbitrary: fc.constant(null) },
  ),
  ...Object.fromEntries(FIELDS.map((f) => [f, cellFor(f)])),
}) as fc.Arbitrary<Rec>;

/** Ledger rows around the assessment year, as text, serial or date cells, some blank or bad. */
const dayArb = fc.integer({ min: 43800, max: 44250 }); // 2019-12-01 … 2021-02-23 as Excel serials
const toText = (serial: number) => new Date(Date.UTC(1899, 11, 30) + serial * 86400000).toISOString().slice(0, 10);
const dateCell = (serial: number, form: number): CellValue =>
  form === 0 ? serial : form === 1 ? toText(serial) : { date: toText(serial) };
const ledgerRowArb: fc.Arbitrary<LedgerRow> = fc
  .record({
    unit: fc.constantFrom<CellValue>(...NAMES, "县教育局", null),
    eff: dayArb,
    gap: fc.integer({ min: -3, max: 25 }),
    form: fc.nat({ max: 2 }),
    blank: fc.nat({ max: 9 }),
  })
  .map(({ unit, eff, gap, form, blank }) => ({
    unit,
    effective: blank === 0 ? null : blank === 1 ? "2020-02-30" : dateCell(eff, form),
    published: blank === 2 ? null : dateCell(eff + gap, form),
  }));

const settingsArb: fc.Arbitrary<Partial<Settings>> = fc.record({
  naPolicy: fc.constantFrom("full", "zero", "average", "scale"),
  steps: fc.constantFrom("ceil", "floor", "prorata"),
  bonusCap: fc.constantFrom(0, 3, 10, 12.5),
});

const workbookArb = fc.record({
  records: fc.array(recordArb, { minLength: 1, maxLength: 8 }),
  ledger: fc.option(fc.array(ledgerRowArb, { maxLength: 12 }), { nil: undefined }),
  settings: settingsArb,
});

function snapshotOf(records: readonly Rec[], ledger: LedgerRow[] | undefined): Snapshot {
  return book([sheet(records), ...(ledger ? [ledgerSheet(ledger)] : [])]);
}

describe("bounds and sums", () => {
  test("every leaf lies within [0, max]; the bonus within [0, cap]", () => {
    fc.assert(
      fc.property(workbookArb, ({ records, ledger, settings }) => {
        const a = assess(snapshotOf(records, ledger), { settings });
        for (const u of a.units) {
          for (const [id, c] of u.leaves) {
            expect(c).toBeGreaterThanOrEqual(0);
            expect(c).toBeLessThanOrEqual(LEAF_MAX[id] * 100);
            expect(Number.isInteger(c)).toBe(true);
          }
          expect([...u.leaves.keys()].sort()).toEqual(Object.keys(LEAF_MAX).sort());
          expect(u.bonus).toBeGreaterThanOrEqual(0);
          expect(u.bonus).toBeLessThanOrEqual(Math.round((settings.bonusCap ?? 10) * 100));
        }
      }),
      { numRuns: RUNS },
    );
  });

  test("total = sum of the 17 leaves + bonus; each indicator = the sum of its leaves", () => {
    fc.assert(
      fc.property(workbookArb, ({ records, ledger, settings }) => {
        const a = assess(snapshotOf(records, ledger), { settings });
        for (const u of a.units) {
          const sum = [...u.leaves.values()].reduce((x, y) => x + y, 0);
          // under `scale` a unit with a 不适用 leaf has its sum converted (its own property below)
          if (!u.scaled) expect(u.total).toBe(sum + u.bonus);
          for (const [ind, ids] of Object.entries(INDICATOR_LEAVES)) {
            expect(u.indicators.get(ind)).toBe(ids.reduce((x, id) => x + (u.leaves.get(id) ?? NaN), 0));
          }
        }
      }),
      { numRuns: RUNS },
    );
  });

  test("a leaf marked 不适用 scores the policy's value: full → max, zero → 0", () => {
    fc.assert(
      fc.property(workbookArb, ({ records, ledger, settings }) => {
        const a = assess(snapshotOf(records, ledger), { settings });
        for (const u of a.units) {
          for (const id of u.notApplicable) {
            if (settings.naPolicy === "full") expect(u.leaves.get(id)).toBe(LEAF_MAX[id] * 100);
            if (settings.naPolicy === "zero" || settings.naPolicy === "scale") expect(u.leaves.get(id)).toBe(0);
          }
        }
      }),
      { numRuns: RUNS },
    );
  });
});

describe("ranks", () => {
  test("rank = 1 + the number of strictly greater totals; higher total → smaller rank; equal totals equal rank", () => {
    fc.assert(
      fc.property(workbookArb, ({ records, ledger, settings }) => {
        const a = assess(snapshotOf(records, ledger), { settings });
        const totals = a.units.map((u) => u.total);
        // nothing is ranked when no unit has reported (a blank template)
        if (a.units.every((u) => u.record.unreported)) {
          for (const u of a.units) expect(u.rank).toBeNull();
          return;
        }
        for (const u of a.units) {
          expect(u.rank).toBe(1 + totals.filter((t) => t > u.total).length);
        }
        for (const x of a.units) {
          for (const y of a.units) {
            if (x.total > y.total) expect(x.rank).toBeLessThan(y.rank as number);
            if (x.total === y.total) expect(x.rank).toBe(y.rank);
          }
        }
        // listed in ranking order, every scored row once
        expect(a.units.map((u) => u.rank)).toEqual(
          [...a.units.map((u) => u.rank)].sort((p, q) => (p as number) - (q as number)),
        );
        expect(new Set(a.units.map((u) => u.record.row)).size).toBe(a.units.length);
      }),
      { numRuns: RUNS },
    );
  });
});

// ---------------------------------------------------------------------------------------------------------------
// Layout independence: what a unit scores does not depend on where things stand.

const UNKNOWN = ["序号", "联系电话", "备注", "填报人"];
const DECORATION = ["", "（项）", "(条)", " ", "\n", "（分）"];

const layoutArb = fc.record({
  order: fc.shuffledSubarray([...COLUMNS, ...UNKNOWN], { minLength: COLUMNS.length + UNKNOWN.length }),
  unknownKept: fc.subarray(UNKNOWN),
  aliasPick: fc.array(fc.nat({ max: 4 }), { minLength: COLUMNS.length, maxLength: COLUMNS.length }),
  decoration: fc.array(fc.nat({ max: DECORATION.length - 1 }), {
    minLength: COLUMNS.length,
    maxLength: COLUMNS.length,
  }),
  titleRows: fc.nat({ max: 4 }),
  filler: fc.array(fc.constantFrom<CellValue>("一、工作机制建设（4分）", "说明", "合计", 7, null), {
    minLength: 3,
    maxLength: 3,
  }),
});

type Layout = typeof layoutArb extends fc.Arbitrary<infer T> ? T : never;

function laidOut(records: readonly Rec[], l: Layout) {
  const columns = l.order.filter((c) => !UNKNOWN.includes(c) || l.unknownKept.includes(c));
  const headerText: Record<string, string> = {};
  COLUMNS.forEach((key, i) => {
    const names = [key, ...(ALIASES[key] ?? [])];
    const name = names[l.aliasPick[i] % names.length];
    // a bracket group may only decorate the end of a header; spaces and line breaks may go anywhere
    const deco = DECORATION[l.decoration[i]];
    headerText[key] = deco.trim() === "" ? [...name].join(deco) : name + deco;
  });
  const above: CellValue[][] = Array.from({ length: l.titleRows }, (_, r) =>
    r === 0 ? ["衡东县2020年度社会信用体系建设工作考核评分表"] : columns.map((_, c) => l.filler[c % 3]),
  );
  const rows = records.map((r, i) => ({ ...r, 序号: i + 1, 联系电话: "0734-5212345", 备注: "—", 填报人: "王" }));
  return sheet(rows, { columns, headerText, above });
}

/** What a unit scored, independent of where its cells stand. */
function outcome(snap: Snapshot, settings: Partial<Settings>) {
  const a = assess(snap, { settings });
  return [...a.units]
    .sort((x, y) => x.record.row - y.record.row)
    .map((u) => ({
      key: u.record.key,
      leaves: Object.fromEntries(u.leaves),
      notApplicable: u.notApplicable,
      bonus: u.bonus,
      total: u.total,
      rank: u.rank,
      findings: u.findings.map((f) => `${f.kind}:${f.field ?? ""}`).sort(),
    }));
}

describe("layout independence", () => {
  test("shuffled columns, unknown columns, title rows above the header and alias headers give the same scores", () => {
    fc.assert(
      fc.property(
        fc.array(recordArb, { minLength: 1, maxLength: 6 }),
        layoutArb,
        settingsArb,
        (records, layout, settings) => {
          const plain = outcome(book([sheet(records)]), settings);
          const moved = outcome(book([laidOut(records, layout)]), settings);
          expect(moved).toEqual(plain);
        },
      ),
      { numRuns: RUNS },
    );
  });

  test("the same holds with a ledger sheet beside it", () => {
    fc.assert(
      fc.property(
        fc.array(recordArb, { minLength: 1, maxLength: 5 }),
        fc.array(ledgerRowArb, { maxLength: 8 }),
        layoutArb,
        (records, ledger, layout) => {
          const plain = outcome(book([sheet(records), ledgerSheet(ledger)]), {});
          const moved = outcome(book([laidOut(records, layout), ledgerSheet(ledger)]), {});
          expect(moved).toEqual(plain);
        },
      ),
      { numRuns: RUNS / 2 },
    );
  });
});

describe("determinism", () => {
  test("scoring the same snapshot twice gives the same report and the same plan", () => {
    fc.assert(
      fc.property(workbookArb, ({ records, ledger, settings }) => {
        const snap = snapshotOf(records, ledger);
        const a1 = assess(snap, { settings });
        const a2 = assess(snap, { settings });
        expect(buildReport(a2)).toEqual(buildReport(a1));
        expect(plan(a2, snap)).toEqual(plan(a1, snap));
      }),
      { numRuns: RUNS / 2 },
    );
  });

  test("scoring does not change the snapshot it reads", () => {
    fc.assert(
      fc.property(workbookArb, ({ records, ledger, settings }) => {
        const snap = snapshotOf(records, ledger);
        const before = JSON.stringify(snap);
        plan(assess(snap, { settings }), snap);
        expect(JSON.stringify(snap)).toBe(before);
      }),
      { numRuns: RUNS / 2 },
    );
  });
});

describe("the office's judgement and the policies (rules-2020.md)", () => {
  const LEAVES = Object.keys(LEAF_MAX);

  test("a valid 核定调整 row changes only its own leaf (and the total by the difference)", () => {
    fc.assert(
      fc.property(
        workbookArb,
        fc.nat(),
        fc.constantFrom(...LEAVES),
        fc.integer({ min: 0, max: 10_000 }),
        ({ records, ledger, settings }, pick, id, per) => {
          const sheets = snapshotOf(records, ledger).sheets;
          const before = assess(book(sheets), { settings });
          const named = before.units.filter((u) => u.record.key !== "");
          if (named.length === 0) return;
          const target = named[pick % named.length].record.key;
          const cents = Math.round((LEAF_MAX[id] * 100 * per) / 10_000);
          const row = { unit: target, item: id, score: cents / 100, reason: "经核实" };
          const after = assess(book([...sheets, adjustmentSheet([row])]), { settings });
          expect(after.findings.filter((f) => f.sheet === "核定调整")).toEqual([]);
          for (let i = 0; i < before.units.length; i++) {
            const b = before.units.find((u) => u.record.row === after.units[i].record.row)!;
            const u = after.units[i];
            for (const leaf of LEAVES) {
              if (u.record.key === target && leaf === id) expect(u.leaves.get(leaf)).toBe(cents);
              else expect(u.leaves.get(leaf)).toBe(b.leaves.get(leaf));
            }
            expect(u.bonus).toBe(b.bonus);
            if (u.record.key !== target) expect(u.total).toBe(b.total);
            else if (settings.naPolicy !== "scale") expect(u.total - b.total).toBe(cents - (b.leaves.get(id) ?? 0));
            expect(u.notApplicable).toEqual(
              u.record.key === target ? b.notApplicable.filter((x) => x !== id) : b.notApplicable,
            );
          }
        },
      ),
      { numRuns: RUNS },
    );
  });

  test("under scale: total = round(Σ leaves × 100 ÷ (100 − Σ max of the 不适用 leaves)) + bonus", () => {
    fc.assert(
      fc.property(workbookArb, ({ records, ledger, settings }) => {
        const a = assess(snapshotOf(records, ledger), { settings: { ...settings, naPolicy: "scale" } });
        for (const u of a.units) {
          const sum = [...u.leaves.values()].reduce((x, y) => x + y, 0);
          const naMax = u.notApplicable.reduce((x, id) => x + LEAF_MAX[id] * 100, 0);
          const applicable = 10_000 - naMax;
          // exact half-up: ⌊(2·sum·10000 + applicable) ÷ (2·applicable)⌋
          const converted =
            naMax === 0 ? sum : Number((2n * BigInt(sum) * 10_000n + BigInt(applicable)) / (2n * BigInt(applicable)));
          expect(u.total).toBe(converted + u.bonus);
          expect(u.scaled).toEqual(naMax === 0 ? null : { sum, applicableMax: applicable });
        }
      }),
      { numRuns: RUNS },
    );
  });

  test("collecting findings by unit loses none: every ledger finding is under its unit or at the top level, once", () => {
    fc.assert(
      fc.property(workbookArb, ({ records, ledger, settings }) => {
        if (!ledger) return;
        const snap = snapshotOf(records, ledger);
        const a = assess(snap, { settings });
        const layout = locateAssessment(snap, HENGDONG_2020);
        const read = readLedger(
          locateLedger(snap, HENGDONG_2020) as LedgerLayout,
          HENGDONG_2020,
          unitNames(layout, HENGDONG_2020),
          new WorkingDays(HENGDONG_2020.calendar),
          7,
        );
        const all = [...read.findings, ...[...read.byUnit.values()].flat()];
        const listed = [...a.findings, ...a.units.flatMap((u) => u.findings)].filter((f) => f.sheet === "双公示台账");
        // a unit on two rows lists its ledger findings under both rows
        const once = new Set(listed);
        expect([...once].sort(byPlace)).toEqual([...all].sort(byPlace));
        for (const u of a.units) {
          for (const f of u.findings) if (f.sheet === "双公示台账") expect(f.unit).toBe(u.record.key);
        }
        // the ranking's 核查意见, the report and the command line count the same units
        const flagged = a.units.filter((u) => u.findings.some((f) => f.kind !== "warning")).map((u) => u.record.row);
        const reported = buildReport(a)
          .units.filter((u) => u.findings.some((f) => f.kind !== "warning"))
          .map((u) => u.row);
        expect([...reported].sort()).toEqual([...flagged].sort());
      }),
      { numRuns: RUNS },
    );
  });
});

const byPlace = (
  x: { row?: number; col?: number; message: string },
  y: { row?: number; col?: number; message: string },
) => (x.row ?? 0) - (y.row ?? 0) || (x.col ?? 0) - (y.col ?? 0) || x.message.localeCompare(y.message);
