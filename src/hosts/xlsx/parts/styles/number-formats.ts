// Number formats in xl/styles.xml: the built-in ones (ECMA-376 18.8.30) by id, which of them show a date, and the ids
// the writer uses for the formats it sets, as ExcelJS's numfmt-xform and its default formats.

/** Built-in number formats that show a date (ECMA-376 18.8.30, and the zh-CN ones 27–31, 36, 50–54, 57, 58). */
export const BUILTIN_DATES = new Set([14, 15, 16, 17, 22, 27, 28, 29, 30, 31, 36, 50, 51, 52, 53, 54, 57, 58]);
export const BUILTIN_FORMATS: Record<string, number> = { General: 0, "0": 1, "0.00": 2, "@": 49 };
/** The codes of the built-in number formats that are the same in every locale (ECMA-376 18.8.30). */
export const BUILTIN_CODES: Record<number, string> = {
  0: "General",
  1: "0",
  2: "0.00",
  3: "#,##0",
  4: "#,##0.00",
  9: "0%",
  10: "0.00%",
  11: "0.00E+00",
  12: "# ?/?",
  13: "# ??/??",
  14: "mm-dd-yy",
  15: "d-mmm-yy",
  16: "d-mmm",
  17: "mmm-yy",
  18: "h:mm AM/PM",
  19: "h:mm:ss AM/PM",
  20: "h:mm",
  21: "h:mm:ss",
  22: "m/d/yy h:mm",
  37: "#,##0 ;(#,##0)",
  38: "#,##0 ;[Red](#,##0)",
  39: "#,##0.00 ;(#,##0.00)",
  40: "#,##0.00 ;[Red](#,##0.00)",
  45: "mm:ss",
  46: "[h]:mm:ss",
  47: "mmss.0",
  48: "##0.0E+0",
  49: "@",
};
