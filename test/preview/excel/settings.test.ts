// The simulated Excel's document settings (application.ts): a copy per runtime, saved whole.
import { FakeExcel } from "../../../src/preview/excel";

describe("fake Excel: document settings", () => {
  it("are a copy per runtime, and saveAsync writes the whole copy back: the last runtime to save wins", async () => {
    const pane = new FakeExcel();
    pane.settings.set("a", 1);
    await pane.settings.save();
    const ribbon = new FakeExcel(pane.doc); // started after the pane saved: sees a = 1
    expect(ribbon.settings.get("a")).toBe(1);
    pane.settings.set("b", 2);
    await pane.settings.save();
    expect(ribbon.settings.get("b")).toBeUndefined(); // its copy is its own
    ribbon.settings.set("a", 3);
    await ribbon.settings.save();
    // the ribbon's whole bag replaced the pane's: b is gone from the document
    expect([...pane.doc.settings]).toEqual([["a", 3]]);
  });
});
