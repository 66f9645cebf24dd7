// Terminal output: a run's summary in a line or two (the demo's table is in table.ts).
import type { Assessment } from "../core";

export function summaryLine(a: Assessment): string {
  const withFindings = a.units.filter((u) => u.findings.some((f) => f.kind !== "warning")).length;
  const problems = a.units.reduce((n, u) => n + u.findings.filter((f) => f.kind !== "warning").length, 0);
  const book = a.findings.filter((f) => f.kind !== "warning").length;
  const s = a.settings;
  return (
    `已评分 ${a.units.length} 个单位（工作表“${a.layout.sheet.name}”）：${a.units.length - withFindings} 个材料齐全，` +
    `${withFindings} 个共 ${problems} 处缺少材料或数据有误` +
    (book ? `；另有 ${book} 处台账或整列问题` : "") +
    `\n设置：不适用 ${s.naPolicy}，第八项扣分 ${s.steps}，加分上限 ${s.bonusCap}，自评差距提示 ${s.selfGap} 分`
  );
}
