// Terminal output: the ranking as a table (CJK-aware widths via cli-table3) and a one-line summary.
import Table from "cli-table3";
import type { Assessment } from "../core";
import { formatCents } from "../core/exact";

export function rankingTable(a: Assessment): string {
  const table = new Table({
    head: ["排名", "单位名称", "总分", ...a.rulebook.indicators.map((i) => i.id), "加分", "核查"],
    style: { head: [], border: [], compact: true },
    colAligns: ["right", "left", "right", ...a.rulebook.indicators.map(() => "right" as const), "right", "left"],
  });
  for (const u of a.units) {
    const problems = u.findings.filter((f) => f.kind !== "warning").length;
    table.push([
      String(u.rank),
      u.record.key || `（第 ${u.record.row} 行）`,
      formatCents(u.total),
      ...a.rulebook.indicators.map((i) => formatCents(u.indicators.get(i.id) ?? 0)),
      formatCents(u.bonus),
      problems ? `${problems} 处待核` : "",
    ]);
  }
  return `${a.rulebook.rankingTitle}\n${table.toString()}`;
}

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
