// A Workbook port for pane tests: wraps the real Office host on the fake Excel, with a gate that holds a
// recalculation open (to see the working state) and a switch that makes the next call fail like Excel does.
import type { AdjustmentEntry } from "../../src/core";
import type { Settings } from "../../src/rules/settings";
import type { Outcome } from "../../src/taskpane/outcome";
import type { CellRef, Step, Unsubscribe, WorkbookPort } from "../../src/taskpane/port";
import { OfficeWorkbook } from "../../src/taskpane/office-workbook";
import { FakeExcel } from "../../src/preview/excel";
import { fakeEnv } from "../fakes/env";

export class GatedWorkbook implements WorkbookPort {
  readonly host: OfficeWorkbook;
  gate: Promise<void> | null = null;
  failNext: unknown = null;
  calls = { recalculate: 0, selectCell: [] as string[] };
  constructor(readonly excel: FakeExcel) {
    this.host = new OfficeWorkbook(fakeEnv(excel));
  }
  hold(): () => void {
    let open!: () => void;
    this.gate = new Promise<void>((r) => (open = r));
    return () => {
      this.gate = null;
      open();
    };
  }
  private failing(): void {
    const e = this.failNext;
    this.failNext = null;
    if (e) throw e;
  }
  async recalculate(settings?: Partial<Settings>, onStep?: (s: Step) => void): Promise<Outcome> {
    this.calls.recalculate++;
    if (this.gate) await this.gate;
    this.failing();
    return this.host.recalculate(settings, onStep);
  }
  async generateTemplate() {
    this.failing();
    return this.host.generateTemplate();
  }
  async selectCell(sheet: string, address: string) {
    this.calls.selectCell.push(`${sheet}!${address}`);
    this.failing();
    return this.host.selectCell(sheet, address);
  }
  onSelectionChanged(l: (c: CellRef) => void): Promise<Unsubscribe> {
    return this.host.onSelectionChanged(l);
  }
  onDataChanged(l: (c: CellRef) => void): Promise<Unsubscribe> {
    return this.host.onDataChanged(l);
  }
  onResultsChanged(l: () => void): Promise<Unsubscribe> {
    return this.host.onResultsChanged(l);
  }
  loadSettings() {
    return this.host.loadSettings();
  }
  saveSettings(s: Settings) {
    return this.host.saveSettings(s);
  }
  autoRecalc() {
    return this.host.autoRecalc();
  }
  setAutoRecalc(on: boolean) {
    return this.host.setAutoRecalc(on);
  }
  addAdjustment(entry: AdjustmentEntry) {
    this.failing();
    return this.host.addAdjustment(entry);
  }
  restoreCell(sheet: string, address: string, value: number | string | null) {
    this.failing();
    return this.host.restoreCell(sheet, address, value);
  }
}
