// The simulated Excel: a fake of the Excel JavaScript API subset the Office host uses, faithful where it matters for correctness:
// proxies queue commands that run only at context.sync(), in order; reading a property that was not loaded, or was
// loaded but not yet synced, throws PropertyNotLoaded as Excel does; *OrNullObject gives null objects whose
// isNullObject is known only after a sync; a failing command rejects the sync with Excel's error code and leaves the
// commands before it applied. It counts syncs and the bytes each request carries each way, and refuses a request
// above Excel on the web's 5 MB payload limit (RequestPayloadSizeLimitExceeded) unless told otherwise. Bytes are
// UTF-8 bytes of the JSON carried (a Chinese character is 3). It also models sheet and workbook protection (writes fail
// with AccessDenied at sync), merged areas (a write that cuts through one fails with InvalidOperation; only the
// top-left cell holds a value), rows hidden by a filter (still read and written), RangeAreas for fills, and the
// source of change events (Local or Remote, and triggerSource from ExcelApi 1.14).
//
// One idea per file: the document (document.ts) and its A1 addresses (addresses.ts); the request context and its
// payload (context.ts, payload.ts), the proxies' load/sync semantics (client-object.ts) and how they fail (errors.ts);
// the workbook and its worksheets collection (workbook.ts), a worksheet (worksheet.ts, sheet-layout.ts), a range
// (range.ts, cells.ts, range-format.ts, range-areas.ts, merges.ts); protection (protection.ts), events (events.ts),
// Workbook.functions (functions.ts); and the application a runtime runs in (application.ts).
export { FakeExcel } from "./application";
export { colLetters, parseRect } from "./addresses";
export { type CellModel, FakeDocument, type FillModel, type Rect, SheetModel } from "./document";
export { FakeOfficeError } from "./errors";
export { MERGED_AREAS_MAX } from "./merges";
export { HORIZONTAL_ALIGNMENTS, VERTICAL_ALIGNMENTS } from "./range-format";
