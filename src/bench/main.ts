// npm run bench: prints one JSON object per line, figures measured on this machine.
//   {"bench":"engine","rows":100000,"ms":…}   read the grid, score, rank, plan (no file I/O), median of runs
//   {"bench":"cli-startup","ratio":…,"scoreMs":…,"nodeMs":…}   `xinyong score` on the bundled sample against
//                                             `node -e 0`: medians of 7 runs each, taken in turn, and their ratio
//   {"bench":"cli-sample","ms":…}             the command line end to end on the bundled sample, median of runs
//   {"bench":"cli-scale","rows":50000,"ms":…,"peakRssMB":…}   the command line end to end on a generated .xlsx of that
//                                             many unit rows (the sample's rows repeated), one run, in a child process
//                                             whose peak memory is measured; XINYONG_BENCH_CLI_ROWS=5000,50000 by default
import { execFileSync, spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, statSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { performance } from "node:perf_hooks";
import { assess, plan } from "../core";
import { SAMPLE } from "../cli/main";
import { openPackage } from "../hosts/xlsx/workbook";
import { syntheticSnapshot, writeSyntheticXlsx } from "./synthetic";

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  const m = Math.floor(s.length / 2);
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
}
const round1 = (x: number): number => Math.round(x * 10) / 10;
const print = (o: object): void => void process.stdout.write(`${JSON.stringify(o)}\n`);

async function engine(): Promise<void> {
  const sample = (await openPackage(SAMPLE)).snapshot;
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

/** How long the command line takes to score the sample, as a multiple of Node starting and doing nothing: what a
 * user waits for beyond Node itself is mostly loading modules. The two are run in turn, so both see the same machine. */
function cliStartup(): void {
  const bin = path.resolve(__dirname, "..", "..", "bin", "xinyong.js");
  const dir = mkdtempSync(path.join(os.tmpdir(), "xinyong-bench-"));
  const wall = (args: string[]): number => {
    const t0 = performance.now();
    execFileSync(process.execPath, args, { stdio: "pipe" });
    return performance.now() - t0;
  };
  try {
    const score: number[] = [];
    const node: number[] = [];
    for (let i = 0; i < 7; i++) {
      node.push(wall(["-e", "0"]));
      score.push(wall([bin, "score", SAMPLE, "--out", path.join(dir, "o.xlsx")]));
    }
    const scoreMs = median(score);
    const nodeMs = median(node);
    print({
      bench: "cli-startup",
      ratio: Math.round((scoreMs / nodeMs) * 100) / 100,
      scoreMs: round1(scoreMs),
      nodeMs: round1(nodeMs),
      runs: 7,
    });
  } finally {
    rmSync(dir, { recursive: true, force: true });
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

/** The command line end to end on a generated workbook of `rows` unit rows: time and peak resident memory. */
async function cliScale(rows: number): Promise<void> {
  const root = path.resolve(__dirname, "..", "..");
  const dir = mkdtempSync(path.join(os.tmpdir(), "xinyong-bench-"));
  try {
    const input = path.join(dir, `考核表-${rows}.xlsx`);
    const sample = (await openPackage(SAMPLE)).snapshot;
    await writeSyntheticXlsx(syntheticSnapshot(sample, rows), input);
    const rss = path.join(dir, "rss.txt");
    const t0 = performance.now();
    const r = spawnSync(
      process.execPath,
      [
        "--require",
        path.join(root, "dist", "bench", "maxrss.js"),
        path.join(root, "bin", "xinyong.js"),
        "score",
        input,
        "--out",
        path.join(dir, "o.xlsx"),
        "--json",
        path.join(dir, "r.json"),
      ],
      {
        env: { ...process.env, XINYONG_MAXRSS_FILE: rss },
        encoding: "utf8",
        timeout: 30 * 60_000,
        maxBuffer: 256 * 1024 * 1024,
      },
    );
    const ms = performance.now() - t0;
    if (r.status !== 0) {
      // a figure too: 50,000 rows run out of V8's default heap (SIGABRT) on the machine this was written on
      const oom = /heap out of memory/.test(r.stderr);
      print({
        bench: "cli-scale",
        rows,
        ms: round1(ms),
        failed: oom
          ? "out of memory"
          : `exit ${r.status} ${r.signal} ${r.error?.message ?? ""} ${r.stderr.trim().split("\n").slice(-1)[0] ?? ""}`,
      });
      return;
    }
    const units = (JSON.parse(readFileSync(path.join(dir, "r.json"), "utf8")) as { units: unknown[] }).units.length;
    if (units !== rows) throw new Error(`cli-scale: scored ${units} of ${rows} rows`);
    print({
      bench: "cli-scale",
      rows,
      ms: round1(ms),
      peakRssMB: Number(readFileSync(rss, "utf8")),
      fileMB: round1(statSync(input).size / 1024 / 1024),
    });
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

async function run(): Promise<void> {
  await engine();
  cliStartup();
  cliSample();
  const sizes = (process.env.XINYONG_BENCH_CLI_ROWS ?? "5000,50000").split(",").map(Number);
  for (const rows of sizes.filter((n) => n > 0)) await cliScale(rows);
}

run().catch((e: unknown) => {
  process.stderr.write(`bench failed: ${e instanceof Error ? e.stack : String(e)}\n`);
  process.exitCode = 1;
});
