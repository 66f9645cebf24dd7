// A plan's cells as one CellWrite each, in the order the plan lists them (headers, score cells unit by unit, cleared
// cells): for tests, which read a plan cell by cell. Production code reads the columnar form (core eachCell).
import { type CellWrite, type WritePlan, eachCell } from "../../src/core/plan/plan";

export function planCells(p: Pick<WritePlan, "writes" | "scores">): CellWrite[] {
  const out: CellWrite[] = [];
  eachCell(p, (row, col, value, note, numberFormat, bold) =>
    out.push({
      row,
      col,
      value,
      note,
      ...(numberFormat !== undefined ? { numberFormat } : {}),
      ...(bold ? { bold } : {}),
    }),
  );
  return out;
}
