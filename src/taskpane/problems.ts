// Every failure becomes a message the user can act on: the core's WorkbookError as it is (it is written for the user),
// the Office host's own (a protected sheet, a run out of time), an Office error with its code and what to do about it.
// Nothing is swallowed: the caller shows the result.
import { WorkbookError } from "../core";
import { OutOfTime, ProtectionError, officeErrorCode } from "../hosts/office/errors";

export interface ProblemMessage {
  /** zh-CN first; the pane picks en when Office speaks English. */
  readonly title: { zh: string; en: string };
  readonly message: string;
  readonly hint?: { zh: string; en: string };
  /** Office's error code (e.g. InvalidArgument), when it came from Office. */
  readonly code?: string;
}

const HINTS: Record<string, { zh: string; en: string }> = {
  AccessDenied: {
    zh: "工作簿或工作表受保护。请在“审阅”中撤消保护后重试。",
    en: "The workbook or sheet is protected. Unprotect it (Review tab) and try again.",
  },
  InvalidOperation: {
    zh: "Excel 当前无法执行此操作。请退出单元格编辑状态，关闭其他对话框后重试；如考核表数据右侧（得分列的位置）有合并单元格，请先取消合并。",
    en: "Excel cannot do this right now. Leave cell editing mode, close other dialogs and try again; if cells right of the assessment data (where the score columns go) are merged, unmerge them.",
  },
  ItemNotFound: {
    zh: "工作表在计算过程中被删除或改名。请再次点击“计算得分”。",
    en: "A sheet was deleted or renamed during the run. Press Score again.",
  },
  ItemAlreadyExists: {
    zh: "已存在同名工作表。请改名或删除后重试。",
    en: "A sheet with that name already exists. Rename or delete it and try again.",
  },
  RequestPayloadSizeLimitExceeded: {
    zh: "工作表数据超过 Excel 单次请求的上限。请删除考核表中不用的行列，或改用命令行工具。",
    en: "The sheet is larger than Excel allows in one request. Remove unused rows and columns, or use the command line.",
  },
  ResponsePayloadSizeLimitExceeded: {
    zh: "工作表数据超过 Excel 单次请求的上限（网页版 Excel 为 5 兆字节）。请删除考核表中不用的行列，或在桌面版 Excel 或命令行中计算。",
    en: "The sheet is larger than Excel allows in one response (5 MB in Excel on the web). Remove unused rows and columns, or score it in desktop Excel or on the command line.",
  },
  GeneralException: {
    zh: "Excel 内部出错（网页版 Excel 在单次数据过大时也这样报告）。请保存工作簿，关闭后重新打开再试；如仍出错，请删除考核表中不用的行列，或在桌面版 Excel 或命令行中计算。",
    en: "Excel hit an internal error (Excel on the web also says this when a request is too large). Save, close and reopen the workbook, then try again; if it persists, remove unused rows and columns, or score it in desktop Excel or on the command line.",
  },
  PropertyNotLoaded: {
    zh: "加载项内部错误（属性未加载）。请将此消息报告给维护人员。",
    en: "Add-in bug (property not loaded). Please report this message.",
  },
};

const RETRY = {
  zh: "请重试；如仍失败，请保存并重新打开工作簿，或将此消息报告给维护人员。",
  en: "Try again; if it still fails, save and reopen the workbook, or report this message.",
};

/** Office's errors are OfficeExtension.Error objects with a code; they are recognised by shape (no global needed). */
export function describeProblem(e: unknown): ProblemMessage {
  if (e instanceof ProtectionError) {
    return {
      title: { zh: "工作表受保护，未写入", en: "Protected: nothing was written" },
      message: e.message,
      hint: {
        zh: "撤销保护后再点击“计算得分”。得分不会写入受保护的工作表。",
        en: `Unprotect ${e.sheet === null ? "the workbook (Review → Protect Workbook)" : `the sheet “${e.sheet}” (Review → Unprotect Sheet)`}, then press Score again.`,
      },
      code: "AccessDenied",
    };
  }
  if (e instanceof OutOfTime) {
    return {
      title: { zh: "重新计算未完成", en: "Recalculation stopped" },
      message: e.message,
      hint: {
        zh: "任务窗格中的计算没有时间限制，并显示进度。",
        en: "The ribbon's Recalculate is given 5 minutes; in the pane, Score has no time limit and shows its progress.",
      },
      code: "OutOfTime",
    };
  }
  if (e instanceof WorkbookError) {
    return {
      title: { zh: "无法计算", en: "Cannot score this workbook" },
      message: e.detail ? `${e.message}\n${e.detail}` : e.message,
      hint: {
        zh: "如果这是一个空白工作簿，可以点击“生成考核模板”。",
        en: "For an empty workbook, use Create template.",
      },
    };
  }
  const code = officeErrorCode(e);
  const message = e instanceof Error ? e.message : String(e);
  if (code) {
    return {
      title: { zh: `Excel 报告错误（${code}）`, en: `Excel reported an error (${code})` },
      message,
      code,
      hint: HINTS[code] ?? RETRY,
    };
  }
  return { title: { zh: "出错了", en: "Something went wrong" }, message, hint: RETRY };
}
