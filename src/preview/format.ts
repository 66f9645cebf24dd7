// A cell's value as the grid shows it: numbers by their number format (0.00, percentages, dates), errors as
// themselves, formulas the simulated Excel does not compute as their text.
import type { CellModel } from "./excel";

const DAY_MS = 86_400_000;
const EPOCH = Date.UTC(1899, 11, 30);

function isDateFormat(f: string): boolean {
  const plain = f.replace(/"[^"]*"|\[[^\]]*\]|\\./g, "");
  return /[yd]/i.test(plain) || /m.*[/-]/i.test(plain);
}

function dateText(serial: number, format: string): string {
  const d = new Date(EPOCH + Math.round(serial * DAY_MS));
  const y = d.getUTCFullYear();
  const m = d.getUTCMonth() + 1;
  const day = d.getUTCDate();
  const pad = (n: number) => String(n).padStart(2, "0");
  if (/mm/i.test(format) && /dd/i.test(format)) return `${y}-${pad(m)}-${pad(day)}`;
  return `${y}/${m}/${day}`;
}

function numberText(v: number, format: string): string {
  const f = format.trim();
  if (f === "" || f === "General") return String(Number(v.toPrecision(12)));
  if (f === "@") return String(v);
  if (isDateFormat(f)) return dateText(v, f);
  const decimals = (/0\.(0+)/.exec(f)?.[1] ?? "").length;
  if (f.includes("%")) return `${(v * 100).toFixed(decimals)}%`;
  if (/^[#0,]*(\.0+)?$/.test(f)) {
    const text = v.toFixed(decimals);
    return f.includes(",") ? Number(text).toLocaleString("en-US", { minimumFractionDigits: decimals }) : text;
  }
  return String(Number(v.toPrecision(12)));
}

export function displayText(c: CellModel | undefined): string {
  if (!c) return "";
  if (c.error !== undefined) return c.error;
  if (c.value === null) return c.formula ?? "";
  if (typeof c.value === "boolean") return c.value ? "TRUE" : "FALSE";
  if (typeof c.value === "number") return numberText(c.value, c.numberFormat);
  return c.value;
}

/** What the cell holds, as the formula bar shows it. */
export function editText(c: CellModel | undefined): string {
  if (!c) return "";
  if (c.formula !== undefined) return c.formula;
  if (c.error !== undefined) return c.error;
  if (c.value === null) return "";
  if (typeof c.value === "number" && isDateFormat(c.numberFormat)) return dateText(c.value, c.numberFormat);
  return String(c.value);
}
