// The Office host's surroundings over the fake Excel.
import type { OfficeEnv } from "../../src/hosts/office/env";
import type { FakeExcel } from "../../src/preview/excel";

export function fakeEnv(excel: FakeExcel, displayLanguage = "zh-CN"): OfficeEnv {
  return {
    run: excel.run,
    runOn: excel.runOn,
    isSetSupported: excel.isSetSupported,
    settings: excel.settings,
    displayLanguage,
  };
}
