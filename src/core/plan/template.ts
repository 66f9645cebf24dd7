// A blank assessment workbook for a rulebook, as pure data: the office's starting point (生成考核模板).
import type { Rulebook } from "../../rules/types";
import { ruleFields } from "../../rules/validate";

export interface TemplateSheet {
  readonly name: string;
  /** rows[r][c]: row r+1, column c+1. */
  readonly rows: readonly (readonly (string | number | null)[])[];
  /** [firstRow, firstCol, lastRow, lastCol], 1-based. */
  readonly merges: readonly (readonly [number, number, number, number])[];
  readonly widths: readonly number[];
  /** Rows frozen at the top (through the header row). */
  readonly frozenRows: number;
  readonly headerRow: number;
}

/** 考核表 (title, group header row, field headers on row 3, one row per roster unit) and the ledger sheet. */
export function templateSheets(rulebook: Rulebook): TemplateSheet[] {
  const group = new Map<string, string>();
  for (const leaf of rulebook.leaves) {
    const ind = rulebook.indicators.find((i) => i.id === leaf.indicator);
    for (const f of ruleFields(leaf.rule)) if (ind && !group.has(f)) group.set(f, ind.column);
  }
  group.set(rulebook.bonus.field, "加分（第四条）");
  group.set(rulebook.bonus.reasonField, "加分（第四条）");
  group.set(rulebook.selfAssessment.field, "自评");
  const fields = rulebook.fields.map((f) => f.id);
  const header = ["序号", rulebook.unitField.id, ...fields];
  const groups = [null, null, ...fields.map((f) => group.get(f) ?? null)];
  const merges: [number, number, number, number][] = [[1, 1, 1, header.length]];
  for (let c = 0; c < groups.length;) {
    let end = c;
    while (end + 1 < groups.length && groups[end + 1] !== null && groups[end + 1] === groups[c]) end++;
    if (groups[c] !== null && end > c) merges.push([2, c + 1, 2, end + 1]);
    c = end + 1;
  }
  const title = `${rulebook.title}评分表`;
  const main: TemplateSheet = {
    name: rulebook.assessmentSheet,
    rows: [
      [title, ...header.slice(1).map(() => null)],
      groups,
      header,
      ...rulebook.roster.map((unit, i) => [i + 1, unit, ...fields.map(() => null)]),
    ],
    merges,
    widths: [6, 20, ...fields.map((f) => Math.max(8, Math.min(16, f.length * 2 + 2)))],
    frozenRows: 3,
    headerRow: 3,
  };
  const l = rulebook.ledger;
  const ledger: TemplateSheet = {
    name: l.sheet,
    rows: [["序号", l.unit[0], l.category[0], l.docNo[0], l.effective[0], l.published[0]]],
    merges: [],
    widths: [6, 20, 10, 24, 14, 14],
    frozenRows: 1,
    headerRow: 1,
  };
  return [main, ledger];
}
