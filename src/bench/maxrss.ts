// Preloaded with `node --require dist/bench/maxrss.js …`: when the process exits, writes its peak resident set size in
// MB to the file named by XINYONG_MAXRSS_FILE. The bench and the hostile-file tests measure the command line this way,
// on any machine (no /usr/bin/time needed).
import { writeFileSync } from "node:fs";

const out = process.env.XINYONG_MAXRSS_FILE;
if (out) {
  process.on("exit", () => writeFileSync(out, String(Math.round(process.resourceUsage().maxRSS / 1024))));
}
