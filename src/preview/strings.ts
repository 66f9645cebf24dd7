// The preview page's own words (the task pane has its own, in src/taskpane/strings.ts).
import type { Locale } from "../taskpane/strings";

const zh = {
  title: "信用考核助手 · 浏览器预览",
  intro:
    "左边是模拟的 Excel 工作簿：单击选中单元格，双击或直接输入即可修改，回车确认。右边是加载项的任务窗格。一切都在本机浏览器中运行，不联网。",
  open: "打开 .xlsx…",
  sample: "示例工作簿",
  empty: "空白工作簿",
  drop: "也可以把 .xlsx 文件拖到页面上打开。",
  dropHere: "松开鼠标，打开这个工作簿",
  language: "任务窗格语言",
  opening: (name: string) => `正在打开“${name}”…`,
  opened: (name: string) => `当前工作簿：${name}`,
  pane: "任务窗格",
  paneTitle: "信用考核助手",
  nameBox: "名称框",
  formulaBar: "编辑栏",
  note: "批注",
  sheets: "工作表",
  grid: (sheet: string) => `工作表“${sheet}”`,
  editCell: (a1: string) => `编辑 ${a1}`,
  emptyName: "新建工作簿",
  cut: (shown: number, total: number) => `此工作表共 ${total} 行，预览只画出前 ${shown} 行；评分仍针对全部行。`,
};

export type PreviewStrings = typeof zh;

const en: PreviewStrings = {
  title: "Credit Assessment Assistant · browser preview",
  intro:
    "On the left, a simulated Excel workbook: click a cell to select it, double-click or just type to change it, Enter to confirm. On the right, the add-in's task pane. Everything runs in this browser; nothing goes online.",
  open: "Open .xlsx…",
  sample: "Sample workbook",
  empty: "Empty workbook",
  drop: "Or drop an .xlsx file on the page.",
  dropHere: "Drop to open this workbook",
  language: "Task pane language",
  opening: (name: string) => `Opening "${name}"…`,
  opened: (name: string) => `Workbook: ${name}`,
  pane: "Task pane",
  paneTitle: "Credit Assessment Assistant",
  nameBox: "Name box",
  formulaBar: "Formula bar",
  note: "Note",
  sheets: "Sheets",
  grid: (sheet: string) => `Sheet ${sheet}`,
  editCell: (a1: string) => `Edit ${a1}`,
  emptyName: "New workbook",
  cut: (shown: number, total: number) =>
    `This sheet has ${total} rows; the preview draws the first ${shown}. Scoring still covers every row.`,
};

export function previewStrings(locale: Locale): PreviewStrings {
  return locale === "en-US" ? en : zh;
}
