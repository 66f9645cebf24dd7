// The pane's Workbook port over the Office host: runs queued so that an edit during a run is never lost, the sheets
// watched for the user's edits and selection (the assessment and ledger sheets, registered each time the pane opens),
// and the settings and switch kept in the workbook. Every call to Excel goes through the host (hosts/office).
import { type AdjustmentEntry, MAX_COLS, WorkbookError, address, localPart, parseRange } from "../core";
import { appendAdjustment } from "../hosts/office/adjustments";
import { writeCell } from "../hosts/office/restore";
import { HENGDONG_2020 } from "../rules/hengdong-2020";
import { DEFAULT_SETTINGS, type Settings, settingsProblem } from "../rules/settings";
import { HINT_SHEET, type OfficeEnv } from "../hosts/office/env";
import { type SheetEvent, listenSheets, selectCell } from "../hosts/office/events";
import { readMemory, updateMemory } from "../hosts/office/memory-sheet";
import type { RecalcOptions } from "../hosts/office/recalculate";
import type { Outcome } from "./outcome";
import type { CellRef, Step, Unsubscribe, WorkbookPort } from "./port";

// The engine (the core's reading, scoring and planning, and the host's reading and writing) loads when first used, in
// a chunk of its own: the pane's first load is its user interface (test/manifest: under 150 KB gzip).
const engine = () => import(/* webpackChunkName: "engine" */ "./engine.js");
const templates = () => import(/* webpackChunkName: "engine" */ "../hosts/office/template.js");

/** The first cell of an address such as B4 or B4:C9 (as it stands when it is no address). */
function firstCell(a1: string): string {
  const r = parseRange(a1);
  return r ? address(r.top, r.left) : localPart(a1);
}

/** Whether a changed range lies wholly inside the columns the tool writes (its own writes fire onChanged too). Whole
 * rows are not. */
export function insideColumns(a1: string, columns: readonly number[]): boolean {
  const r = parseRange(a1);
  if (!r || columns.length === 0 || (r.left === 1 && r.right === MAX_COLS)) return false;
  for (let c = r.left; c <= r.right; c++) if (!columns.includes(c)) return false;
  return true;
}

export class OfficeWorkbook implements WorkbookPort {
  private last: Outcome | null = null;
  /** The run under way, and the one asked for while it runs (at most one: further asks join it). */
  private current: Promise<Outcome> | null = null;
  private next: { promise: Promise<Outcome>; settings?: Partial<Settings>; onStep?: (step: Step) => void } | null =
    null;
  /** The sheet and columns the latest run writes values to, known before its writes reach Excel. */
  private own: { sheet: string; columns: readonly number[] } | null = null;
  constructor(
    private readonly env: OfficeEnv,
    private readonly rulebook = HENGDONG_2020,
    /** Limits on each run: the ribbon's runtime has 5 minutes (recalculate.ts, deadline). */
    private readonly limits: Pick<RecalcOptions, "deadline"> = {},
  ) {}

  /** Scores the workbook. Asked again while a run is under way (an edit, the user's or a co-author's, arrived during
   * it), one more run follows it, on the edited values, and every ask made meanwhile gets that run's outcome: the
   * scores written last are never older than the last edit. */
  recalculate(settings?: Partial<Settings>, onStep?: (step: Step) => void): Promise<Outcome> {
    if (this.current === null && this.next === null) return this.start(settings, onStep);
    if (this.next === null) {
      const after = this.current!.then(
        () => undefined,
        () => undefined,
      );
      const promise = after.then(() => {
        const queued = this.next!;
        this.next = null;
        return this.start(queued.settings, queued.onStep);
      });
      this.next = { promise, settings, onStep };
    } else {
      this.next.settings = settings ?? this.next.settings;
      this.next.onStep = onStep ?? this.next.onStep;
    }
    return this.next.promise;
  }

  private start(settings?: Partial<Settings>, onStep?: (step: Step) => void): Promise<Outcome> {
    const options: RecalcOptions = {
      settings,
      onStep,
      rulebook: this.rulebook,
      mergedAreas: this.env.isSetSupported("ExcelApi", "1.13"),
      ...this.limits,
      onPlan: (plan) => {
        this.own = { sheet: plan.sheet, columns: plan.scoreColumns.map((c) => c.col) };
      },
    };
    const run = engine()
      .then(({ scoreInExcel }) => scoreInExcel(this.env, options))
      .then((outcome) => {
        this.last = outcome;
        return outcome;
      });
    const settled = run.finally(() => {
      if (this.current === settled) this.current = null;
    });
    this.current = settled;
    return settled;
  }

  async generateTemplate(): Promise<{ sheet: string }> {
    const { generateTemplate } = await templates();
    return generateTemplate(this.env.run, this.rulebook);
  }

  selectCell(sheet: string, address: string): Promise<void> {
    return selectCell(this.env.run, sheet, address);
  }

  /** The assessment sheet as far as known without scoring (last run, else 考核表) and the ledger; for selection also
   * 考核排名 (a score there explains itself as on the assessment sheet), never for edits (the tool writes it). */
  private watched(names: readonly string[], which: "onChanged" | "onSelectionChanged"): string[] {
    const hint = this.last?.sheet ?? this.env.settings.get(HINT_SHEET);
    const main = typeof hint === "string" && names.includes(hint) ? hint : this.rulebook.assessmentSheet;
    const ledger = this.last?.ledgerSheet ?? this.rulebook.ledger.sheet;
    const ranking = which === "onSelectionChanged" ? [this.rulebook.rankingSheet] : [];
    return [...new Set([main, ledger, ...ranking])].filter((n) => names.includes(n));
  }

  private listen(
    which: "onChanged" | "onSelectionChanged",
    handler: (sheet: string, args: SheetEvent) => void,
  ): Promise<Unsubscribe> {
    return listenSheets(this.env.run, this.env.runOn, which, (names) => this.watched(names, which), handler);
  }

  onSelectionChanged(listener: (cell: CellRef) => void): Promise<Unsubscribe> {
    return this.listen("onSelectionChanged", (sheet, args) => listener({ sheet, address: firstCell(args.address) }));
  }

  /** Edits on the assessment and ledger sheets, the user's own (source Local) and a co-author's (source Remote)
   * alike: both change what the scores should be. The add-in's own writes are left out: ExcelApi 1.14 marks them
   * (triggerSource ThisLocalAddin); before that, they are the values written into the score columns, by this run or
   * by the add-in of a co-author (which arrive as Remote). An edit made while a run is under way is reported too: the
   * run read the cell before it, so the listener's recalculation (coalesced, see recalculate) is needed. Fills are
   * formatting and raise no onChanged. */
  onDataChanged(listener: (cell: CellRef) => void): Promise<Unsubscribe> {
    return this.listen("onChanged", (sheet, args) => {
      const trigger = args.triggerSource;
      if (trigger === "ThisLocalAddin") return;
      const own = this.own ?? (this.last ? { sheet: this.last.sheet, columns: this.last.scoreColumns } : null);
      if (own && sheet === own.sheet && insideColumns(args.address, own.columns)) return;
      listener({ sheet, address: args.address });
    });
  }

  /** Writes into the score columns that ExcelApi 1.14 marks as not this runtime's (triggerSource Others): the ribbon's
   * 重新计算 (a runtime of its own) or a co-author's add-in. Before 1.14 no event says who wrote, and the add-in's own
   * writes would look the same, so nothing is reported there (docs/excel-addin.md). */
  onResultsChanged(listener: () => void): Promise<Unsubscribe> {
    return this.listen("onChanged", (sheet, args) => {
      if (args.triggerSource !== "Others") return;
      const own = this.own ?? (this.last ? { sheet: this.last.sheet, columns: this.last.scoreColumns } : null);
      if (own && sheet === own.sheet && insideColumns(args.address, own.columns)) listener();
    });
  }

  async loadSettings(): Promise<Settings> {
    const state = await readMemory(this.env.run);
    const merged = { ...DEFAULT_SETTINGS, ...(state?.settings ?? {}) } as Settings;
    return settingsProblem(merged) ? { ...DEFAULT_SETTINGS } : merged;
  }

  async saveSettings(settings: Settings): Promise<void> {
    const problem = settingsProblem(settings);
    if (problem) throw new WorkbookError(`设置有误：${problem}`);
    await updateMemory(this.env.run, (state) => ({ ...state, settings: { ...settings } }));
  }

  async autoRecalc(): Promise<boolean> {
    const state = await readMemory(this.env.run);
    return state?.office?.autoRecalc === true;
  }

  async setAutoRecalc(on: boolean): Promise<void> {
    await updateMemory(this.env.run, (state) => ({ ...state, office: { ...state.office, autoRecalc: on } }));
  }

  addAdjustment(entry: AdjustmentEntry): Promise<void> {
    return appendAdjustment(this.env.run, entry, this.rulebook);
  }

  restoreCell(sheet: string, address: string, value: number | string | null): Promise<void> {
    return writeCell(this.env.run, sheet, address, value);
  }
}
