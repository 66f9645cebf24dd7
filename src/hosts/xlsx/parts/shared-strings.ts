// xl/sharedStrings.xml: the workbook's shared strings in their order (a cell of type s holds an index into them).
import { parse, textCollector } from "./sax";

export function sharedStrings(xml: string | undefined): string[] {
  const out: string[] = [];
  if (xml === undefined) return out;
  const c = textCollector("si");
  parse(xml, {
    open: c.open,
    close: (n) => {
      const s = c.close(n);
      if (s !== null) out.push(s);
    },
    text: c.text,
  });
  return out;
}
