// Unit rows → UnitRecord: every field read by its kind, the conditional requirements applied, findings with cells.
import type { FieldDef, Rulebook } from "../../rules/types";
import type { Layout } from "../locate/locate";
import { IdMap, KeyIndex } from "../keyed";
import { cellText, normalizeName } from "../locate/normalize";
import { flattened } from "../text";
import type { CellValue, Finding } from "../model";
import { Roster } from "./roster";
import { MISSING, type Reading, isBlank, readCount, readEvidence, readNumber, readYesNo } from "./values";
import { findingMessage } from "../findings";

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
  /** The units by name (the first row of a name given twice); units without a name are not in it. */
  readonly byKey: ReadonlyMap<string, UnitRecord>;
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
  /** What a cell value (text or number) of this column reads as, worked out once per distinct value: a column holds
   * the same few values on most rows. */
  readonly seen: Map<string | number | boolean | null, Cell>;
  readonly missing: FieldValue;
  /** Its position in the sheet's list of distinct FieldValues. */
  readonly missingId: number;
  /** The findings' messages that are the same on every row. */
  readonly noColumn: string;
  readonly blank: string;
  readonly noReason: string;
}

type Slots = (FieldValue | undefined)[];

/** A cell value of one column as read: its FieldValue and that value's position in the sheet's list of distinct
 * FieldValues, and the message of its finding when it is invalid. */
interface Cell {
  readonly value: FieldValue;
  readonly id: number;
  readonly invalid: string | null;
}
/** Units per table of field ids. */
const TABLE_UNITS = 8192;
/** Distinct values remembered per column: enough for any column of repeated values, bounded for free text. */
const SEEN_MAX = 4096;

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

/** The distinct FieldValues of one sheet, each at its position (its id). */
type Values = FieldValue[];
function idOf(values: Values, v: FieldValue): number {
  values.push(v);
  return values.length - 1;
}

function fieldPlans(layout: Layout, rulebook: Rulebook, index: KeyIndex, values: Values): FieldPlan[] {
  const absent: FieldValue = { reading: MISSING };
  const absentId = idOf(values, absent);
  const slot = (id: string | undefined) => (id === undefined ? -1 : index.slot(id));
  return rulebook.fields.map((def) => {
    const col = layout.columns.get(def.id);
    const missing = col === undefined ? absent : { reading: MISSING, col };
    return {
      def,
      slot: index.slot(def.id),
      col,
      partOf: slot(def.partOf),
      whenYes: slot(def.requiredWhenYes),
      whenPositive: slot(def.requiredWhenPositive),
      shared: new Map(),
      seen: new Map(),
      missing,
      missingId: col === undefined ? absentId : idOf(values, missing),
      noColumn: findingMessage("missing", `${def.id}（工作表中没有“${def.id}”列）`),
      blank: findingMessage(
        "missing",
        `${def.id}${def.requiredWhenPositive && def.kind === "evidence" ? `（填了${def.requiredWhenPositive}须写明${def.id}）` : ""}`,
      ),
      noReason: findingMessage("missing", `${def.id}（填了${def.requiredWhenPositive}须写明${def.id}）`),
    };
  });
}

function sharedValue(p: FieldPlan, reading: Reading): FieldValue {
  let fv = p.shared.get(reading);
  if (!fv) p.shared.set(reading, (fv = p.col === undefined ? { reading } : { reading, col: p.col }));
  return fv;
}

function readCell(p: FieldPlan, col: number, v: CellValue, values: Values): Cell {
  const reading = readByKind(p.def, v);
  const value = Object.isFrozen(reading) ? sharedValue(p, reading) : { reading, col };
  return {
    value,
    id: idOf(values, value),
    invalid:
      reading.state === "invalid" ? flattened(findingMessage("invalid", `${p.def.id}，${reading.reason}`)) : null,
  };
}

/** Reads one row's fields into `fields` (cleared first; slot order) and their ids into `ids` from `at` on, and its
 * findings into the first places of `findings`, returning their number. */
function readRow(
  plans: readonly FieldPlan[],
  fields: Slots,
  ids: Uint32Array,
  at: number,
  values: Values,
  findings: Finding[],
  cells: readonly CellValue[],
  row: number,
  unit: string,
  ledger: boolean,
): number {
  fields.fill(undefined);
  let found = 0;
  for (const p of plans) {
    const f = p.def;
    const col = p.col;
    if (col === undefined) {
      fields[p.slot] = p.missing;
      ids[at + p.slot] = p.missingId;
      // An optional column that this row needs (加分事由 for a bonus) gets a finding here: the workbook-level
      // finding for absent columns covers required ones only.
      if (f.required === "optional" && isRequired(p, fields, ledger)) {
        findings[found++] = { kind: "missing", field: f.id, row, message: p.noColumn, unit };
      }
      continue;
    }
    const v = cells[col - 1] ?? null;
    let cell: Cell | undefined;
    if (typeof v === "object" && v !== null) cell = readCell(p, col, v, values);
    else {
      cell = p.seen.get(v);
      if (cell === undefined) {
        cell = readCell(p, col, v, values);
        if (p.seen.size < SEEN_MAX) p.seen.set(v, cell);
      }
    }
    let value = cell.value;
    let id = cell.id;
    let reading = value.reading;
    let invalid = cell.invalid;
    if (f.partOf && reading.state === "present" && reading.count !== undefined) {
      const whole = countOf(p.partOf < 0 ? undefined : fields[p.partOf]?.reading);
      if (whole !== null && reading.count > whole) {
        reading = { state: "invalid", reason: `${f.id}（${reading.count}）大于${f.partOf}（${whole}）` };
        value = { reading, col };
        id = idOf(values, value);
        invalid = flattened(findingMessage("invalid", `${f.id}，${reading.reason}`));
      }
    }
    fields[p.slot] = value;
    ids[at + p.slot] = id;
    if (invalid !== null) {
      findings[found++] = { kind: "invalid", field: f.id, row, col, message: invalid, unit };
    } else if (reading.state === "missing" && isRequired(p, fields, ledger)) {
      findings[found++] = { kind: "missing", field: f.id, row, col, message: p.blank, unit };
    }
    // A bonus whose reason is a no-word is missing evidence too (rules-2020.md).
    if (reading.state === "absent" && f.requiredWhenPositive && isRequired(p, fields, ledger)) {
      fields[p.slot] = p.missing;
      ids[at + p.slot] = p.missingId;
      findings[found++] = {
        kind: "missing",
        field: f.id,
        row,
        col,
        message: p.noReason,
        unit,
      };
    }
  }
  return found;
}

/** Reads every unit row below the header row (workbook.md "The assessment sheet"). */
export function readUnits(layout: Layout, rulebook: Rulebook, ledger: boolean): ReadResult {
  const roster = new Roster(rulebook.roster);
  const summary = new Set(rulebook.summaryRowNames.map(normalizeName));
  const knownCols = [...layout.columns.entries()].filter(([id]) => id !== rulebook.unitField.id).map(([, c]) => c);
  const units: UnitRecord[] = [];
  const index = fieldIndex(rulebook);
  const values: Values = [];
  const plans = fieldPlans(layout, rulebook, index, values);
  const rows = layout.sheet.rows;
  // All units' fields as positions in `values`, in shared tables (a unit's run of index.size numbers), read through a
  // reused row.
  const size = index.size;
  // Tables of TABLE_UNITS units each (fewer when the sheet has fewer rows), a new one when one is full: a sheet whose
  // rows run far below its units does not get a table for every row.
  const tableUnits = Math.max(1, Math.min(TABLE_UNITS, rows.length - layout.headerRow));
  let table = new Uint32Array(tableUnits * size);
  let used = 0;
  const scratch: Slots = new Array<FieldValue | undefined>(size).fill(undefined);
  const found: Finding[] = [];
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
    // Every slot is set: each key of the index is some field's id.
    if (used === table.length) {
      table = new Uint32Array(tableUnits * size);
      used = 0;
    }
    const offset = used;
    const count = readRow(plans, scratch, table, offset, values, found, cells, row, key, ledger);
    used += size;
    const fields = new IdMap(index, values, table, offset);
    let first: Finding | null = null;
    const rosterIndex = key === "" ? -1 : roster.position(key);
    if (key === "") {
      first = {
        kind: "invalid",
        field: rulebook.unitField.id,
        row,
        col: layout.unitCol,
        message: findingMessage("invalid", "缺少单位名称"),
        unit: key,
      };
    } else if (rosterIndex < 0) {
      first = {
        kind: "warning",
        field: rulebook.unitField.id,
        row,
        col: layout.unitCol,
        unit: key,
        message: flattened(`“${key}”不在考核对象名单（附件1）中，是否为“${roster.closest(key)}”？`),
      };
    }
    // A list of exactly its findings (a list grown one at a time keeps room for more).
    const findings = new Array<Finding>(count + (first === null ? 0 : 1));
    let k = 0;
    if (first !== null) findings[k++] = first;
    for (let j = 0; j < count; j++) findings[k++] = found[j];
    units.push({ row, key, unitCol: layout.unitCol, fields, rosterIndex, findings });
  }

  // A unit on two rows is invalid on both.
  const byKey = new Map<string, UnitRecord>();
  const repeated = new Map<string, UnitRecord[]>();
  for (const u of units) {
    if (u.key === "") continue;
    const before = byKey.get(u.key);
    if (before === undefined) byKey.set(u.key, u);
    else {
      const same = repeated.get(u.key);
      if (same) same.push(u);
      else repeated.set(u.key, [before, u]);
    }
  }
  for (const [key, same] of repeated) {
    const message = findingMessage("invalid", `单位“${key}”重复出现在第 ${same.map((u) => u.row).join("、")} 行`);
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
    if (!byKey.has(normalizeName(name))) {
      findings.push({ kind: "warning", unit: normalizeName(name), message: `名单中的${name}未出现在考核表中` });
    }
  }
  return { units, findings, byKey };
}
