// The Office host's run as the pane sees it (taskpane/engine.ts does the same in the add-in), for tests and the bench
// that drive the host without the pane.
import type { DocumentSettings, ExcelRun } from "../../src/hosts/office/env";
import { type RecalcOptions, recalculate as run } from "../../src/hosts/office/recalculate";
import { type Outcome, buildOutcome } from "../../src/taskpane/outcome";

export async function recalculate(
  excelRun: ExcelRun,
  settings: DocumentSettings,
  options: RecalcOptions = {},
): Promise<Outcome> {
  const r = await run(excelRun, settings, options);
  return buildOutcome(r.assessment, r.plan, r.syncs, r.findings, r.handEdits);
}
