// What the preview page hands the task pane's frame: the simulated Excel (src/preview/excel/) the pane's Office host
// talks to, and a way to say that the workbook changed so the grid redraws. The preview page sets it on its window
// before it loads the pane; the pane's office.js stand-in (office-shim.ts) reads it from window.parent.
import type { FakeExcel } from "./excel";

export interface PreviewHost {
  readonly excel: FakeExcel;
  /** Office's display language for the pane: zh-CN or en-US. */
  readonly displayLanguage: string;
  /** After each Excel.run of the pane: the grid redraws and, when the add-in moved the selection, Excel's
   * onSelectionChanged fires. */
  changed(): void;
}

export const HOST_KEY = "xinyongPreview";

export type PreviewWindow = Window & { [HOST_KEY]?: PreviewHost };
