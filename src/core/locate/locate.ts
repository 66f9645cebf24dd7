// Finding the assessment sheet, its header row and field columns, and the optional ledger sheet (workbook.md).
import type { Rulebook } from "../../rules/types";
import { type CellValue, type Finding, type SheetSnapshot, type Snapshot, WorkbookError } from "../model";
import { cellText, normalizeHeader, normalizeName } from "./normalize";

/** The tool's own sheets, never taken for input. */
export const MEMORY_SHEET = "_信用考核助手";

export const HEADER_SCAN_ROWS = 10;
export const MIN_KNOWN_FIELDS = 5;

export interface Layout {
  readonly sheet: SheetSnapshot;
  /** 1-based. */
  readonly headerRow: number;
  readonly unitCol: number;
  /** field id → 1-based column (leftmost when given twice). */
  readonly columns: ReadonlyMap<string, number>;
  readonly findings: readonly Finding[];
}

export interface LedgerLayout {
  readonly sheet: SheetSnapshot;
  readonly headerRow: number;
  readonly unitCol: number;
  readonly effectiveCol: number;
  readonly publishedCol: number;
  readonly categoryCol?: number;
  readonly docNoCol?: number;
}

/** normalised header → field id, for the unit field and every evidence field. */
export function headerIndex(rulebook: Rulebook): Map<string, string> {
  const index = new Map<string, string>();
  for (const f of [rulebook.unitField, ...rulebook.fields]) {
    for (const h of [f.id, ...f.aliases]) index.set(normalizeHeader(h), f.id);
  }
  return index;
}

interface HeaderMatch {
  readonly row: number;
  readonly columns: Map<string, number>;
  readonly duplicates: { field: string; col: number; first: number }[];
}

function matchHeaderRow(cells: readonly CellValue[], row: number, index: Map<string, string>): HeaderMatch {
  const columns = new Map<string, number>();
  const duplicates: HeaderMatch["duplicates"] = [];
  cells.forEach((v, i) => {
    const text = cellText(v);
    if (text === "") return;
    const id = index.get(normalizeHeader(text));
    if (id === undefined) return;
    const first = columns.get(id);
    if (first === undefined) columns.set(id, i + 1);
    else duplicates.push({ field: id, col: i + 1, first });
  });
  return { row, columns, duplicates };
}

function findHeaderRow(sheet: SheetSnapshot, rulebook: Rulebook, index: Map<string, string>): HeaderMatch | null {
  const limit = Math.min(HEADER_SCAN_ROWS, sheet.rows.length);
  for (let r = 0; r < limit; r++) {
    const m = matchHeaderRow(sheet.rows[r] ?? [], r + 1, index);
    const known = [...m.columns.keys()].filter((k) => k !== rulebook.unitField.id).length;
    if (m.columns.has(rulebook.unitField.id) && known >= MIN_KNOWN_FIELDS) return m;
  }
  return null;
}

function isToolSheet(name: string, rulebook: Rulebook): boolean {
  const n = name.trim();
  return (
    n === MEMORY_SHEET || n === rulebook.rankingSheet || n === rulebook.ledger.sheet || n === rulebook.adjustments.sheet
  );
}

/** The assessment sheet: the one named 考核表 (trimmed), else the first sheet in tab order whose header row is found. */
export function locateAssessment(snapshot: Snapshot, rulebook: Rulebook, remembered?: string): Layout {
  const index = headerIndex(rulebook);
  const looked = `表头行（前 ${HEADER_SCAN_ROWS} 行内含“${rulebook.unitField.id}”及至少 ${MIN_KNOWN_FIELDS} 个考核字段，如 分管领导、应报送条数、信用承诺数）`;
  const named = snapshot.sheets.find((s) => s.name.trim() === rulebook.assessmentSheet);
  let sheet: SheetSnapshot | undefined;
  let match: HeaderMatch | null = null;
  if (named) {
    sheet = named;
    match = findHeaderRow(named, rulebook, index);
    if (!match) {
      throw new WorkbookError(`工作表“${named.name}”中未找到${looked}。`);
    }
  } else {
    const order = [...snapshot.sheets];
    // A sheet found on an earlier run (and since renamed from 考核表, say) is tried first.
    if (remembered) order.sort((a, b) => Number(b.name === remembered) - Number(a.name === remembered));
    for (const s of order) {
      if (isToolSheet(s.name, rulebook)) continue;
      const m = findHeaderRow(s, rulebook, index);
      if (m) {
        sheet = s;
        match = m;
        break;
      }
    }
    if (!sheet || !match) {
      const names = snapshot.sheets.map((s) => `“${s.name}”`).join("、") || "（无）";
      throw new WorkbookError(
        `这不是考核工作簿：没有名为“${rulebook.assessmentSheet}”的工作表，其他工作表（${names}）中也未找到${looked}。`,
      );
    }
  }
  const findings: Finding[] = match.duplicates.map((d) => ({
    kind: "warning",
    field: d.field,
    row: match.row,
    col: d.col,
    message: `表头“${d.field}”出现了不止一次，使用最左边的一列`,
  }));
  for (const f of rulebook.fields) {
    if (match.columns.has(f.id) || f.required === "optional") continue;
    if (f.replacedByLedger && hasLedgerSheet(snapshot, rulebook)) continue;
    findings.push({
      kind: "missing",
      field: f.id,
      message: `缺少“${f.id}”列：各单位该项均按缺少材料计`,
    });
  }
  return {
    sheet,
    headerRow: match.row,
    unitCol: match.columns.get(rulebook.unitField.id) as number,
    columns: match.columns,
    findings,
  };
}

/** The 1-based column of the first cell whose header text is one of `names` (normalised as headers), if any. */
export function findHeader(cells: readonly CellValue[], names: readonly string[]): number | undefined {
  const wanted = new Set(names.map(normalizeHeader));
  const i = cells.findIndex((v) => wanted.has(normalizeHeader(cellText(v))));
  return i < 0 ? undefined : i + 1;
}

export function hasLedgerSheet(snapshot: Snapshot, rulebook: Rulebook): boolean {
  return snapshot.sheets.some((s) => s.name.trim() === rulebook.ledger.sheet);
}

/** The optional 双公示台账 sheet; one without its header row is an error naming what was looked for. */
export function locateLedger(snapshot: Snapshot, rulebook: Rulebook): LedgerLayout | null {
  const sheet = snapshot.sheets.find((s) => s.name.trim() === rulebook.ledger.sheet);
  if (!sheet) return null;
  const spec = rulebook.ledger;
  const find = findHeader;
  const limit = Math.min(HEADER_SCAN_ROWS, sheet.rows.length);
  for (let r = 0; r < limit; r++) {
    const cells = sheet.rows[r] ?? [];
    const unitCol = find(cells, spec.unit);
    const effectiveCol = find(cells, spec.effective);
    const publishedCol = find(cells, spec.published);
    if (unitCol && effectiveCol && publishedCol) {
      return {
        sheet,
        headerRow: r + 1,
        unitCol,
        effectiveCol,
        publishedCol,
        categoryCol: find(cells, spec.category),
        docNoCol: find(cells, spec.docNo),
      };
    }
  }
  throw new WorkbookError(
    `工作表“${sheet.name}”前 ${HEADER_SCAN_ROWS} 行中未找到表头“${spec.unit[0]}”“${spec.effective[0]}”“${spec.published[0]}”` +
      `（也接受 ${spec.effective.slice(1).join("、")}；${spec.published.slice(1).join("、")}）。`,
  );
}

export { normalizeName };
