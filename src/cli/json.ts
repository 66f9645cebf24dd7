// The JSON report written a unit at a time: the same text as JSON.stringify(report, null, 2), without holding all of
// it as one string (for 50,000 units that string is over 100 MB).
import { createWriteStream } from "node:fs";
import type { Report } from "../core";

const indent = (json: string, by: string): string => json.replace(/\n/g, `\n${by}`);

/** The report's text in pieces, in order; their concatenation is JSON.stringify(report, null, 2). */
export function* reportText(report: Report): Generator<string> {
  yield "{";
  let first = true;
  for (const [key, value] of Object.entries(report)) {
    if (value === undefined) continue;
    yield `${first ? "" : ","}\n  ${JSON.stringify(key)}: `;
    first = false;
    if (Array.isArray(value) && value.length > 0) {
      yield "[";
      for (let i = 0; i < value.length; i++) {
        // stringified inside a two-level wrapper, each item comes out indented as it stands in the whole report
        const wrapped = JSON.stringify({ _: [value[i]] }, null, 2);
        yield `${i ? "," : ""}\n${wrapped.slice(wrapped.indexOf("[") + 2, wrapped.lastIndexOf("]") - 3)}`;
      }
      yield "\n  ]";
    } else yield indent(JSON.stringify(value, null, 2), "  ");
  }
  yield first ? "}" : "\n}";
}

/** Writes the report to a file, or through `out` for "-". */
export async function writeReport(report: Report, target: string, out: (text: string) => void): Promise<void> {
  if (target === "-") {
    for (const piece of reportText(report)) out(piece);
    out("\n");
    return;
  }
  const stream = createWriteStream(target, { encoding: "utf8" });
  const done = new Promise<void>((resolve, reject) => {
    stream.on("error", reject);
    stream.on("finish", resolve);
  });
  let batch: string[] = [];
  let size = 0;
  const flush = async () => {
    if (!stream.write(batch.join(""))) await new Promise<void>((r) => stream.once("drain", r));
    batch = [];
    size = 0;
  };
  for (const piece of reportText(report)) {
    batch.push(piece);
    size += piece.length;
    if (size > 1 << 20) await flush();
  }
  batch.push("\n");
  await flush();
  stream.end();
  await done;
}
