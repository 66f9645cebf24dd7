// The pane's state machine over the Workbook port: idle → working → results | error. Every failure lands in the
// error state with a message; nothing is swallowed.
import { useCallback, useEffect, useRef, useState } from "react";
import type { AdjustmentEntry } from "../core";
import type { Settings } from "../rules/settings";
import { type ProblemMessage, describeProblem } from "./problems";
import type { Outcome } from "./outcome";
import type { CellRef, Step, Unsubscribe, WorkbookPort } from "./port";

export type PaneState =
  | { readonly kind: "idle"; readonly notice?: string }
  | { readonly kind: "working"; readonly step?: Step; readonly previous?: Outcome }
  | { readonly kind: "results"; readonly outcome: Outcome }
  | { readonly kind: "error"; readonly problem: ProblemMessage; readonly previous?: Outcome };

export const AUTO_DEBOUNCE_MS = 1500;

function lastOutcome(s: PaneState): Outcome | undefined {
  return s.kind === "results" ? s.outcome : s.kind === "working" || s.kind === "error" ? s.previous : undefined;
}

/** An effect's cleanup for a registration that resolves later: unsubscribes when unmounted, even if the
 * registration only completes after that; every failure goes to `fail`. */
function whileMounted(registering: Promise<Unsubscribe>, fail: (e: unknown) => void): () => void {
  let stop: Unsubscribe | undefined;
  let alive = true;
  registering
    .then((s) => {
      if (alive) stop = s;
      else s().catch(fail);
    })
    .catch(fail);
  return () => {
    alive = false;
    stop?.().catch(fail);
  };
}

/** Scores again `debounceMs` after the last of a burst of events `register` reports; the effect's cleanup. */
function rescoreOn(
  register: (listener: () => void) => Promise<Unsubscribe>,
  recalculate: () => Promise<void>,
  debounceMs: number,
  fail: (e: unknown) => void,
): () => void {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const stop = whileMounted(
    register(() => {
      if (timer !== undefined) clearTimeout(timer);
      timer = setTimeout(() => {
        timer = undefined;
        void recalculate();
      }, debounceMs);
    }),
    fail,
  );
  return () => {
    if (timer !== undefined) clearTimeout(timer);
    stop();
  };
}

export function useWorkbook(workbook: WorkbookPort, debounceMs = AUTO_DEBOUNCE_MS) {
  const [state, setState] = useState<PaneState>({ kind: "idle" });
  const [selected, setSelected] = useState<CellRef | null>(null);
  const [auto, setAutoState] = useState(false);
  /** The sheets were edited since the last run began, and nothing rescored them (编辑后自动重新计算 is off). */
  const [stale, setStale] = useState(false);
  const stateRef = useRef(state);
  stateRef.current = state;

  const fail = useCallback((e: unknown) => {
    setState({ kind: "error", problem: describeProblem(e), previous: lastOutcome(stateRef.current) });
  }, []);

  // Runs are queued by the port (a run asked for during another follows it, on the edited values); the pane shows the
  // outcome of the last one asked for, and stays "working" until then.
  const latest = useRef(0);
  // When the last run began and ended: before ExcelApi 1.14 no event says which writes were the add-in's own, and its
  // fills may raise onChanged (docs/excel-addin.md), so changes reported during a run or within one debounce of its
  // end do not mark the results stale.
  const runEnded = useRef(0);
  const recalculate = useCallback(
    async (settings?: Partial<Settings>) => {
      const me = ++latest.current;
      // the run reads the values as they stand now; an edit from here on makes its results stale again
      setStale(false);
      runEnded.current = Number.POSITIVE_INFINITY;
      setState((s) => (s.kind === "working" ? s : { kind: "working", previous: lastOutcome(s) }));
      try {
        const outcome = await workbook.recalculate(settings, (step) =>
          setState((s) => (s.kind === "working" ? { ...s, step } : s)),
        );
        if (me === latest.current) setState({ kind: "results", outcome });
      } catch (e) {
        if (me === latest.current) fail(e);
      } finally {
        if (me === latest.current) runEnded.current = Date.now();
      }
    },
    [workbook, fail],
  );

  const generateTemplate = useCallback(async () => {
    setState((s) => ({ kind: "working", previous: lastOutcome(s) }));
    try {
      const { sheet } = await workbook.generateTemplate();
      setState({ kind: "idle", notice: sheet });
    } catch (e) {
      fail(e);
    }
  }, [workbook, fail]);

  // 登记核定调整: the row appended, then the workbook scored again with it.
  const addAdjustment = useCallback(
    async (entry: AdjustmentEntry) => {
      try {
        await workbook.addAdjustment(entry);
      } catch (e) {
        fail(e);
        return;
      }
      await recalculate();
    },
    [workbook, fail, recalculate],
  );

  // 恢复计算结果: the tool's value written back, then scored again (the cell no longer differs from the record).
  const restoreCell = useCallback(
    async (sheet: string, address: string, value: number | string | null) => {
      try {
        await workbook.restoreCell(sheet, address, value);
      } catch (e) {
        fail(e);
        return;
      }
      await recalculate();
    },
    [workbook, fail, recalculate],
  );

  const selectCell = useCallback(
    (sheet: string, address: string) => {
      workbook.selectCell(sheet, address).catch(fail);
    },
    [workbook, fail],
  );

  // The switch is kept in the workbook: read once when the pane opens (a click before the answer wins).
  const touched = useRef(false);
  useEffect(() => {
    let alive = true;
    workbook
      .autoRecalc()
      .then((on) => {
        if (alive && !touched.current) setAutoState(on);
      })
      .catch(fail);
    return () => {
      alive = false;
    };
  }, [workbook, fail]);

  // Selection: registered when the pane opens and again after each run (the sheets may have changed, and a run may
  // have made 考核排名 anew).
  const outcome = lastOutcome(state);
  const sheetKey = outcome ? `${outcome.sheet}|${outcome.ledgerSheet ?? ""}` : "";
  useEffect(
    () =>
      whileMounted(
        workbook.onSelectionChanged((cell) => setSelected(cell)),
        fail,
      ),
    [workbook, fail, outcome],
  );

  // 编辑后自动重新计算: onChanged, debounced, registered each time the pane opens with the switch on.
  useEffect(
    () => (auto ? rescoreOn((l) => workbook.onDataChanged(l), recalculate, debounceMs, fail) : undefined),
    [auto, workbook, recalculate, debounceMs, fail, sheetKey],
  );

  // With the switch off, an edit after a run only marks the results stale: the pane says so and offers a run.
  const hasOutcome = outcome !== undefined;
  useEffect(
    () =>
      !auto && hasOutcome
        ? whileMounted(
            workbook.onDataChanged(() => {
              if (Date.now() - runEnded.current > debounceMs) setStale(true);
            }),
            fail,
          )
        : undefined,
    [auto, hasOutcome, workbook, fail, sheetKey, debounceMs],
  );

  // Scores written by the ribbon's 重新计算 or a co-author's add-in: a run brings the pane up to date (it reads, and
  // writes nothing where the scores already stand as it computes them).
  useEffect(
    () => rescoreOn((l) => workbook.onResultsChanged(l), recalculate, debounceMs, fail),
    [workbook, recalculate, debounceMs, fail, sheetKey],
  );

  const setAuto = useCallback(
    (on: boolean) => {
      touched.current = true;
      setAutoState(on);
      workbook.setAutoRecalc(on).catch(fail);
    },
    [workbook, fail],
  );

  return {
    state,
    selected,
    auto,
    stale,
    setAuto,
    recalculate,
    generateTemplate,
    selectCell,
    addAdjustment,
    restoreCell,
    fail,
  };
}
