// The typed boundaries of the pure core: Snapshot → (locate, read) → UnitRecord → (score) → UnitResult → (plan) → WritePlan.
// Nothing here knows Excel, ExcelJS, a clock or a file system.

/** One cell's value as a host hands it over: formulas already resolved to their computed value, rich text joined. */
export type CellValue = null | string | number | boolean | DateCell | ErrorCell;
/** A cell the host knows to be a date (ExcelJS Date, or a number with a date format in Excel). */
export interface DateCell {
  readonly date: string; // YYYY-MM-DD, time part dropped
}
/** An error value such as #N/A or #VALUE!. */
export interface ErrorCell {
  readonly error: string;
}

export function isDateCell(v: CellValue): v is DateCell {
  return typeof v === "object" && v !== null && "date" in v;
}
export function isErrorCell(v: CellValue): v is ErrorCell {
  return typeof v === "object" && v !== null && "error" in v;
}

/** A cell's own fill as the host describes it; the core only stores it and hands it back, never looks inside. */
export type HostFill = string | number | boolean | null | HostFill[] | { [key: string]: HostFill };

/** One worksheet: a dense grid of values from A1 (rows[r][c] is row r+1, column c+1), plus what the tool needs to see
 * of formatting: the fills and notes of cells that have one (keyed by A1 address). */
export interface SheetSnapshot {
  readonly name: string;
  readonly visible: boolean;
  readonly rows: readonly (readonly CellValue[])[];
  readonly fills?: ReadonlyMap<string, HostFill>;
  readonly notes?: ReadonlyMap<string, string>;
  /** False when the host cannot see notes (Office.js without a cheap notes API): any cell may then carry a note of
   * the user's own, so the tool never attaches or removes one there. Default true. */
  readonly notesKnown?: boolean;
  /** Merged ranges as [top, left, bottom, right], 1-based, when the host knows them. Only a range's top-left cell has
   * a value in `rows`, yet the whole range is the office's: no score column is placed inside one. */
  readonly merges?: readonly (readonly [number, number, number, number])[];
  /** A1 addresses of formulas that read as blank in `rows` (never calculated, or computing ""), yet hold the office's
   * formula: no score column is placed on one. */
  readonly blankFormulas?: readonly string[];
}

/** Everything the tool remembers between runs, kept in the workbook itself (a hidden sheet or workbook settings). */
/** A value the tool wrote into a score cell: a number, a text (核查意见), or nothing. */
export type WrittenValue = number | string | null;

export interface ToolMemory {
  /** 2 since the score block and written values are kept; a memory of version 1 is read as one without them. */
  readonly version: 2;
  /** The assessment sheet found on the last run. */
  readonly assessmentSheet?: string;
  /** Cells highlighted on the last run, per sheet and A1 address, with their own fill to restore once fixed. */
  readonly highlights: Readonly<Record<string, Readonly<Record<string, SavedCell>>>>;
  /** Rows of the assessment sheet the tool wrote scores on last time, as [first, last] ranges: only these are
   * cleared when they stop being units (a row the tool never wrote, such as the office's own 合计, is never touched). */
  readonly scoredRows?: readonly (readonly [number, number])[];
  /** The rulebook settings chosen for this workbook, so they travel with the file. */
  readonly settings?: Readonly<Record<string, string | number>>;
  /** The block of score columns the tool wrote: on which sheet and header row, from which column (1-based), with
   * which headers in order. A column headed like a score outside it is the office's own (workbook.md). */
  readonly block?: {
    readonly sheet: string;
    readonly headerRow: number;
    readonly col: number;
    readonly headers: readonly string[];
  };
  /** The values the tool last wrote in that block, by unit (its name as matched) and column (in `block.headers`
   * order), so a value typed over one can be told from the tool's own (not by cell address: sorting the sheet or
   * inserting a column is not an edit). */
  readonly written?: Readonly<Record<string, readonly WrittenValue[]>>;
  /** The sheets the memory speaks of (the assessment sheet and the ledger), each with its header row and a
   * fingerprint of that row's text: a sheet is the one remembered only when its header row still reads so. A sheet's
   * name, or its Worksheet.id (stable within a session only), is no proof: remembered fills are given back only to a
   * sheet whose header matches. */
  readonly sheets?: Readonly<Record<string, { readonly headerRow: number; readonly print: string }>>;
  /** A fingerprint of the 考核排名 table last written (state.ts, remembered): the tab is rebuilt only when it
   * differs, or is gone. */
  readonly ranking?: string;
  /** What the Excel add-in keeps for itself, in the workbook rather than in document settings (a per-runtime copy that
   * saveAsync writes back whole, so the pane, the ribbon's runtime and each co-author would overwrite one another).
   * The command line carries it over as it was read. */
  readonly office?: OfficeMemory;
}
export interface OfficeMemory {
  /** 编辑后自动重新计算, switched on for this workbook. */
  readonly autoRecalc?: boolean;
  /** Worksheet.id by sheet name, for the sheets the memory names: follows a rename within one session (ids are
   * stable within a session only, so never proof of identity: the header fingerprints in `sheets` are). */
  readonly sheetIds?: Readonly<Record<string, string>>;
}
export interface SavedCell {
  /** The cell's own fill before the tool highlighted it (null: none). */
  readonly fill: HostFill | null;
  /** Whether the tool attached the note it carries (a note of the user's own is never touched). */
  readonly note: boolean;
  /** The highlight the tool put on the cell, so a run that cannot see the fill knows whether it is still in place. */
  readonly shown?: "missing" | "invalid" | "edited";
}

export interface Snapshot {
  readonly sheets: readonly SheetSnapshot[];
  readonly memory: ToolMemory | null;
}

export type FindingKind = "missing" | "invalid" | "warning";

export interface Finding {
  readonly kind: FindingKind;
  readonly message: string;
  /** The field's canonical header (e.g. 联络员), when the finding is about one field. */
  readonly field?: string;
  /** Sheet of the cell; omitted in the report when it is the assessment sheet. */
  readonly sheet?: string;
  /** 1-based row and column of the cell, when the finding points at one. */
  readonly row?: number;
  readonly col?: number;
  /** The unit the finding belongs to (normalised name), when it belongs to one (ledger rows included). */
  readonly unit?: string;
}

/** Thrown when the workbook is not an assessment workbook the tool can read; the message is for the user, in Chinese. */
export class WorkbookError extends Error {
  constructor(
    message: string,
    readonly detail?: string,
  ) {
    super(message);
    this.name = "WorkbookError";
  }
}
