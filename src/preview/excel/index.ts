// The simulated Excel (src/preview/excel/): the names the preview and the tests import from it.
export { colLetters, parseRect } from "./addresses";
export { type CellModel, FakeDocument, type FillModel, type Rect, SheetModel } from "./document";
export { FakeOfficeError } from "./errors";
export { MERGED_AREAS_MAX } from "./merges";
export { FakeExcel, HORIZONTAL_ALIGNMENTS, VERTICAL_ALIGNMENTS } from "./range";
