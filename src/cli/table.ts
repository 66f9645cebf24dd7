// The demo's ranking as a terminal table (CJK-aware widths via cli-table3, loaded only by the demo).
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
      problems ? `${problems} 处待核查` : "",
    ]);
  }
  return `${a.rulebook.rankingTitle}\n${table.toString()}`;
}
