// The pane's words: Chinese first, English when Office's display language is English.
export type Locale = "zh-CN" | "en-US";

export function pickLocale(displayLanguage: string | undefined): Locale {
  return displayLanguage !== undefined && /^en\b/i.test(displayLanguage) ? "en-US" : "zh-CN";
}

const zh = {
  title: "信用考核助手",
  score: "计算得分",
  working: "正在计算…",
  steps: { read: "已读取工作簿，正在评分…", score: "正在写入结果…", write: "已写入" },
  idle: "打开考核工作簿后，点击“计算得分”。各单位的得分、总分和排名将写入考核表，缺少材料、数据有误的单元格会被标出。",
  template: "生成考核模板",
  templateDone: (sheet: string) => `已生成“${sheet}”，请填写后点击“计算得分”。`,
  summary: "结果",
  unitsScored: "已评分单位",
  clean: "材料齐全",
  withFindings: "待核查",
  top3: "前三名",
  naSummary: (policy: string, units: number, points: string, most: string, mostPoints: string) =>
    units === 0
      ? `不适用项：${policy}。没有单位因不适用细项得分。`
      : `不适用项：${policy}。${units} 个单位的总分中共有 ${points} 分来自不适用细项，最多的是${most}（${mostPoints} 分）。`,
  points: (n: number) => `${n.toFixed(2)} 分`,
  rank: (n: number | null) => (n === null ? "未排名" : `第 ${n} 名`),
  written: (sheet: string) => `得分已写入“${sheet}”，排名见“考核排名”表。`,
  findings: "核查意见",
  noFindings: "所有单位材料齐全，没有待核查的单元格。",
  noProblems: "所有单位材料齐全，没有缺少材料或数据有误的单元格。",
  notes: (n: number) => `提示 ${n} 条`,
  workbookLevel: "工作簿",
  kind: { missing: "缺少材料", invalid: "数据有误", warning: "提示" },
  goTo: (cell: string) => `定位到 ${cell}`,
  selfGapsTitle: "自评对比",
  selfGapsNone: (gap: number) => `各单位自评总分与总分相差均不到 ${gap} 分。`,
  selfGapsLead: (n: number, gap: number) => `${n} 个单位的自评总分与总分相差 ${gap} 分及以上`,
  selfGapLine: (unit: string, self: string, total: string, gap: string) =>
    `${unit}：自评 ${self} 分，总分 ${total} 分，相差 ${gap} 分`,
  selfGapsMore: (n: number) => `另有 ${n} 个单位未列出；命令行加 --json 可写出完整报告。`,
  adjustOpen: "登记核定调整…",
  adjustAgain: "再登记一项核定调整…",
  adjustTitle: "登记核定调整",
  adjustLead: (unit: string) => `${unit}：登记后写入“核定调整”表，并重新计算。`,
  adjustItem: "项目",
  adjustItemOption: (label: string, current: string, max: string) => `${label}（当前 ${current} 分，满分 ${max} 分）`,
  adjustScore: "核定分",
  adjustReason: "理由",
  adjustBy: "核定人（可不填）",
  adjustSubmit: "登记",
  adjustCancel: "取消",
  adjustScoreNumber: "请填写不小于 0 的数，如 20 或 2.5。",
  adjustScoreMax: (max: string) => `核定分不能超过该项满分 ${max} 分。`,
  adjustReasonMissing: "请写明理由。",
  editsTitle: "手工改动的得分",
  editsLead: "以下得分单元格在上次计算后被手工改过，本次未重写（已标为蓝色）。请登记为核定调整，或恢复计算结果。",
  editLine: (unit: string, cell: string, header: string, typed: string, computed: string) =>
    `${unit} · ${cell} ${header}：手工改为 ${typed}，计算结果为 ${computed}`,
  editRegister: "登记为核定调整",
  editRestore: "恢复计算结果",
  selected: "所选单元格",
  atStake: (stake: string) => `影响得分：${stake}`,
  selectHint: "在考核表中选中得分单元格可查看计算过程，选中标出的单元格可查看原因。",
  nothingHere: (cell: string) => `${cell}：没有得分说明或核查意见。`,
  auto: "编辑后自动重新计算",
  staleTitle: "结果已过期",
  stale: "上次计算后工作表有改动，下面的得分、排名和核查意见还是改动前的。请点击“计算得分”更新。",
  settings: "评分设置",
  naPolicy: "不适用项（应报数量为 0 的细项）",
  na: { full: "记满分", zero: "记 0 分", average: "按平均分计", scale: "按比例折算" },
  stepsLabel: "第八项不足 10 个百分点的部分",
  step: { ceil: "按 10 个百分点扣分", floor: "不扣分", prorata: "按比例扣分" },
  bonusCap: "创新加分上限（分）",
  selfGapLabel: "自评差距提示（分）",
  badNumber: "请填写不小于 0 的数，如 5 或 2.5；未保存。",
  saved: "设置已保存在工作簿中，将随文件一起保存。",
  unsupportedTitle: "此版本的 Excel 不支持信用考核助手",
  unsupported:
    "信用考核助手需要较新的 Excel：Excel 2021 或更高版本、订阅版 Excel，或网页版 Excel。请升级 Excel，或请信息技术人员用命令行工具计算（见使用说明）。",
  errorTitle: "出错了",
};

export type Strings = typeof zh;

const en: Strings = {
  title: "Credit Assessment Assistant",
  score: "Score",
  working: "Scoring…",
  steps: { read: "Workbook read, scoring…", score: "Writing results…", write: "Written" },
  idle: "Open the assessment workbook and press Score. Each unit's scores, total and rank are written into the sheet, and missing or wrong evidence is highlighted.",
  template: "Create template",
  templateDone: (sheet: string) => `Created "${sheet}". Fill it in, then press Score.`,
  summary: "Results",
  unitsScored: "Units scored",
  clean: "Complete",
  withFindings: "To check",
  top3: "Top 3",
  naSummary: (policy: string, units: number, points: string, most: string, mostPoints: string) =>
    units === 0
      ? `Not applicable: ${policy}. No unit gains points from not-applicable items.`
      : `Not applicable: ${policy}. ${units} units gain ${points} points in all from not-applicable items; most: ${most} (${mostPoints} pts).`,
  points: (n: number) => `${n.toFixed(2)} pts`,
  rank: (n: number | null) => (n === null ? "unranked" : `#${n}`),
  written: (sheet: string) => `Scores written to “${sheet}”; the ranking is on the “考核排名” tab.`,
  findings: "Findings",
  noFindings: "Every unit's evidence is complete; nothing to check.",
  noProblems: "Every unit's evidence is complete: nothing missing or invalid.",
  notes: (n: number) => `${n} notes`,
  workbookLevel: "Workbook",
  kind: { missing: "Missing", invalid: "Invalid", warning: "Note" },
  goTo: (cell: string) => `Go to ${cell}`,
  selfGapsTitle: "Self-assessment",
  selfGapsNone: (gap: number) => `No unit's self-assessed total differs from its total by ${gap} points or more.`,
  selfGapsLead: (n: number, gap: number) =>
    `${n} units' self-assessed totals differ from their totals by ${gap}+ points`,
  selfGapLine: (unit: string, self: string, total: string, gap: string) =>
    `${unit}: self ${self}, total ${total}, difference ${gap}`,
  selfGapsMore: (n: number) => `${n} more units: see the command line's JSON report.`,
  adjustOpen: "Register an adjustment…",
  adjustAgain: "Register another adjustment…",
  adjustTitle: "Register an adjustment (核定调整)",
  adjustLead: (unit: string) => `${unit}: written to the 核定调整 sheet, then the workbook is scored again.`,
  adjustItem: "Item",
  adjustItemOption: (label: string, current: string, max: string) => `${label} (now ${current}, max ${max})`,
  adjustScore: "Decided score",
  adjustReason: "Reason",
  adjustBy: "Decided by (optional)",
  adjustSubmit: "Register",
  adjustCancel: "Cancel",
  adjustScoreNumber: "Enter a number of 0 or more, such as 20 or 2.5.",
  adjustScoreMax: (max: string) => `The decided score cannot exceed the item's max of ${max}.`,
  adjustReasonMissing: "Give the reason.",
  editsTitle: "Scores typed over by hand",
  editsLead:
    "These score cells were typed over since the last run and were not written over (shown in blue). Register each as an adjustment, or restore the computed value.",
  editLine: (unit: string, cell: string, header: string, typed: string, computed: string) =>
    `${unit} · ${cell} ${header}: typed ${typed}, computed ${computed}`,
  editRegister: "Register as adjustment",
  editRestore: "Restore computed value",
  selected: "Selected cell",
  atStake: (stake: string) => `At stake: ${stake}`,
  selectHint: "Select a score cell to see how it was computed, or a highlighted cell to see why.",
  nothingHere: (cell: string) => `${cell}: no score explanation or finding.`,
  auto: "Recalculate after edits",
  staleTitle: "Results out of date",
  stale:
    "The sheets changed since the last run; the scores, ranking and findings below are from before. Press Score to update them.",
  settings: "Scoring settings",
  naPolicy: "Not-applicable items (base count 0)",
  na: { full: "Full marks", zero: "Zero", average: "Average of applicable units", scale: "Scale to 100" },
  stepsLabel: "Item 8: part of a 10-point step",
  step: { ceil: "Counts as a step", floor: "Not deducted", prorata: "Pro rata" },
  bonusCap: "Innovation bonus cap (points)",
  selfGapLabel: "Self-assessment gap warning (points)",
  badNumber: "Enter a number of 0 or more, such as 5 or 2.5; not saved.",
  saved: "Settings saved in the workbook; they travel with the file.",
  unsupportedTitle: "This version of Excel cannot run the assistant",
  unsupported:
    "The assistant needs Excel API 1.9 (Microsoft 365, Excel 2021 or later, or Excel on the web). Upgrade Excel, or score the file with the xinyong command line.",
  errorTitle: "Something went wrong",
};

export function strings(locale: Locale): Strings {
  return locale === "en-US" ? en : zh;
}
