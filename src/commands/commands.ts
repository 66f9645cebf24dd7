/// <reference types="office-js" />
// The ribbon's function file: 重新计算 scores the workbook without opening the pane. A failure is shown in a dialog
// (the function file has no UI of its own); event.completed() is always called so the ribbon is not left waiting.
import { describeProblem } from "../hosts/office/errors";
import { bootOffice } from "../hosts/office/office";
import { OfficeWorkbook } from "../hosts/office/workbook";
import { pickLocale } from "../taskpane/strings";

function showProblem(text: string): Promise<void> {
  const url = new URL("dialog.html", window.location.href);
  url.searchParams.set("m", text);
  return new Promise((resolve) =>
    Office.context.ui.displayDialogAsync(url.toString(), { height: 30, width: 30 }, () => resolve()),
  );
}

export async function recalculateCommand(event: Office.AddinCommands.Event): Promise<void> {
  try {
    const boot = await bootOffice();
    const en = pickLocale(boot.displayLanguage) === "en-US";
    if (!boot.env) {
      await showProblem(en ? "This version of Excel lacks ExcelApi 1.9." : "此版本的 Excel 不支持 ExcelApi 1.9。");
      return;
    }
    try {
      await new OfficeWorkbook(boot.env).recalculate();
    } catch (e) {
      const p = describeProblem(e);
      const hint = p.hint ? (en ? p.hint.en : p.hint.zh) : "";
      await showProblem(`${en ? p.title.en : p.title.zh}\n${p.message}\n${hint}`);
    }
  } finally {
    event.completed();
  }
}

// The manifest's <FunctionName>recalculate</FunctionName>: a global, as classic function files have it, and
// associated through Office.actions where the host has it.
(globalThis as Record<string, unknown>).recalculate = recalculateCommand;
Office.onReady(() => {
  Office.actions?.associate("recalculate", recalculateCommand);
});
