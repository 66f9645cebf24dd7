// Reading a part's XML through saxes, a streaming parser: its events by local name (any namespace prefix), and the
// text of the <t> runs below an element (a shared string, an inline string, a comment). Editing a part in place is
// xml.ts's, on positions in the text.
import { SaxesParser, type SaxesTagPlain } from "saxes";
import { unescapeOoxml } from "./xml";

export const localName = (q: string): string => q.slice(q.indexOf(":") + 1);

export function parse(
  xml: string,
  on: { open?: (t: SaxesTagPlain) => void; close?: (name: string) => void; text?: (s: string) => void },
): void {
  const p = new SaxesParser({ xmlns: false, position: false });
  if (on.open) {
    const open = on.open;
    p.on("opentag", (t) => open(t as SaxesTagPlain));
  }
  if (on.close) {
    const close = on.close;
    p.on("closetag", (t) => close(localName(t.name)));
  }
  if (on.text) {
    p.on("text", on.text);
    p.on("cdata", on.text);
  }
  p.write(xml).close();
}

/** The text of <t> runs below `container` elements (a shared string, an inline string, a comment), phonetic runs
 * (<rPh>) left out. */
export function textCollector(container: string): {
  open: (t: SaxesTagPlain) => void;
  close: (name: string) => string | null;
  text: (s: string) => void;
} {
  let depthT = 0;
  let inPhonetic = 0;
  let buf: string[] = [];
  return {
    open(t) {
      const n = localName(t.name);
      if (n === container) buf = [];
      else if (n === "rPh") inPhonetic++;
      else if (n === "t" && !t.isSelfClosing) depthT++;
    },
    close(n) {
      if (n === "rPh") inPhonetic--;
      else if (n === "t") depthT = Math.max(0, depthT - 1);
      else if (n === container) return unescapeOoxml(buf.join(""));
      return null;
    },
    text(s) {
      if (depthT > 0 && inPhonetic === 0) buf.push(s);
    },
  };
}
