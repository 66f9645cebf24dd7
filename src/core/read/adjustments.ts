// The 核定调整 sheet → the office's decisions, per unit and item (rules-2020.md "The office's judgement: 核定调整";
// workbook.md, the sheet's layout). A row is applied only when it has no finding; its findings stay at the top level.
import type { Rulebook } from "../../rules/types";
import { type Rational, fromNumber, parseDecimal, pointsToCents, toCents, formatCents } from "../exact";
import { findingMessage } from "../findings";
import { HEADER_SCAN_ROWS, findHeader } from "../locate/locate";
import { cellText, normalizeName } from "../locate/normalize";
import { type CellValue, type Finding, type SheetSnapshot, type Snapshot, isDateCell, isErrorCell } from "../model";
import { Roster } from "./roster";
import { NUMERALS } from "../text";
import { isBlank, readEvidence, show } from "./values";

/** The bonus as an item (a leaf id otherwise). */
export const BONUS_ITEM = "bonus";

/** One applied row of 核定调整. */
export interface Adjustment {
  /** A leaf id, or BONUS_ITEM. */
  readonly item: string;
  /** The decided score, in hundredths. */
  readonly cents: number;
  readonly reason: string;
  /** 核定人 and 日期 as written (a date cell as an ISO date); absent when blank. */
  readonly by?: string;
  readonly date?: string;
  readonly sheet: string;
  /** 1-based row on 核定调整. */
  readonly row: number;
}

export interface AdjustmentResult {
  /** Applied adjustments by unit (normalised name), then by item: the later of two valid rows for one item stands. */
  readonly byUnit: ReadonlyMap<string, ReadonlyMap<string, Adjustment>>;
  /** Findings on the sheet: top-level, each on its own cell of 核定调整. */
  readonly findings: Finding[];
  /** Per unit of the assessment sheet: rows naming it that were not applied (a finding of theirs stops them). */
  readonly unapplied: ReadonlyMap<string, number>;
}

/** A trailing bracket group that ends in 分, such as （5分）: dropped from an item's name. */
const POINTS_GROUP = /\([^()]*分\)$/u;

/** An item's name as compared: NFKC, no whitespace, a trailing （…分） dropped. */
export function normalizeItem(text: string): string {
  const s = normalizeName(text);
  const dropped = s.replace(POINTS_GROUP, "");
  return dropped === "" ? s : dropped;
}

/** What an item name stands for: a leaf, the bonus, or an indicator of many leaves (not an item). */
type ItemMeaning = { readonly leaf: string } | { readonly many: string; readonly example: string };

/** Every accepted name of every item (rules-2020.md), normalised. */
export function itemNames(rulebook: Rulebook): Map<string, ItemMeaning> {
  const names = new Map<string, ItemMeaning>();
  const add = (name: string, meaning: ItemMeaning) => {
    const key = normalizeItem(name);
    if (key !== "" && !names.has(key)) names.set(key, meaning);
  };
  rulebook.indicators.forEach((ind, i) => {
    const numeral = NUMERALS[i] ?? ind.id;
    const leaves = rulebook.leaves.filter((l) => l.indicator === ind.id);
    for (const l of leaves) {
      const meaning = { leaf: l.id };
      add(l.id, meaning);
      add(l.name, meaning);
      const dot = l.id.indexOf(".");
      if (dot >= 0) {
        const k = l.id.slice(dot + 1);
        for (const form of [
          `${numeral}.${k}`,
          `${numeral}${k}`,
          `${numeral}、${k}`,
          `${numeral}-${k}`,
          `${numeral}(${k})`,
        ])
          add(form, meaning);
      }
    }
    const whole: ItemMeaning =
      leaves.length === 1
        ? { leaf: leaves[0].id }
        : { many: numeral, example: `${numeral}.${leaves[0]?.id.split(".")[1] ?? "1"}` };
    for (const form of [numeral, ind.id, ind.name, `${numeral}、${ind.name}`, `${numeral}${ind.name}`, ind.column])
      add(form, whole);
  });
  for (const b of rulebook.adjustments.bonusItems) add(b, { leaf: BONUS_ITEM });
  return names;
}

export interface AdjustmentLayout {
  readonly sheet: SheetSnapshot;
  readonly headerRow: number;
  readonly unit: number;
  readonly item: number;
  readonly score: number;
  readonly reason: number;
  readonly by?: number;
  readonly date?: number;
}

/** The 核定调整 sheet's header row and columns, found by header text in its first rows; null without them. */
export function locateAdjustments(sheet: SheetSnapshot, rulebook: Rulebook): AdjustmentLayout | null {
  const spec = rulebook.adjustments;
  const find = findHeader;
  const limit = Math.min(HEADER_SCAN_ROWS, sheet.rows.length);
  for (let r = 0; r < limit; r++) {
    const cells = sheet.rows[r] ?? [];
    const unit = find(cells, spec.unit);
    const item = find(cells, spec.item);
    const score = find(cells, spec.score);
    const reason = find(cells, spec.reason);
    if (unit && item && score && reason) {
      return {
        sheet,
        headerRow: r + 1,
        unit,
        item,
        score,
        reason,
        by: find(cells, spec.by),
        date: find(cells, spec.date),
      };
    }
  }
  return null;
}

/** A 核定分 cell as an exact number, or why it is not one. */
function readScore(v: CellValue): Rational | string {
  if (typeof v === "number") return Number.isFinite(v) ? fromNumber(v) : `“${v}”不是数字`;
  if (typeof v === "string") {
    const t = v.normalize("NFKC").trim();
    const r = /^[+-]?\d+(?:\.\d+)?$/.test(t) && t.length <= 20 ? parseDecimal(t) : null;
    return r ?? `“${show(v)}”不是数字`;
  }
  if (v !== null && isErrorCell(v)) return `单元格为错误值 ${v.error}`;
  return `“${show(v)}”不是数字`;
}

/** 核定人 or 日期 as shown: a date cell as an ISO date, text trimmed; undefined when blank. */
function shown(v: CellValue | undefined): string | undefined {
  if (v === undefined || v === null || isBlank(v)) return undefined;
  if (isDateCell(v)) return v.date;
  if (typeof v === "string") return v.trim();
  return show(v);
}

export function readAdjustments(
  snapshot: Snapshot,
  rulebook: Rulebook,
  units: { has(key: string): boolean },
  /** The bonus cap in force (settings): an adjusted bonus is checked against it, never cut to fit. */
  bonusCap: number,
): AdjustmentResult {
  const byUnit = new Map<string, Map<string, Adjustment>>();
  const findings: Finding[] = [];
  const unapplied = new Map<string, number>();
  const spec = rulebook.adjustments;
  const sheet = snapshot.sheets.find((s) => s.name.trim() === spec.sheet);
  if (!sheet) return { byUnit, findings, unapplied };
  const layout = locateAdjustments(sheet, rulebook);
  if (!layout) {
    findings.push({
      kind: "invalid",
      sheet: sheet.name,
      message: findingMessage(
        "invalid",
        `工作表“${sheet.name}”前 ${HEADER_SCAN_ROWS} 行中未找到表头“${spec.unit[0]}”“${spec.item[0]}”“${spec.score[0]}”“${spec.reason[0]}”` +
          `（也接受 ${[...spec.item.slice(1), ...spec.score.slice(1), ...spec.reason.slice(1)].join("、")}），核定调整均未生效`,
      ),
    });
    return { byUnit, findings, unapplied };
  }
  const names = itemNames(rulebook);
  const maxOf = new Map(rulebook.leaves.map((l) => [l.id, pointsToCents(l.max)]));
  const roster = new Roster(rulebook.roster);
  const name = sheet.name;
  // The row standing for each unit and item so far, to warn on the one a later valid row replaces.
  const standing = new Map<string, number>();
  const rows = sheet.rows;
  for (let r = layout.headerRow; r < rows.length; r++) {
    const cells = rows[r] ?? [];
    const row = r + 1;
    const cell = (col: number): CellValue => cells[col - 1] ?? null;
    const unitCell = cell(layout.unit);
    const itemCell = cell(layout.item);
    const scoreCell = cell(layout.score);
    const reasonCell = cell(layout.reason);
    if ([unitCell, itemCell, scoreCell, reasonCell].every(isBlank)) continue; // 序号, 核定人, 日期 alone do not count
    const rowFindings: Finding[] = [];
    const flag = (kind: "missing" | "invalid", col: number, field: string, detail: string) =>
      rowFindings.push({ kind, sheet: name, row, col, field, message: findingMessage(kind, detail) });

    const unit = normalizeName(cellText(unitCell));
    const known = unit !== "" && units.has(unit);
    if (unit === "") flag("invalid", layout.unit, "单位名称", "核定调整缺少单位名称");
    else if (!known) {
      const near = roster.closest(unit);
      flag(
        "invalid",
        layout.unit,
        "单位名称",
        `核定调整的单位“${unit}”不是考核表中的单位${near ? `（是否为“${near}”？）` : ""}，未生效`,
      );
    }

    let item: string | null = null;
    const itemText = cellText(itemCell);
    if (isBlank(itemCell)) flag("missing", layout.item, "项目", "核定调整的项目");
    else {
      const meaning = names.get(normalizeItem(itemText));
      if (meaning === undefined) {
        flag(
          "invalid",
          layout.item,
          "项目",
          `无法识别核定调整的项目“${itemText.trim()}”（应写细项，如 3.2、八 或 加分）`,
        );
      } else if ("many" in meaning) {
        flag("invalid", layout.item, "项目", `“${itemText.trim()}”包含多个细项，请写明细项（如 ${meaning.example}）`);
      } else item = meaning.leaf;
    }

    let cents: number | null = null;
    if (isBlank(scoreCell)) flag("missing", layout.score, "核定分", "核定分");
    else {
      const score = readScore(scoreCell);
      if (typeof score === "string") flag("invalid", layout.score, "核定分", `核定分${score}`);
      else {
        const c = toCents(score);
        if (item !== null) {
          const max = item === BONUS_ITEM ? toCents(fromNumber(bonusCap)) : (maxOf.get(item) ?? 0);
          if (c < 0 || c > max) {
            const what = item === BONUS_ITEM ? "加分上限" : `${item} 的满分`;
            flag(
              "invalid",
              layout.score,
              "核定分",
              `核定分 ${formatCents(c)} 不在 0 到${what} ${formatCents(max)} 之间`,
            );
          } else cents = c;
        } else if (c < 0) flag("invalid", layout.score, "核定分", `核定分 ${formatCents(c)} 不能为负数`);
      }
    }

    const reading = readEvidence(reasonCell);
    if (reading.state !== "present") flag("missing", layout.reason, "理由", "核定调整的理由");

    if (rowFindings.length > 0) {
      // listed at the top level of the report; `unit` lets the pane show them under the unit they name too
      findings.push(...(known ? rowFindings.map((f) => ({ ...f, unit })) : rowFindings));
      if (known) unapplied.set(unit, (unapplied.get(unit) ?? 0) + 1);
      continue;
    }
    if (item === null || cents === null) continue; // every such row has a finding above
    const key = `${unit}\u0000${item}`;
    const before = standing.get(key);
    if (before !== undefined) {
      findings.push({
        kind: "warning",
        sheet: name,
        row: before,
        col: layout.item,
        field: "项目",
        message: `核定调整第 ${before} 行（${unit}，${item === BONUS_ITEM ? "加分" : item}）被第 ${row} 行取代，未生效`,
      });
    }
    standing.set(key, row);
    const by = layout.by ? shown(cells[layout.by - 1]) : undefined;
    const date = layout.date ? shown(cells[layout.date - 1]) : undefined;
    let mine = byUnit.get(unit);
    if (!mine) byUnit.set(unit, (mine = new Map()));
    mine.set(item, {
      item,
      cents,
      reason: cellText(reasonCell).trim() || show(reasonCell),
      ...(by !== undefined ? { by } : {}),
      ...(date !== undefined ? { date } : {}),
      sheet: name,
      row,
    });
  }
  return { byUnit, findings, unapplied };
}
