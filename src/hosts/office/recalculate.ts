/// <reference types="office-js" />
// One recalculation: read → assess → plan → apply, the same path as the command line (src/hosts/xlsx/workbook.ts).
// Two context.sync() calls when the assessment sheet is 考核表 or the one remembered from an earlier run (one read,
// one write); three when every sheet has to be looked at first. Never a sync per row or per cell.
import { type Assessment, type AssessOptions, type Snapshot, WorkbookError, assess, plan } from "../../core";
import { HENGDONG_2020 } from "../../rules/hengdong-2020";
import type { Settings } from "../../rules/settings";
import { queuePlan } from "./apply";
import { type ExcelRun, type DocumentSettings, HINT_SHEET } from "./env";
import { type Outcome, buildOutcome } from "./outcome";
import { type WorkbookRead, readLikely, readRest } from "./read";

export interface RecalcOptions {
  /** Settings chosen in the pane; they win over those saved in the workbook and are saved with this run. */
  readonly settings?: Partial<Settings>;
  readonly rulebook?: AssessOptions["rulebook"];
  /** Called with the sync count after each context.sync(), for progress. */
  readonly onStep?: (step: "read" | "score" | "write") => void;
}

function assessWith(snapshot: Snapshot, options: RecalcOptions): Assessment {
  const saved = snapshot.state?.settings ?? {};
  return assess(snapshot, {
    rulebook: options.rulebook,
    settings: { ...saved, ...options.settings } as Partial<Settings>,
  });
}

/** Every sheet the core may look at by name was loaded: then the core's choice on this snapshot is final. */
function decisive(read: WorkbookRead, names: readonly string[]): boolean {
  return read.names.every((n) => !names.includes(n.trim()) || read.loaded.has(n));
}

export async function recalculate(
  run: ExcelRun,
  settings: DocumentSettings,
  options: RecalcOptions = {},
): Promise<Outcome> {
  const rulebook = options.rulebook ?? HENGDONG_2020;
  const hint = settings.get(HINT_SHEET);
  const likely = [rulebook.assessmentSheet, ...(typeof hint === "string" ? [hint] : []), rulebook.ledger.sheet];
  const outcome = await run(async (context) => {
    let syncs = 0;
    const counted = async <T>(p: Promise<T>) => {
      const r = await p;
      syncs++;
      return r;
    };
    let read = await counted(readLikely(context, { likely }));
    options.onStep?.("read");
    let assessment: Assessment | null = null;
    const byName = [rulebook.assessmentSheet, rulebook.ledger.sheet];
    if (decisive(read, byName)) {
      try {
        const a = assessWith(read.snapshot, options);
        // Final only when the core took 考核表 or the remembered sheet: either wins over every sheet not loaded.
        const chosen = a.layout.sheet.name;
        if (chosen.trim() === rulebook.assessmentSheet || chosen === read.snapshot.state?.assessmentSheet) {
          assessment = a;
        }
      } catch (e) {
        // Not decided on the likely sheets alone: look at every sheet before giving the user an answer. A sheet
        // named 考核表 decides by itself, so its error is final.
        const named = read.names.some((n) => n.trim() === rulebook.assessmentSheet && read.loaded.has(n));
        if (!(e instanceof WorkbookError) || named || read.loaded.size === read.names.length) throw e;
      }
    }
    if (assessment === null) {
      read = await counted(readRest(context, read, new Set([rulebook.rankingSheet])));
      assessment = assessWith(read.snapshot, options);
    }
    options.onStep?.("score");
    const writePlan = plan(assessment, read.snapshot);
    queuePlan(context, writePlan, { names: read.names });
    await counted(context.sync());
    options.onStep?.("write");
    return buildOutcome(assessment, writePlan, syncs);
  });
  if (settings.get(HINT_SHEET) !== outcome.sheet) {
    settings.set(HINT_SHEET, outcome.sheet);
    await settings.save();
  }
  return outcome;
}
