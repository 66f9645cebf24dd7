// The pane's engine chunk, loaded on first use: one run of the Office host, turned into what the pane shows.
import type { OfficeEnv } from "../hosts/office/env";
import { type RecalcOptions, recalculate } from "../hosts/office/recalculate";
import { type Outcome, buildOutcome } from "./outcome";

export async function scoreInExcel(env: OfficeEnv, options: RecalcOptions): Promise<Outcome> {
  const run = await recalculate(env.run, env.settings, options);
  return buildOutcome(run.assessment, run.plan, run.syncs, run.findings, run.handEdits);
}
