// Unit rows → UnitRecord: every field read by its kind, the conditional requirements applied, findings with cells.
import type { FieldDef, Rulebook } from "../../rules/types";
import type { Layout } from "../locate/locate";
import { ArrayMap, KeyIndex } from "../keyed";
import { cellText, normalizeName } from "../locate/normalize";
import { flat } from "../text";
import type { CellValue, Finding } from "../model";
import { Roster } from "./roster";
import { MISSING, type Reading, isBlank, readCount, readEvidence, readNumber, readYesNo } from "./values";

export interface FieldValue {
  readonly reading: Reading;
  /** 1-based column; undefined when the workbook has no such column. */
  readonly col?: number;
}

export interface UnitRecord {
  /** 1-based sheet row. */
  readonly row: number;
  /** The unit name, normalised (NFKC, no whitespace); "" when the row has none. */
  readonly key: string;
  readonly unitCol: number;
  readonly fields: ReadonlyMap<string, FieldValue>;
  /** Position in Annex 1, or -1. */
  readonly rosterIndex: number;
  readonly findings: Finding[];
}

export interface ReadResult {
  readonly units: UnitRecord[];
  readonly findings: Finding[];
}

function readByKind(f: FieldDef, v: CellValue): Reading {
  switch (f.kind) {
    case "evidence":
      return readEvidence(v);
    case "yesno":
      return readYesNo(v);
    case "count":
      return readCount(v);
    case "number":
      return readNumber(v);
    case "text":
      return isBlank(v) ? MISSING : { state: "present" };
  }
}

const countOf = (r: Reading | undefined): number | null =>
  r && r.state === "present" && r.count !== undefined ? r.count : null;

/** The rulebook's field ids, in order: the key list every unit's `fields` shares. */
const FIELD_INDEX = new WeakMap<Rulebook, KeyIndex>();
export function fieldIndex(rulebook: Rulebook): KeyIndex {
  let index = FIELD_INDEX.get(rulebook);
  if (!index) FIELD_INDEX.set(rulebook, (index = new KeyIndex(rulebook.fields.map((f) => f.id))));
  return index;
}

/** One field as this sheet holds it, worked out once for all rows. */
interface FieldPlan {
  readonly def: FieldDef;
  readonly slot: number;
  /** 1-based column; undefined when the workbook has no such column. */
  readonly col: number | undefined;
  /** Slots of the fields the requirement depends on (-1: none or unknown). */
  readonly partOf: number;
  readonly whenYes: number;
  readonly whenPositive: number;
  /** Shared FieldValues of this column: a reading that is itself shared (missing, absent, present, a small count)
   * gets one FieldValue per column, so a large sheet does not allocate one per cell. */
  readonly shared: Map<Reading, FieldValue>;
  readonly missing: FieldValue;
  /** The findings' messages that are the same on every row. */
  readonly noColumn: string;
  readonly blank: string;
  readonly noReason: string;
}

type Slots = (FieldValue | undefined)[];

/** Whether the field must be filled in on this row, given the row's fields read so far (rules-2020.md, conditional
 * requirements). */
function isRequired(p: FieldPlan, got: Slots, ledger: boolean): boolean {
  const f = p.def;
  if (f.replacedByLedger && ledger) return false;
  if (f.partOf) {
    const whole = countOf(p.partOf < 0 ? undefined : got[p.partOf]?.reading);
    return whole !== null && whole > 0;
  }
  if (f.requiredWhenYes) return (p.whenYes < 0 ? undefined : got[p.whenYes])?.reading.state === "present";
  if (f.requiredWhenPositive) {
    const r = (p.whenPositive < 0 ? undefined : got[p.whenPositive])?.reading;
    return r !== undefined && r.state === "present" && r.amount !== undefined && r.amount.n > 0n;
  }
  return f.required === "always";
}

function fieldPlans(layout: Layout, rulebook: Rulebook, index: KeyIndex): FieldPlan[] {
  const absent: FieldValue = { reading: MISSING };
  const slot = (id: string | undefined) => (id === undefined ? -1 : index.slot(id));
  return rulebook.fields.map((def) => {
    const col = layout.columns.get(def.id);
    return {
      def,
      slot: index.slot(def.id),
      col,
      partOf: slot(def.partOf),
      whenYes: slot(def.requiredWhenYes),
      whenPositive: slot(def.requiredWhenPositive),
      shared: new Map(),
      missing: col === undefined ? absent : { reading: MISSING, col },
      noColumn: `缺少材料：${def.id}（工作表中没有“${def.id}”列）`,
      blank: `缺少材料：${def.id}${def.requiredWhenPositive && def.kind === "evidence" ? `（填了${def.requiredWhenPositive}须写明${def.id}）` : ""}`,
      noReason: `缺少材料：${def.id}（填了${def.requiredWhenPositive}须写明${def.id}）`,
    };
  });
}

function sharedValue(p: FieldPlan, reading: Reading): FieldValue {
  let fv = p.shared.get(reading);
  if (!fv) p.shared.set(reading, (fv = p.col === undefined ? { reading } : { reading, col: p.col }));
  return fv;
}

/** Reads one row's fields into `fields` (cleared first; slot order), returning the row's findings. */
function readRow(
  plans: readonly FieldPlan[],
  fields: Slots,
  cells: readonly CellValue[],
  row: number,
  unit: string,
  ledger: boolean,
): Finding[] {
  fields.fill(undefined);
  const findings: Finding[] = [];
  for (const p of plans) {
    const f = p.def;
    const col = p.col;
    if (col === undefined) {
      fields[p.slot] = p.missing;
      // An optional column that this row needs (加分事由 for a bonus) gets a finding here: the workbook-level
      // finding for absent columns covers required ones only.
      if (f.required === "optional" && isRequired(p, fields, ledger)) {
        findings.push({ kind: "missing", field: f.id, row, message: p.noColumn, unit });
      }
      continue;
    }
    let reading = readByKind(f, cells[col - 1] ?? null);
    if (f.partOf && reading.state === "present" && reading.count !== undefined) {
      const whole = countOf(p.partOf < 0 ? undefined : fields[p.partOf]?.reading);
      if (whole !== null && reading.count > whole) {
        reading = { state: "invalid", reason: `${f.id}（${reading.count}）大于${f.partOf}（${whole}）` };
      }
    }
    fields[p.slot] = Object.isFrozen(reading) ? sharedValue(p, reading) : { reading, col };
    if (reading.state === "invalid") {
      findings.push({
        kind: "invalid",
        field: f.id,
        row,
        col,
        message: flat(`数据有误：${f.id}，${reading.reason}`),
        unit,
      });
    } else if (reading.state === "missing" && isRequired(p, fields, ledger)) {
      findings.push({ kind: "missing", field: f.id, row, col, message: p.blank, unit });
    }
    // A bonus whose reason is a no-word is missing evidence too (rules-2020.md).
    if (reading.state === "absent" && f.requiredWhenPositive && isRequired(p, fields, ledger)) {
      fields[p.slot] = p.missing;
      findings.push({
        kind: "missing",
        field: f.id,
        row,
        col,
        message: p.noReason,
        unit,
      });
    }
  }
  return findings;
}

/** Reads every unit row below the header row (workbook.md "The assessment sheet"). */
export function readUnits(layout: Layout, rulebook: Rulebook, ledger: boolean): ReadResult {
  const roster = new Roster(rulebook.roster);
  const summary = new Set(rulebook.summaryRowNames.map(normalizeName));
  const knownCols = [...layout.columns.entries()].filter(([id]) => id !== rulebook.unitField.id).map(([, c]) => c);
  const units: UnitRecord[] = [];
  const index = fieldIndex(rulebook);
  const plans = fieldPlans(layout, rulebook, index);
  // All units' fields in one array (a unit's run of index.size values), read through a reused row.
  const store: FieldValue[] = [];
  const scratch: Slots = new Array<FieldValue | undefined>(index.size).fill(undefined);
  const rows = layout.sheet.rows;
  const hasData = (cells: readonly CellValue[]): boolean => {
    for (const c of knownCols) if (!isBlank(cells[c - 1] ?? null)) return true;
    return false;
  };
  for (let r = layout.headerRow; r < rows.length; r++) {
    const cells = rows[r] ?? [];
    const row = r + 1;
    const nameCell = cells[layout.unitCol - 1] ?? null;
    const key = normalizeName(cellText(nameCell));
    if (key === "" && !hasData(cells)) continue; // blank row (a lone 序号 does not count)
    if (summary.has(key)) continue; // 合计/小计/总计/平均 is not a unit
    const findings = readRow(plans, scratch, cells, row, key, ledger);
    // Every slot is set: each key of the index is some field's id.
    const offset = store.length;
    const fields = new ArrayMap(index, store, offset);
    for (let i = 0; i < scratch.length; i++) store[offset + i] = scratch[i] as FieldValue;
    if (key === "") {
      findings.unshift({
        kind: "invalid",
        field: rulebook.unitField.id,
        row,
        col: layout.unitCol,
        message: "数据有误：缺少单位名称",
        unit: key,
      });
    }
    const rosterIndex = key === "" ? -1 : roster.position(key);
    if (key !== "" && rosterIndex < 0) {
      findings.unshift({
        kind: "warning",
        field: rulebook.unitField.id,
        row,
        col: layout.unitCol,
        unit: key,
        message: flat(`“${key}”不在考核对象名单（附件1）中，是否为“${roster.closest(key)}”？`),
      });
    }
    units.push({ row, key, unitCol: layout.unitCol, fields, rosterIndex, findings });
  }

  // A unit on two rows is invalid on both.
  const rowsByKey = new Map<string, UnitRecord[]>();
  for (const u of units) {
    if (u.key === "") continue;
    const same = rowsByKey.get(u.key);
    if (same) same.push(u);
    else rowsByKey.set(u.key, [u]);
  }
  for (const [key, same] of rowsByKey) {
    if (same.length < 2) continue;
    const message = `数据有误：单位“${key}”重复出现在第 ${same.map((u) => u.row).join("、")} 行`;
    for (const u of same) {
      u.findings.unshift({
        kind: "invalid",
        field: rulebook.unitField.id,
        row: u.row,
        col: u.unitCol,
        message,
        unit: u.key,
      });
    }
  }

  const findings: Finding[] = [];
  for (const name of rulebook.roster) {
    if (!rowsByKey.has(normalizeName(name))) {
      findings.push({ kind: "warning", unit: normalizeName(name), message: `名单中的${name}未出现在考核表中` });
    }
  }
  return { units, findings };
}
