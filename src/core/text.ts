// Text kept for long on a large sheet (explanations, findings, notes).

/** V8 holds text built from pieces (a template literal) as a tree of those pieces until it is first read character
 * by character. Reading one character turns it into one flat string: about a third of the memory, and the pieces can
 * go at once instead of being kept (and copied by the garbage collector) for as long as the text lives. */
export function flattened(text: string): string {
  text.charCodeAt(0);
  return text;
}

/** The Chinese numerals of the indicators, in rulebook order (一 … 十). */
export const NUMERALS: readonly string[] = ["一", "二", "三", "四", "五", "六", "七", "八", "九", "十"];
