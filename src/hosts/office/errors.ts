// The Office host's own failures, found before or between round trips, each with a message written for the user; and
// how to read an Office error's code. The pane and the ribbon turn any failure into words (taskpane/problems.ts).
export function officeErrorCode(e: unknown): string | undefined {
  if (typeof e !== "object" || e === null) return undefined;
  const code = (e as { code?: unknown }).code;
  return typeof code === "string" && code !== "" ? code : undefined;
}

/** A run out of the time it was given (the ribbon's runtime is ended after 5 minutes): stopped between two round
 * trips, so the workbook holds whole round trips only, the memory written first (memory.ts, interimMemory). */
export class OutOfTime extends Error {
  constructor() {
    super(
      "工作簿较大，功能区的“重新计算”未能在 5 分钟内完成，已在两步之间停下。请打开考核助手，在任务窗格中点击“计算得分”。",
    );
    this.name = "OutOfTime";
  }
}

/** Found before anything is written: a sheet the run must write to is protected, or the workbook's structure is (the
 * 考核排名 tab and the tool's sheet cannot be made). Nothing was changed. */
export class ProtectionError extends Error {
  constructor(
    message: string,
    readonly sheet: string | null,
  ) {
    super(message);
    this.name = "ProtectionError";
  }
}

/** The message for a protected sheet (null: the workbook's structure), Chinese first, naming the sheet and the way out. */
export function protectionError(sheet: string | null): ProtectionError {
  return sheet === null
    ? new ProtectionError(
        "工作簿结构受保护，无法新建“考核排名”等工作表，请先撤销保护（审阅 → 保护工作簿，输入密码后取消）再计算。未写入任何内容。",
        null,
      )
    : new ProtectionError(
        `工作表“${sheet}”受保护，请先撤销保护（审阅 → 撤销工作表保护）再计算。未写入任何内容。`,
        sheet,
      );
}
