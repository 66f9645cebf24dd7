// What a flagged cell puts at stake, and the units whose self-assessment is far from the total: read off the scores,
// for the pane (a flagged cell says "八 当前得 0/5 分"; the 自评对比 view lists the largest gaps first).
import type { Assessment } from "../assess";
import { formatCents, fromNumber, pointsToCents, toCents } from "../exact";
import { NUMERALS } from "../text";
import { ruleFields } from "../../rules/validate";
import type { UnitResult } from "../score/score";

/** "八 当前得 0/5 分" for each leaf reading the field ("三.2 当前得 6.6/25 分" in an indicator of many leaves), or
 * "加分 当前得 1 分" for the bonus's fields; "" for a field no score reads. */
export function stakeOf(a: Assessment, u: UnitResult, field: string): string {
  const rb = a.rulebook;
  if (field === rb.bonus.field || field === rb.bonus.reasonField) return `加分 当前得 ${formatCents(u.bonus)} 分`;
  const parts: string[] = [];
  rb.indicators.forEach((ind, i) => {
    const leaves = rb.leaves.filter((l) => l.indicator === ind.id);
    for (const l of leaves) {
      if (!ruleFields(l.rule).includes(field)) continue;
      const name =
        leaves.length > 1 ? `${NUMERALS[i] ?? ind.id}.${l.id.split(".")[1] ?? l.id}` : (NUMERALS[i] ?? ind.id);
      parts.push(`${name} 当前得 ${formatCents(u.leaves.get(l.id) ?? 0)}/${formatCents(pointsToCents(l.max))} 分`);
    }
  });
  return parts.join("；");
}

export interface SelfGap {
  readonly unit: string;
  readonly row: number;
  /** Hundredths. */
  readonly self: number;
  readonly total: number;
  readonly gap: number;
}

/** Units whose 自评总分 differs from the total by the setting's threshold or more, largest gap first (第五条
 * 自查自评与综合评定相结合). */
export function selfGaps(a: Assessment): SelfGap[] {
  const threshold = toCents(fromNumber(a.settings.selfGap));
  const field = a.rulebook.selfAssessment.field;
  const out: SelfGap[] = [];
  for (const u of a.units) {
    const r = u.record.fields.get(field)?.reading;
    if (!r || r.state !== "present" || !r.amount) continue;
    const self = toCents(r.amount);
    const gap = Math.abs(self - u.total);
    if (gap >= threshold) out.push({ unit: u.record.key, row: u.record.row, self, total: u.total, gap });
  }
  return out.sort((x, y) => y.gap - x.gap || x.row - y.row);
}
