// Score cells typed over since the last run (workbook.md "What is written back", 5: hand edits are never lost
// silently). The memory keeps what the tool last wrote by unit and column, not by cell address: sorting the sheet or
// inserting a column is not an edit.
import type { Assessment } from "../assess";
import { centsToNumber, formatCents } from "../exact";
import type { CellValue, Finding, ToolMemory, WrittenValue } from "../model";
import type { UnitResult } from "../score/score";
import { remembered } from "./memory";
import { reviewSummary } from "./report";

export interface HandEdit {
  readonly unit: string;
  readonly row: number;
  readonly col: number;
  /** The score column's header. */
  readonly header: string;
  /** What the cell holds now, and what the tool computes for it. */
  readonly typed: CellValue;
  readonly computed: number | string | null;
}

/** A unit's values in block order (the indicators, 加分, 总分, 排名, 核查意见), as the plan writes them. */
function computedValues(a: Assessment, u: UnitResult): (number | string | null)[] {
  return [
    ...a.rulebook.indicators.map((ind) => centsToNumber(u.indicators.get(ind.id) ?? 0)),
    centsToNumber(u.bonus),
    centsToNumber(u.total),
    u.rank,
    reviewSummary(u),
  ];
}

function sameAs(cell: CellValue, value: WrittenValue | number | string | null): boolean {
  if (cell === null || cell === "") return value === null || value === "";
  if (typeof cell === "number" || typeof cell === "string") {
    if (typeof value === "string" && value.startsWith("#") && typeof cell === "string")
      return remembered(cell) === value;
    return cell === value;
  }
  return false;
}

/** The score cells whose value is neither what the tool last wrote there nor what it computes now, read off the
 * assessment sheet the assessment holds. Empty without a record of written values in the memory (a first run, or a
 * sheet above the size that keeps one). */
export function handEdits(a: Assessment, memory: ToolMemory | null): HandEdit[] {
  const written = memory?.written;
  const block = memory?.block;
  if (!written || !block || block.sheet !== a.layout.sheet.name) return [];
  const rows = a.layout.sheet.rows;
  const columns = a.scoreBlock.columns;
  const at = columns.map((c) => block.headers.indexOf(c.header));
  const edits: HandEdit[] = [];
  for (const u of a.units) {
    const record = written[u.record.key];
    if (!record) continue;
    let computed: (number | string | null)[] | null = null;
    for (let i = 0; i < columns.length; i++) {
      const j = at[i];
      if (j < 0 || j >= record.length) continue;
      const cell = rows[u.record.row - 1]?.[columns[i].col - 1] ?? null;
      if (sameAs(cell, record[j])) continue;
      computed ??= computedValues(a, u);
      const now = computed[i] ?? null;
      if (sameAs(cell, typeof now === "string" ? remembered(now) : now)) continue;
      edits.push({
        unit: u.record.key,
        row: u.record.row,
        col: columns[i].col,
        header: columns[i].header,
        typed: cell,
        computed: now,
      });
    }
  }
  return edits;
}

const shown = (v: CellValue | number | string | null): string => {
  if (v === null || v === "") return "空白";
  if (typeof v === "number") return formatCents(Math.round(v * 100));
  if (typeof v === "string") return v.length > 30 ? `“${v.slice(0, 30)}…”` : `“${v}”`;
  if (typeof v === "boolean") return v ? "TRUE" : "FALSE";
  return "date" in v ? v.date : v.error;
};

/** A hand edit the add-in keeps as typed: what the tool computes, and how to settle it. */
export function handEditNote(e: HandEdit): string {
  return `${e.header} 手工改为 ${shown(e.typed)}，计算结果为 ${shown(e.computed)}；未重写。请在任务窗格中“登记为核定调整”或“恢复计算结果”`;
}

/** Whether the add-in keeps a hand edit as typed: a column that scores (an indicator or 加分). 总分, 排名 and 核查意见
 * are written over with a warning, as on the command line (workbook.md, hand edits). */
export function keptInAddin(a: Assessment, e: HandEdit): boolean {
  return a.rulebook.indicators.some((i) => i.column === e.header) || e.header === "加分";
}

/** The warning on a hand edit written over; the finding carries the cell, so the message does not repeat it. */
export function handEditFinding(e: HandEdit): Finding {
  return {
    kind: "warning",
    row: e.row,
    col: e.col,
    unit: e.unit,
    message:
      `${e.header} 手工改为 ${shown(e.typed)}，已按计算结果 ${shown(e.computed)} 重写；` +
      `如需调整得分，请在“核定调整”表登记`,
  };
}
