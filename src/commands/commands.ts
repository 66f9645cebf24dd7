/// <reference types="office-js" />
// The ribbon's function file: 重新计算 scores the workbook without opening the pane. It runs in a runtime of its own
// (no shared runtime: docs/excel-addin.md says why), which Office ends after 5 minutes: the run stops cleanly before
// that, a long run shows a dialog while it works, and a failure is shown in a dialog (the function file has no UI of
// its own); event.completed() is always called so the ribbon is not left waiting.
import { describeProblem } from "../taskpane/problems";
import { bootOffice } from "../hosts/office/office";
import { OfficeWorkbook } from "../taskpane/office-workbook";
import { pickLocale } from "../taskpane/strings";

/** How the ribbon's run is timed. Its runtime is ended 5 minutes after the button is pressed (excel-behaviour.md, "State
 * and runtimes"), so the run stops between two round trips half a minute before that; a run still going after a few
 * seconds shows a dialog saying so, closed when it ends. Changed by tests only. */
export const RIBBON = { runMs: 270_000, progressAfterMs: 3_000, now: (): number => Date.now() };

function dialogUrl(text: string): string {
  const url = new URL("dialog.html", window.location.href);
  url.searchParams.set("m", text);
  return url.toString();
}

/** Opens the dialog with a text; resolves with it once shown (null where Office gave none). */
function openDialog(text: string): Promise<Office.Dialog | null> {
  return new Promise((resolve) =>
    Office.context.ui.displayDialogAsync(
      dialogUrl(text),
      { height: 30, width: 30 },
      (r?: Office.AsyncResult<Office.Dialog>) =>
        resolve(r?.status === Office.AsyncResultStatus.Succeeded ? r.value : null),
    ),
  );
}

async function showProblem(text: string): Promise<void> {
  await openDialog(text);
}

/** Shows "正在重新计算" if the run is still going after RIBBON.progressAfterMs; `done` closes it (only one dialog may be
 * open at a time, so it is closed before any other is shown). */
function progressDialog(en: boolean): { done: () => Promise<void> } {
  let finished = false;
  let opening: Promise<Office.Dialog | null> | null = null;
  const timer = setTimeout(() => {
    if (finished) return;
    opening = openDialog(
      en
        ? "Recalculating… A large workbook can take a few minutes. This window closes by itself when it is done."
        : "正在重新计算……较大的工作簿可能需要几分钟，完成后本窗口自动关闭。",
    );
  }, RIBBON.progressAfterMs);
  return {
    done: async () => {
      finished = true;
      clearTimeout(timer);
      const dialog = await (opening ?? Promise.resolve(null));
      dialog?.close();
    },
  };
}

export async function recalculateCommand(event: Office.AddinCommands.Event): Promise<void> {
  try {
    const boot = await bootOffice();
    const en = pickLocale(boot.displayLanguage) === "en-US";
    if (!boot.env) {
      await showProblem(
        en
          ? "This version of Excel lacks ExcelApi 1.9."
          : "此版本的 Excel 太旧，不支持信用考核助手：需要 Excel 2021 或更高版本、订阅版 Excel，或网页版 Excel。",
      );
      return;
    }
    const progress = progressDialog(en);
    const deadline = { at: RIBBON.now() + RIBBON.runMs, now: RIBBON.now };
    let failure: unknown = null;
    try {
      await new OfficeWorkbook(boot.env, undefined, { deadline }).recalculate();
    } catch (e) {
      failure = e;
    }
    await progress.done();
    if (failure !== null) {
      const p = describeProblem(failure);
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
