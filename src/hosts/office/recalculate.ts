/// <reference types="office-js" />
// One recalculation: read → assess → plan → apply, the same path as the command line (src/hosts/xlsx/workbook.ts).
//
// Round trips (context.sync()), never one per row or per cell:
// - a county's workbook (a few hundred rows): 2, one read and one write, when the assessment sheet is 考核表 or the
//   one remembered from an earlier run; 3 when every sheet has to be looked at first, or when the remembered sheet
//   was renamed since (its new name is known from its id after the first read);
// - a big one: 1 + k + f reads and m writes, where k = the rest of the sheet in row blocks spread evenly over
//   ⌈rows × columns × bytes per cell ÷ 3.5 MB⌉ syncs (without fills; rest-read.ts), f = the fills of cells about to
//   be highlighted that the memory does not know (0 on a second run, usually 1 on a first), and m = the writes packed
//   at SYNC_BUDGET (≈ ⌈request bytes ÷ 3.5 MB⌉). No request or response is planned above 3.5 MB (Excel on the web refuses 5 MB).
import {
  type Assessment,
  type AssessOptions,
  type HandEdit,
  type ReportFinding,
  type Snapshot,
  type ToolMemory,
  type WritePlan,
  MEMORY_SHEET,
  WorkbookError,
  address,
  assess,
  encodeMemory,
  handEditFinding,
  handEdits,
  keptInAddin,
  pendingWrites,
  plan,
  reportFinding,
} from "../../core";
import { HENGDONG_2020 } from "../../rules/hengdong-2020";
import type { Settings } from "../../rules/settings";
import { applyOps, planOps } from "./apply";
import { type ExcelRun, type DocumentSettings, HINT_SHEET } from "./env";
import { protectionError } from "./errors";
import { followRenames, interimMemory, withSheetIds } from "./memory";
import { Io } from "./io";
import { type ReadOptions, probe, readFirst } from "./first-read";
import { type WorkbookRead } from "./sheet-read";
import { complete } from "./rest-read";
import { readFills } from "./fills-read";

/** What one run did: the assessment, the plan it wrote (only what differed was sent), its round trips, and the host's
 * own warnings for the report (a protected ledger). */
export interface Run {
  readonly assessment: Assessment;
  readonly plan: WritePlan;
  readonly syncs: number;
  readonly findings: readonly ReportFinding[];
  /** Scores typed over by hand that this run kept as typed (an indicator's or 加分's). */
  readonly handEdits: readonly HandEdit[];
}

export interface RecalcOptions {
  /** Settings chosen in the pane; they win over those saved in the workbook and are saved with this run. */
  readonly settings?: Partial<Settings>;
  readonly rulebook?: AssessOptions["rulebook"];
  /** Called after each stage, for progress. */
  readonly onStep?: (step: "read" | "score" | "write") => void;
  /** Called with the plan just before it is written (the workbook port learns which columns are its own). */
  readonly onPlan?: (plan: WritePlan) => void;
  /** The host has ExcelApi 1.13: merged areas are read, so that no score column is placed inside one. */
  readonly mergedAreas?: boolean;
  /** Stop before a round trip that would start after this (the ribbon's runtime has 5 minutes): OutOfTime. */
  readonly deadline?: { readonly at: number; readonly now: () => number };
}

function assessWith(snapshot: Snapshot, options: RecalcOptions): Assessment {
  const saved = snapshot.memory?.settings ?? {};
  return assess(snapshot, {
    rulebook: options.rulebook,
    settings: { ...saved, ...options.settings } as Partial<Settings>,
  });
}

/** The assessment, when the sheets read so far decide it (the core took 考核表 or the remembered sheet: either wins
 * over every sheet not read); null when the other sheets have to be looked at. */
function assessedIfDecided(wb: WorkbookRead, state: ToolMemory | null, options: RecalcOptions): Assessment | null {
  const rulebook = options.rulebook ?? HENGDONG_2020;
  const byName = [rulebook.assessmentSheet, rulebook.ledger.sheet, rulebook.adjustments.sheet];
  // Every sheet the core may take by its name must have been read.
  if (!wb.names.every((n) => !byName.includes(n.trim()) || wb.sheet(n)?.probed)) return null;
  try {
    const a = assessWith(wb.snapshot(state), options);
    const chosen = a.layout.sheet.name;
    if (chosen.trim() === rulebook.assessmentSheet || chosen === state?.assessmentSheet) return a;
  } catch (e) {
    // A sheet named 考核表 decides by itself, so its error is final; otherwise look at every sheet first.
    const named = wb.names.some((n) => n.trim() === rulebook.assessmentSheet && wb.sheet(n)?.probed);
    if (!(e instanceof WorkbookError) || named) throw e;
  }
  return null;
}

/** Reads the rest of the chosen assessment sheet and ledger, and assesses on them whole. */
async function readWholeAndAssess(
  io: Io,
  wb: WorkbookRead,
  state: ToolMemory | null,
  a: Assessment,
  options: RecalcOptions,
): Promise<Assessment> {
  // The 核定调整 sheet is read whole too: the office's decisions apply in the add-in as on the command line.
  const rulebook = options.rulebook ?? HENGDONG_2020;
  const adjustments = wb.names.filter((n) => n.trim() === rulebook.adjustments.sheet);
  const names = [a.layout.sheet.name, ...(a.ledgerLayout ? [a.ledgerLayout.sheet.name] : []), ...adjustments];
  if (names.every((n) => wb.sheet(n)?.complete)) return a;
  await complete(io, wb, names);
  const again = assessWith(wb.snapshot(state), options);
  const chosen = [again.layout.sheet.name, ...(again.ledgerLayout ? [again.ledgerLayout.sheet.name] : [])];
  // The header rows were in the first blocks, so the choice stands; were it to change, the new sheets are read too.
  return chosen.every((n) => wb.sheet(n)?.complete) ? again : readWholeAndAssess(io, wb, state, again, options);
}

/** Cells the plan will highlight whose own fill it needs (the memory does not know it) and that was not read. */
function neededFills(
  a: Assessment,
  state: ToolMemory | null,
  wb: WorkbookRead,
  kept: readonly HandEdit[],
): Map<string, [number, number][]> {
  const main = a.layout.sheet.name;
  const need = new Map<string, [number, number][]>();
  const add = (sheet: string, row?: number, col?: number) => {
    if (row === undefined || col === undefined) return;
    if (state?.highlights[sheet]?.[address(row, col)] || wb.sheet(sheet)?.fillKnown(row, col)) return;
    const list = need.get(sheet) ?? [];
    list.push([row, col]);
    need.set(sheet, list);
  };
  for (const u of a.units) for (const f of u.findings) if (f.kind !== "warning") add(f.sheet ?? main, f.row, f.col);
  for (const f of a.findings) if (f.kind !== "warning") add(f.sheet ?? main, f.row, f.col);
  for (const e of kept) add(main, e.row, e.col);
  return need;
}

/** A protected ledger: scores as usual, its cells are not highlighted and its memory stays as it was. */
function withoutFillsOn(p: WritePlan, sheet: string, previous: ToolMemory | null): WritePlan {
  const highlights = { ...p.memory.highlights };
  delete highlights[sheet];
  if (previous?.highlights[sheet]) highlights[sheet] = previous.highlights[sheet];
  const state: ToolMemory = { ...p.memory, highlights };
  return {
    ...p,
    formats: p.formats.filter((f) => f.sheet !== sheet),
    memory: state,
    memoryChunks: encodeMemory(state),
  };
}

function protectedLedgerWarning(sheet: string): ReportFinding {
  return {
    kind: "warning",
    sheet,
    message: `工作表“${sheet}”受保护：其中缺少材料、数据有误的单元格未标色（得分照常计算，问题见本列表）。撤销保护（审阅 → 撤销工作表保护）后再计算即可标色。`,
  };
}

export async function recalculate(
  run: ExcelRun,
  settings: DocumentSettings,
  options: RecalcOptions = {},
): Promise<Run> {
  const rulebook = options.rulebook ?? HENGDONG_2020;
  const hint = settings.get(HINT_SHEET);
  const likely = [
    rulebook.assessmentSheet,
    ...(typeof hint === "string" ? [hint] : []),
    rulebook.ledger.sheet,
    rulebook.adjustments.sheet,
  ];
  const readOptions: ReadOptions = {
    mergedAreas: options.mergedAreas,
    noMerges: [rulebook.ledger.sheet, rulebook.adjustments.sheet],
  };
  const outcome = await run(async (context) => {
    const io = new Io(context, options.deadline);
    const wb = await readFirst(io, likely, readOptions);
    // The memory is needed whole to choose the sheet; it is rarely more than the first sync brought.
    if (wb.memoryPending) await complete(io, wb, []);
    options.onStep?.("read");

    // A sheet renamed since the last run is followed by its id; one deleted is simply gone.
    const { state } = followRenames(wb.memory(), wb.sheets);
    // The remembered sheet, and any sheet holding remembered highlights (a ledger renamed, say), is read before it is
    // trusted: its header row must read as the memory recorded (core/plan). Usually nothing to read here.
    const remembered = state?.assessmentSheet;
    const named = [...(remembered ? [remembered] : []), ...Object.keys(state?.highlights ?? {})];
    const unread = [...new Set(named)].filter((n) => wb.names.includes(n) && !wb.sheet(n)?.probed);
    if (unread.length > 0) await probe(io, wb, unread, readOptions);
    let first = assessedIfDecided(wb, state, options);
    if (first === null) {
      const others = wb.names.filter((n) => n.trim() !== rulebook.rankingSheet);
      await probe(io, wb, others, readOptions);
      first = assessWith(wb.snapshot(state), options);
    }
    const assessment = await readWholeAndAssess(io, wb, state, first, options);
    // Scores typed over by hand since the last run (workbook.md, hand edits): an indicator's or 加分's is kept as typed
    // and highlighted; 总分, 排名 and 核查意见 are written over with a warning.
    const edits = handEdits(assessment, state);
    const kept = edits.filter((e) => keptInAddin(assessment, e));
    const need = neededFills(assessment, state, wb, kept);
    if (need.size > 0) await readFills(io, wb, need);
    options.onStep?.("score");

    // Nothing is written when a sheet the run must write to is protected: the user is told which, and how to undo it.
    const main = assessment.layout.sheet.name;
    if (wb.workbookProtected) throw protectionError(null);
    if (wb.sheet(main)?.protected) throw protectionError(main);
    if (wb.memoryExists && wb.memoryProtected) throw protectionError(MEMORY_SHEET);
    const snapshot = wb.snapshot(state);
    let writePlan = withSheetIds(plan(assessment, snapshot, { keepEdits: kept }), wb.sheets);
    const ledger = assessment.ledgerLayout?.sheet.name;
    const ledgerProtected = ledger !== undefined && wb.sheet(ledger)?.protected === true;
    if (ledgerProtected) writePlan = withoutFillsOn(writePlan, ledger, state);
    options.onPlan?.(writePlan);
    const present = new Set(wb.names);
    const formatAt = (sheet: string, row: number, col: number) => wb.sheet(sheet)?.formatAt(row, col);
    // Only what differs from what was read is written: a run that finds nothing new raises no change event, so
    // auto-recalculation settles (core/plan/pending.ts).
    const pending = pendingWrites(writePlan, snapshot, {
      fillKnown: (sheet, row, col) => wb.sheet(sheet)?.fillKnown(row, col) ?? false,
      formatAt,
      rankingExists: wb.names.includes(writePlan.ranking.name),
    });
    await applyOps(
      io,
      planOps(pending.plan, {
        names: wb.names,
        formatAt,
        skipFills: new Set(ledgerProtected ? [ledger] : []),
        interimChunks: interimMemory(state, writePlan.memory, present),
        memoryRead: wb.memoryExists ? wb.memoryChunks : null,
        writeRanking: pending.ranking,
      }),
    );
    options.onStep?.("write");
    return {
      assessment,
      plan: writePlan,
      syncs: io.syncs,
      findings: [
        ...(ledgerProtected ? [protectedLedgerWarning(ledger)] : []),
        ...edits.filter((e) => !keptInAddin(assessment, e)).map((e) => reportFinding(handEditFinding(e), main)),
      ],
      handEdits: kept,
    };
  });
  // Only a hint for the next run's first read (which sheets it includes); never trusted, and a stale one costs a
  // round trip. Everything the tool must agree on lives in the workbook's hidden sheet.
  if (settings.get(HINT_SHEET) !== outcome.plan.sheet) {
    settings.set(HINT_SHEET, outcome.plan.sheet);
    await settings.save();
  }
  return outcome;
}
