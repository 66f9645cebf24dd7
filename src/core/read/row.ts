// One row of the assessment sheet → its fields read by kind, the conditional requirements applied, its findings
// with cells (workbook.md "Value kinds", rules-2020.md "Missing and invalid evidence"). What a column needs is worked
// out once per sheet (fieldPlans); a row is read into reused slots (readRow).
import type { FieldDef, Rulebook } from "../../rules/types";
import type { Layout } from "../locate/locate";
import { KeyIndex } from "../keyed";
import { flattened } from "../text";
import type { CellValue, Finding } from "../model";
import type { FieldValue } from "./units";
import { MISSING, type Reading, isBlank, readCount, readEvidence, readNumber, readYesNo } from "./values";
import { findingMessage } from "../findings";

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
export interface FieldPlan {
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

export type Slots = (FieldValue | undefined)[];

/** A cell value of one column as read: its FieldValue and that value's position in the sheet's list of distinct
 * FieldValues, and the message of its finding when it is invalid. */
interface Cell {
  readonly value: FieldValue;
  readonly id: number;
  readonly invalid: string | null;
}
/** Distinct values remembered per column: enough for any column of repeated values, bounded for free text. */
const SEEN_MAX = 4096;

/** How the ledger stands for one row: no ledger sheet, a ledger with rows of this unit in the year, or one without. */
export const LedgerFor = { None: 0, Rows: 1, NoRows: 2 } as const;
export type LedgerFor = (typeof LedgerFor)[keyof typeof LedgerFor];

/** Whether the field must be filled in on this row, given the row's fields read so far (rules-2020.md, conditional
 * requirements). */
function isRequired(p: FieldPlan, got: Slots, ledger: LedgerFor): boolean {
  const f = p.def;
  if (f.replacedByLedger && ledger !== LedgerFor.None) {
    // Scored from the ledger: the columns are only compared. Without rows of its own there, a blank 应公示条数 means
    // nothing to publish (不适用, with a warning), while 按时公示条数 is required as usual (rules-2020.md 3.4).
    if (ledger === LedgerFor.Rows || !f.partOf) return false;
  }
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
export type Values = FieldValue[];
function idOf(values: Values, v: FieldValue): number {
  values.push(v);
  return values.length - 1;
}

export function fieldPlans(layout: Layout, rulebook: Rulebook, index: KeyIndex, values: Values): FieldPlan[] {
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
export function readRow(
  plans: readonly FieldPlan[],
  fields: Slots,
  ids: Uint32Array,
  at: number,
  values: Values,
  findings: Finding[],
  cells: readonly CellValue[],
  row: number,
  unit: string,
  ledger: LedgerFor,
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
