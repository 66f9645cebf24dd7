// npm run bench: prints one JSON object per line, figures measured on this machine.
//   {"bench":"engine","rows":100000,"ms":…}   read the grid, score, rank, plan (no file I/O), median of runs
//   {"bench":"cli-sample","ms":…}             the command line end to end on the bundled sample, median of runs
import { execFileSync } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { performance } from "node:perf_hooks";
import { assess, plan } from "../core";
import { SAMPLE } from "../cli/main";
import { loadWorkbook } from "../hosts/xlsx/workbook";
import { snapshot } from "../hosts/xlsx/snapshot";
import { syntheticSnapshot } from "./synthetic";

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  const m = Math.floor(s.length / 2);
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
}
const round1 = (x: number): number => Math.round(x * 10) / 10;
const print = (o: object): void => void process.stdout.write(`${JSON.stringify(o)}\n`);

async function engine(): Promise<void> {
  const sample = snapshot(await loadWorkbook(SAMPLE));
  for (const [rows, runs] of [
    [36, 21],
    [10_000, 7],
    [100_000, 5],
  ] as const) {
    const snap = syntheticSnapshot(sample, rows);
    const times: number[] = [];
    let units = 0;
    for (let i = 0; i < runs; i++) {
      const t0 = performance.now();
      const a = assess(snap);
      plan(a, snap);
      times.push(performance.now() - t0);
      units = a.units.length;
    }
    if (units !== rows) throw new Error(`scored ${units} of ${rows} rows`);
    print({ bench: "engine", rows, ms: round1(median(times)), runs });
  }
}

function cliSample(): void {
  const bin = path.resolve(__dirname, "..", "..", "bin", "xinyong.js");
  const dir = mkdtempSync(path.join(os.tmpdir(), "xinyong-bench-"));
  try {
    const times: number[] = [];
    for (let i = 0; i < 5; i++) {
      const t0 = performance.now();
      execFileSync(
        process.execPath,
        [bin, "score", SAMPLE, "--out", path.join(dir, "o.xlsx"), "--json", path.join(dir, "r.json")],
        {
          stdio: "pipe",
        },
      );
      times.push(performance.now() - t0);
    }
    print({ bench: "cli-sample", ms: round1(median(times)), runs: times.length });
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

async function run(): Promise<void> {
  await engine();
  cliSample();
}

run().catch((e: unknown) => {
  process.stderr.write(`bench failed: ${e instanceof Error ? e.stack : String(e)}\n`);
  process.exitCode = 1;
});
