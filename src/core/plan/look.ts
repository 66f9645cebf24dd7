// How the cells the tool writes look, in one vocabulary that both hosts translate. The names are SpreadsheetML's
// own (ISO/IEC 29500-1 §18.18.40 ST_HorizontalAlignment, §18.18.88 ST_VerticalAlignment, §18.18.55 ST_PatternType),
// so the .xlsx host writes them as they stand and the Office host maps them to Office.js's names (Excel.
// VerticalAlignment "Center" etc.). "middle" is CSS's and ExcelJS's word, not the schema's: a styles.xml with
// vertical="middle" makes Excel offer to repair the file.

export type HorizontalAlignment = "left" | "center" | "right";
export type VerticalAlignment = "top" | "center" | "bottom";

export interface Alignment {
  readonly horizontal?: HorizontalAlignment;
  readonly vertical?: VerticalAlignment;
  readonly wrap?: boolean;
}

export interface Look {
  readonly bold?: boolean;
  /** Points. */
  readonly fontSize?: number;
  /** A solid fill, ARGB (FFD9E1F2). */
  readonly fill?: string;
  /** A thin border on all four sides. */
  readonly border?: "thin";
  readonly numberFormat?: string;
  readonly alignment?: Alignment;
}

const CENTRED: Alignment = { horizontal: "center", vertical: "center" };

/** The looks the tool gives the cells it owns. */
export const LOOKS = {
  /** A score column's header on the assessment sheet. */
  scoreHeader: { bold: true, alignment: { ...CENTRED, wrap: true } },
  rankingTitle: { bold: true, fontSize: 16, alignment: CENTRED },
  rankingHeader: { bold: true, fill: "FFD9E1F2", border: "thin", alignment: { ...CENTRED, wrap: true } },
} as const satisfies Record<string, Look>;

/** A body cell of 考核排名: rank and name centred, scores with two decimals, the last two columns (说明, 核查意见)
 * wrapped. */
export function rankingBodyLook(column: number, columns: number, numeric: boolean, scoreFormat: string): Look {
  return {
    border: "thin",
    ...(numeric && column >= 2 ? { numberFormat: scoreFormat } : {}),
    alignment: {
      ...(column < 2 ? { horizontal: "center" as const } : {}),
      vertical: "center",
      ...(column >= columns - 2 ? { wrap: true } : {}),
    },
  };
}

/** Fill patterns: ST_PatternType (what an .xlsx file and ExcelJS say) beside Office.js's Excel.FillPattern, one pair
 * each, so a fill saved by one host is given back by the other. */
export const FILL_PATTERNS: readonly (readonly [spreadsheetml: string, office: string])[] = [
  ["none", "None"],
  ["solid", "Solid"],
  ["mediumGray", "Gray50"],
  ["darkGray", "Gray75"],
  ["lightGray", "Gray25"],
  ["darkHorizontal", "Horizontal"],
  ["darkVertical", "Vertical"],
  ["darkDown", "Down"],
  ["darkUp", "Up"],
  ["darkGrid", "Checker"],
  ["darkTrellis", "SemiGray75"],
  ["lightHorizontal", "LightHorizontal"],
  ["lightVertical", "LightVertical"],
  ["lightDown", "LightDown"],
  ["lightUp", "LightUp"],
  ["lightGrid", "Grid"],
  ["lightTrellis", "CrissCross"],
  ["gray125", "Gray16"],
  ["gray0625", "Gray8"],
];

/** ARGB (FFFFE699) → Office's #RRGGBB. */
export function argbToHex(argb: string): string {
  return `#${argb.slice(-6).toUpperCase()}`;
}

/** #RRGGBB → ARGB, or null for anything else. */
export function hexToArgb(hex: unknown): string | null {
  return typeof hex === "string" && /^#[0-9a-fA-F]{6}$/.test(hex) ? `FF${hex.slice(1).toUpperCase()}` : null;
}
