// Terminal output: a run's summary in a few lines (the demo's table is in table.ts).
import { type Assessment, selfGapText, selfGaps } from "../core";
import { settingsInWords } from "../rules/settings";

export function summaryLine(a: Assessment): string {
  const unreported = a.units.filter((u) => u.record.unreported).length;
  const reported = a.units.filter((u) => !u.record.unreported);
  const withFindings = reported.filter((u) => u.findings.some((f) => f.kind !== "warning")).length;
  const problems = reported.reduce((n, u) => n + u.findings.filter((f) => f.kind !== "warning").length, 0);
  const book = a.findings.filter((f) => f.kind !== "warning").length;
  const adjusted = a.units.reduce((n, u) => n + u.adjustments.length, 0);
  return (
    `已评分 ${a.units.length} 个单位（工作表“${a.layout.sheet.name}”）：${reported.length - withFindings} 个材料齐全，` +
    `${withFindings} 个共 ${problems} 处缺少材料或数据有误` +
    (unreported ? `；尚未填报：${unreported} 个单位${unreported === a.units.length ? "（未排名）" : ""}` : "") +
    (adjusted ? `；核定调整 ${adjusted} 项已生效` : "") +
    (book ? `；另有 ${book} 处整表问题（台账、核定调整或整列）` : "") +
    `\n设置：${settingsInWords(a.settings)}`
  );
}

/** At most this many 自评 gaps are listed in the terminal (the largest); the rest are counted. */
export const SELF_GAP_LINES = 20;

/** The 自评 gap warnings on their own, largest gap first, so they are not lost among the others (第五条 自查自评与
 * 综合评定相结合); "" when there are none. */
export function selfGapLines(a: Assessment): string {
  const gaps = selfGaps(a);
  if (gaps.length === 0) return "";
  const shown = gaps.slice(0, SELF_GAP_LINES);
  const more = gaps.length - shown.length;
  return (
    `自评差距 ${a.settings.selfGap} 分及以上（${gaps.length} 个单位）：\n` +
    shown.map((g) => `  ${g.unit}（第 ${g.row} 行）：${selfGapText(g.self, g.total)}`).join("\n") +
    (more > 0 ? `\n  另有 ${more} 个单位，见 --json 写出的报告` : "")
  );
}

/** The hand edits written over, one line each, at most SELF_GAP_LINES of them; the rest counted. */
export function handEditLines(messages: readonly string[]): string {
  const shown = messages.slice(0, SELF_GAP_LINES).map((m) => `提示：${m}`);
  const more = messages.length - shown.length;
  return [...shown, ...(more > 0 ? [`另有 ${more} 处手工改动已按计算结果重写，见 --json 写出的报告`] : [])].join("\n");
}
