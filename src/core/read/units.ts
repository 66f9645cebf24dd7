// Unit rows → UnitRecord: every field read by its kind, the conditional requirements applied, findings with cells.
import type { Rulebook } from "../../rules/types";
import type { Layout } from "../locate/locate";
import { IdMap } from "../keyed";
import { cellText, normalizeName } from "../locate/normalize";
import { flattened } from "../text";
import type { CellValue, Finding } from "../model";
import type { LedgerResult } from "./ledger";
import { Roster } from "./roster";
import { isBlank } from "./values";
import { LedgerFor, type Slots, type Values, fieldIndex, fieldPlans, readRow } from "./row";
import type { Reading } from "./values";
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
  /** 尚未填报: every field the unit fills in is blank (workbook.md "Units that have not reported"). It is scored as all
   * missing, and its findings say so once instead of naming every blank cell. */
  readonly unreported: boolean;
}

/** The finding message of a unit that has not reported. */
export const UNREPORTED = "尚未填报";

export interface ReadResult {
  /** Rows with a unit name (a row of data without one is not a unit: a finding in `findings`). */
  readonly units: UnitRecord[];
  readonly findings: Finding[];
  /** The units by name (the first row of a name given twice); units without a name are not in it. */
  readonly byKey: ReadonlyMap<string, UnitRecord>;
}

/** Units per table of field ids. */
const TABLE_UNITS = 8192;

/** The unit names of the assessment sheet (normalised; rows named 合计 and the like left out), before any is read: the
 * ledger is read against them, and the units are read against the ledger. */
export function unitNames(layout: Layout, rulebook: Rulebook): Set<string> {
  const summary = new Set(rulebook.summaryRowNames.map(normalizeName));
  const names = new Set<string>();
  const rows = layout.sheet.rows;
  for (let r = layout.headerRow; r < rows.length; r++) {
    const key = normalizeName(cellText(rows[r]?.[layout.unitCol - 1] ?? null));
    if (key !== "" && !summary.has(key)) names.add(key);
  }
  return names;
}

/** Reads every unit row below the header row (workbook.md "The assessment sheet"). */
export function readUnits(layout: Layout, rulebook: Rulebook, ledger: LedgerResult | null): ReadResult {
  const roster = new Roster(rulebook.roster);
  const summary = new Set(rulebook.summaryRowNames.map(normalizeName));
  const knownCols = [...layout.columns.entries()].filter(([id]) => id !== rulebook.unitField.id).map(([, c]) => c);
  // The columns a unit fills in itself: all blank on a row is a unit that has not reported.
  const ownCols = rulebook.fields
    .filter((f) => f.filledBy !== "office")
    .map((f) => layout.columns.get(f.id))
    .filter((c): c is number => c !== undefined);
  const nameless: Finding[] = [];
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
  const hasData = (cells: readonly CellValue[], cols: readonly number[]): boolean => {
    for (const c of cols) if (!isBlank(cells[c - 1] ?? null)) return true;
    return false;
  };
  for (let r = layout.headerRow; r < rows.length; r++) {
    const cells = rows[r] ?? [];
    const row = r + 1;
    const nameCell = cells[layout.unitCol - 1] ?? null;
    const key = normalizeName(cellText(nameCell));
    if (key === "") {
      // A blank row (a lone 序号 or 联系电话 does not count) is skipped; a row of data without a unit name is not a unit
      // either: it is not scored or ranked, and only its name cell is flagged (workbook.md).
      if (hasData(cells, knownCols)) {
        nameless.push({
          kind: "invalid",
          field: rulebook.unitField.id,
          row,
          col: layout.unitCol,
          message: findingMessage("invalid", "缺少单位名称"),
        });
      }
      continue;
    }
    if (summary.has(key)) continue; // 合计/小计/总计/平均 is not a unit
    // Every slot is set: each key of the index is some field's id.
    if (used === table.length) {
      table = new Uint32Array(tableUnits * size);
      used = 0;
    }
    const offset = used;
    const ledgerFor = ledger === null ? LedgerFor.None : ledger.counts.has(key) ? LedgerFor.Rows : LedgerFor.NoRows;
    let count = readRow(plans, scratch, table, offset, values, found, cells, row, key, ledgerFor);
    const unreported = !hasData(cells, ownCols);
    if (unreported) {
      // One finding says it; the blank cells are not each named (an invalid value in the office's fields still is).
      let kept = 0;
      for (let j = 0; j < count; j++) if (found[j].kind !== "missing") found[kept++] = found[j];
      count = kept;
    }
    used += size;
    const fields = new IdMap(index, values, table, offset);
    const rosterIndex = roster.position(key);
    const onName = { field: rulebook.unitField.id, row, col: layout.unitCol, unit: key };
    const offRoster: Finding | null =
      rosterIndex < 0
        ? {
            kind: "warning",
            ...onName,
            message: flattened(`“${key}”不在考核对象名单（附件1）中，是否为“${roster.closest(key)}”？`),
          }
        : null;
    // 尚未填报 comes first and says it all; the roster warning then follows the row's other findings.
    const first: Finding | null = unreported
      ? { kind: "missing", ...onName, message: findingMessage("missing", `${UNREPORTED}（本单位填报的各项均为空）`) }
      : offRoster;
    const last = unreported ? offRoster : null;
    // A list of exactly its findings (a list grown one at a time keeps room for more).
    const findings = new Array<Finding>(count + (first === null ? 0 : 1) + (last === null ? 0 : 1));
    let k = 0;
    if (first !== null) findings[k++] = first;
    for (let j = 0; j < count; j++) findings[k++] = found[j];
    if (last !== null) findings[k++] = last;
    units.push({ row, key, unitCol: layout.unitCol, fields, rosterIndex, findings, unreported });
  }

  // A unit on two rows is invalid on both.
  const byKey = new Map<string, UnitRecord>();
  const repeated = new Map<string, UnitRecord[]>();
  for (const u of units) {
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

  const findings: Finding[] = nameless;
  for (const name of rulebook.roster) {
    if (!byKey.has(normalizeName(name))) {
      findings.push({ kind: "warning", unit: normalizeName(name), message: `名单中的${name}未出现在考核表中` });
    }
  }
  return { units, findings, byKey };
}
