// Unit rows → UnitRecord: every field read by its kind, the conditional requirements applied, findings with cells.
import type { FieldDef, Rulebook } from "../../rules/types";
import type { Layout } from "../locate/locate";
import { cellText, normalizeName } from "../locate/normalize";
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

/** Whether the field must be filled in on this row, given the row's other fields (rules-2020.md, conditional requirements). */
function isRequired(f: FieldDef, got: Map<string, FieldValue>, ledger: boolean): boolean {
  if (f.replacedByLedger && ledger) return false;
  if (f.partOf) {
    const whole = countOf(got.get(f.partOf)?.reading);
    return whole !== null && whole > 0;
  }
  if (f.requiredWhenYes) return got.get(f.requiredWhenYes)?.reading.state === "present";
  if (f.requiredWhenPositive) {
    const r = got.get(f.requiredWhenPositive)?.reading;
    return r !== undefined && r.state === "present" && r.amount !== undefined && r.amount.n > 0n;
  }
  return f.required === "always";
}

/** FieldValues shared between rows: a reading that is itself shared (missing, absent, present, a small count)
 * gets one FieldValue per column, so a large sheet does not allocate one per cell. */
class FieldValues {
  private readonly byCol = new Map<number | undefined, WeakMap<Reading, FieldValue>>();
  get(reading: Reading, col: number | undefined): FieldValue {
    let m = this.byCol.get(col);
    if (!m) this.byCol.set(col, (m = new WeakMap()));
    let fv = m.get(reading);
    if (!fv) m.set(reading, (fv = col === undefined ? { reading } : { reading, col }));
    return fv;
  }
}

function readRow(
  values: FieldValues,
  cells: readonly CellValue[],
  row: number,
  layout: Layout,
  rulebook: Rulebook,
  ledger: boolean,
): { fields: Map<string, FieldValue>; findings: Finding[] } {
  const fields = new Map<string, FieldValue>();
  const findings: Finding[] = [];
  for (const f of rulebook.fields) {
    const col = layout.columns.get(f.id);
    if (col === undefined) {
      fields.set(f.id, values.get(MISSING, undefined));
      // An optional column that this row needs (加分事由 for a bonus) gets a finding here: the workbook-level
      // finding for absent columns covers required ones only.
      if (f.required === "optional" && isRequired(f, fields, ledger)) {
        findings.push({ kind: "missing", field: f.id, row, message: `缺少材料：${f.id}（工作表中没有“${f.id}”列）` });
      }
      continue;
    }
    let reading = readByKind(f, cells[col - 1] ?? null);
    if (f.partOf && reading.state === "present" && reading.count !== undefined) {
      const whole = countOf(fields.get(f.partOf)?.reading);
      if (whole !== null && reading.count > whole) {
        reading = { state: "invalid", reason: `${f.id}（${reading.count}）大于${f.partOf}（${whole}）` };
      }
    }
    fields.set(f.id, Object.isFrozen(reading) ? values.get(reading, col) : { reading, col });
    if (reading.state === "invalid") {
      findings.push({ kind: "invalid", field: f.id, row, col, message: `数据有误：${f.id}，${reading.reason}` });
    } else if (reading.state === "missing" && isRequired(f, fields, ledger)) {
      const blankReason =
        f.requiredWhenPositive && f.kind === "evidence" ? `（填了${f.requiredWhenPositive}须写明${f.id}）` : "";
      findings.push({ kind: "missing", field: f.id, row, col, message: `缺少材料：${f.id}${blankReason}` });
    }
    // A bonus whose reason is a no-word is missing evidence too (rules-2020.md).
    if (reading.state === "absent" && f.requiredWhenPositive && isRequired(f, fields, ledger)) {
      fields.set(f.id, values.get(MISSING, col));
      findings.push({
        kind: "missing",
        field: f.id,
        row,
        col,
        message: `缺少材料：${f.id}（填了${f.requiredWhenPositive}须写明${f.id}）`,
      });
    }
  }
  return { fields, findings };
}

/** Reads every unit row below the header row (workbook.md "The assessment sheet"). */
export function readUnits(layout: Layout, rulebook: Rulebook, ledger: boolean): ReadResult {
  const roster = new Roster(rulebook.roster);
  const summary = new Set(rulebook.summaryRowNames.map(normalizeName));
  const knownCols = [...layout.columns.entries()].filter(([id]) => id !== rulebook.unitField.id).map(([, c]) => c);
  const units: UnitRecord[] = [];
  const values = new FieldValues();
  const rows = layout.sheet.rows;
  for (let r = layout.headerRow; r < rows.length; r++) {
    const cells = rows[r] ?? [];
    const row = r + 1;
    const nameCell = cells[layout.unitCol - 1] ?? null;
    const key = normalizeName(cellText(nameCell));
    const hasData = knownCols.some((c) => !isBlank(cells[c - 1] ?? null));
    if (key === "" && !hasData) continue; // blank row (a lone 序号 does not count)
    if (summary.has(key)) continue; // 合计/小计/总计/平均 is not a unit
    const { fields, findings } = readRow(values, cells, row, layout, rulebook, ledger);
    if (key === "") {
      findings.unshift({
        kind: "invalid",
        field: rulebook.unitField.id,
        row,
        col: layout.unitCol,
        message: "数据有误：缺少单位名称",
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
        message: `“${key}”不在考核对象名单（附件1）中，是否为“${roster.closest(key)}”？`,
      });
    }
    units.push({ row, key, unitCol: layout.unitCol, fields, rosterIndex, findings });
  }

  // A unit on two rows is invalid on both.
  const rowsByKey = new Map<string, UnitRecord[]>();
  for (const u of units) if (u.key !== "") rowsByKey.set(u.key, [...(rowsByKey.get(u.key) ?? []), u]);
  for (const [key, same] of rowsByKey) {
    if (same.length < 2) continue;
    const list = same.map((u) => u.row).join("、");
    for (const u of same) {
      u.findings.unshift({
        kind: "invalid",
        field: rulebook.unitField.id,
        row: u.row,
        col: u.unitCol,
        message: `数据有误：单位“${key}”重复出现在第 ${list} 行`,
      });
    }
  }
  for (const u of units) for (const f of u.findings) Object.assign(f, { unit: u.key });

  const findings: Finding[] = [];
  for (const name of rulebook.roster) {
    if (!rowsByKey.has(normalizeName(name))) {
      findings.push({ kind: "warning", unit: normalizeName(name), message: `名单中的${name}未出现在考核表中` });
    }
  }
  return { units, findings };
}
