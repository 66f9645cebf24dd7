// The kinds of finding, named once: the label that starts a finding's message ("缺少材料：联络员", the report's contract
// in workbook.md), heads a highlighted cell's note and a unit's 核查意见, and is the pane's badge beside the detail.
import type { FindingKind } from "./model";

export const FINDING_LABELS: Readonly<Record<FindingKind, string>> = {
  missing: "缺少材料",
  invalid: "数据有误",
  warning: "提示",
};

/** A finding's message: its kind's label, then what it is about ("缺少材料：联络员"). */
export function findingMessage(kind: FindingKind, detail: string): string {
  return `${FINDING_LABELS[kind]}：${detail}`;
}

/** What a finding is about, without its kind's label (the pane shows the kind as a badge beside it). */
export function findingDetail(f: { readonly kind: FindingKind; readonly message: string }): string {
  const label = `${FINDING_LABELS[f.kind]}：`;
  return f.message.startsWith(label) ? f.message.slice(label.length) : f.message;
}
