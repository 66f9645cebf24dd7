// The simulated Excel (src/preview/excel/): the names the preview and the tests import from it.
export {
  type CellModel,
  FakeDocument,
  FakeExcel,
  FakeOfficeError,
  type FillModel,
  HORIZONTAL_ALIGNMENTS,
  MERGED_AREAS_MAX,
  type Rect,
  SheetModel,
  VERTICAL_ALIGNMENTS,
  colLetters,
  parseRect,
} from "./range";
