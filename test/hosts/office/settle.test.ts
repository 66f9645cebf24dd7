// Auto-recalculation settles (issue: the add-in as real Excel behaves, item 1). The fake raises onChanged for fill and
// format writes too (the reading of Microsoft's pages that is harder on the add-in), delivers a co-author's writes as
// Remote, and gives triggerSource only from ExcelApi 1.14. The add-in writes only what differs from what it read
// (core/plan/pending.ts), so a run that finds nothing new writes nothing and raises nothing: whatever the events, a
// flagged workbook settles after at most one follow-up run per pane.
import type { Outcome } from "../../../src/taskpane/outcome";
import { OfficeWorkbook } from "../../../src/taskpane/office-workbook";
import { loadWorkbook } from "../../../src/hosts/xlsx/workbook";
import { FakeExcel } from "../../../src/preview/excel";
import { SAMPLE, documentFrom } from "../../fakes/from-xlsx";
import { fakeEnv } from "../../fakes/env";

/** A pane with 编辑后自动重新计算 on: changes the host reports start one run once they stop coming (the pane waits for a
 * short pause, so a burst of events is one run: here, once the fake has delivered every event in flight). */
async function pane(excel: FakeExcel) {
  const book = new OfficeWorkbook(fakeEnv(excel));
  let asked = false;
  const followUps: Outcome[] = [];
  await book.onDataChanged(() => {
    asked = true;
  });
  return {
    book,
    excel,
    followUps: () => followUps.length,
    /** Follow-up runs that wrote anything (more syncs than the one read). */
    writing: () => followUps.filter((o) => o.syncs > 1).length,
    run: () => book.recalculate(),
    /** Delivers the events in flight; if any asked for a run, makes it (as the pane's pause ends). */
    step: async (): Promise<boolean> => {
      await excel.settle();
      if (!asked) return false;
      asked = false;
      followUps.push(await book.recalculate());
      return true;
    },
  };
}

async function quiet(...panes: Awaited<ReturnType<typeof pane>>[]): Promise<void> {
  // Bounded: panes that never settle fail here instead of running for ever.
  for (let i = 0; i < 20; i++) {
    let any = false;
    for (const p of panes) any = (await p.step()) || any;
    if (!any) return;
  }
  throw new Error(`still recalculating after 20 rounds: ${panes.map((p) => p.followUps()).join(", ")} follow-ups`);
}

async function sampleDocument() {
  return documentFrom(await loadWorkbook(SAMPLE));
}

describe("auto-recalculation settles", () => {
  it.each(["1.9", "1.14"])("one pane, ExcelApi %s: at most one follow-up run, then nothing is written", async (v) => {
    const excel = new FakeExcel(await sampleDocument());
    excel.apiVersion = v;
    const a = await pane(excel);
    const first = await a.run();
    expect(first.report.units.some((u) => u.findings.some((f) => f.kind === "missing"))).toBe(true);
    await quiet(a);
    expect(a.followUps()).toBeLessThanOrEqual(1);
    expect(a.writing()).toBe(0);
    // with triggerSource the add-in's own writes are told apart: no follow-up at all
    if (v === "1.14") expect(a.followUps()).toBe(0);
    excel.syncCount = 0;
    const again = await a.book.recalculate();
    expect(again.syncs).toBe(1); // a read, and no write
  });

  it("an edit that fixes a flagged cell: its run, at most one follow-up, then quiet", async () => {
    const excel = new FakeExcel(await sampleDocument());
    const a = await pane(excel);
    const first = await a.run();
    await quiet(a);
    const before = a.followUps();
    const f = first.report.units.flatMap((u) => u.findings).find((x) => x.kind === "missing" && !x.sheet)!;
    await excel.edit("考核表", f.cell!, "已提供");
    await quiet(a);
    // the edit's own run (it writes), and at most one more for the fills that run changed (it writes nothing)
    expect(a.followUps() - before).toBeGreaterThanOrEqual(1);
    expect(a.followUps() - before).toBeLessThanOrEqual(2);
    expect(a.writing()).toBe(1);
  });

  it.each(["1.9", "1.14"])(
    "two panes on one workbook (co-authors), ExcelApi %s: each follows up at most once",
    async (v) => {
      const doc = await sampleDocument();
      const mine = new FakeExcel(doc);
      const theirs = new FakeExcel(doc);
      mine.apiVersion = v;
      theirs.apiVersion = v;
      const a = await pane(mine);
      const b = await pane(theirs);
      await a.run();
      await quiet(a, b);
      expect(a.followUps()).toBeLessThanOrEqual(1);
      expect(b.followUps()).toBeLessThanOrEqual(1);
      expect(a.writing() + b.writing()).toBe(0);
      // the co-author's pane saw the writes as Remote, and its run found them in place: it wrote nothing
      expect(b.followUps()).toBeGreaterThanOrEqual(1);
      theirs.syncCount = 0;
      expect((await b.book.recalculate()).syncs).toBe(1);
    },
  );

  it("a changed setting is a difference like any other: written once, then quiet", async () => {
    const excel = new FakeExcel(await sampleDocument());
    const a = await pane(excel);
    await a.run();
    await quiet(a);
    const before = a.followUps();
    excel.syncCount = 0;
    const changed = await a.book.recalculate({ naPolicy: "zero" });
    expect(changed.syncs).toBeGreaterThan(1); // scores and the ranking differ: written
    await quiet(a);
    expect(a.followUps() - before).toBeLessThanOrEqual(1);
    excel.syncCount = 0;
    expect((await a.book.recalculate({ naPolicy: "zero" })).syncs).toBe(1);
  });
});
