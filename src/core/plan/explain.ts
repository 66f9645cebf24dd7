// How a score cell explains itself: the text of its note and of the pane's cell detail, made from the same readings.
import type { Assessment } from "../assess";
import { formatCents } from "../exact";
import type { IndicatorDef, LeafDef } from "../../rules/types";
import type { UnitResult } from "../score/score";
import { flattened } from "../text";
import { BONUS_ITEM } from "../read/adjustments";

/** How a unit's score cells explain themselves, by score column: the indicators in order, then 加分, 总分 and 排名
 * (核查意见 has none: null). The plan's notes, and the add-in's pane for a selected cell, read the same text.
 * `cents` is the indicator's score when the caller has it at hand. */
export function scoreNotes(a: Assessment): (u: UnitResult, column: number, cents?: number) => string | null {
  const indicators = a.rulebook.indicators;
  const n = indicators.length;
  const leavesOf = indicators.map((ind) => a.rulebook.leaves.filter((l) => l.indicator === ind.id));
  const sharing = new Map<number, number>();
  for (const u of a.units) if (u.rank !== null) sharing.set(u.rank, (sharing.get(u.rank) ?? 0) + 1);
  return (u, column, cents) => {
    if (column < n) {
      const ind = indicators[column];
      return indicatorNote(u, ind, leavesOf[column], cents ?? u.indicators.get(ind.id) ?? 0);
    }
    if (column === n) return u.explainBonus();
    if (column === n + 1) return totalNote(u);
    if (column === n + 2) {
      if (u.rank === null) return "各单位均尚未填报，未排名";
      const tied = sharing.get(u.rank) ?? 1;
      return `共 ${a.units.length} 个单位，第 ${u.rank} 名${tied > 1 ? `（${tied} 个单位并列）` : ""}`;
    }
    return null;
  };
}

/** How the total came about: the leaf sum (under `scale` converted to 100 over the leaves that apply), plus the bonus,
 * and the office's adjustments counted in it. */
export function totalNote(u: UnitResult): string {
  const adjusted = u.adjustments.length ? `（含核定调整 ${u.adjustments.length} 项）` : "";
  const bonus = `加分 ${formatCents(u.bonus)}`;
  if (u.scaled) {
    const { sum, applicableMax } = u.scaled;
    const converted = u.total - u.bonus;
    return flattened(
      `总分 = 十项得分之和 ${formatCents(sum)} ÷ 适用细项满分 ${formatCents(applicableMax)} × 100 = ${formatCents(converted)}` +
        `（按比例折算，不适用：${u.notApplicable.join("、")}）+ ${bonus} = ${formatCents(u.total)} 分${adjusted}`,
    );
  }
  return `总分 = 十项得分之和 ${formatCents(u.total - u.bonus)} + ${bonus} = ${formatCents(u.total)} 分${adjusted}`;
}

/** The unit's 说明 on the ranking tab: its 不适用 leaves and its adjusted items ("不适用：3.4、8；核定调整：3.2"). */
export function unitNote(u: UnitResult): string {
  const parts: string[] = [];
  if (u.notApplicable.length) parts.push(`不适用：${u.notApplicable.join("、")}`);
  if (u.adjustments.length) {
    parts.push(`核定调整：${u.adjustments.map((x) => (x.item === BONUS_ITEM ? "加分" : x.item)).join("、")}`);
  }
  return parts.join("；");
}

/** A score cell's note: the indicator's score, then how each of its leaves came about. */
function indicatorNote(u: UnitResult, ind: IndicatorDef, leaves: readonly LeafDef[], cents: number): string {
  const lines = leaves.map((l) => `${leaves.length > 1 ? `${l.id} ${l.name}：` : ""}${u.explain(l.id) ?? ""}`);
  return flattened(`${ind.name}（${ind.max}分）得 ${formatCents(cents)} 分\n${lines.join("\n")}`);
}
