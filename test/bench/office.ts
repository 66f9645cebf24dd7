// Bench figures for the Office add-in, for `npm run bench` to print as JSON lines:
//   {"bench":"office-syncs","rows":36,"syncs":2,…}   context.sync() calls of one recalculation, counted on the fake
//                                                    Excel running the real host code (second run: the memory exists)
//   {"bench":"office-scale","rows":50000,"syncs":…,"maxRequestBytes":…,"maxResponseBytes":…,"ms":…}   5,000 and
//                                                    50,000 unit rows through the host on the fake Excel held to 4 MB
//                                                    a request or response (a larger one fails the run)
//   {"bench":"bundle","entry":"taskpane","bytes":…,"gzipBytes":…}   all JavaScript the task pane loads, production
// Run: npx tsx test/bench/office.ts [rows…]   (builds the add-in into a temporary folder for the bundle figure)
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import zlib from "node:zlib";
import { recalculate } from "../support/outcome";
import { FakeExcel } from "../../src/preview/excel";
import { documentFrom } from "../fakes/from-xlsx";
import { bigWorkbook } from "../fakes/big";
import { loadWorkbook } from "../../src/hosts/xlsx/workbook";
import { SAMPLE } from "../fakes/from-xlsx";

const WEB_LIMIT = 5 * 1024 * 1024;

export interface OfficeSyncs {
  bench: "office-syncs";
  rows: number;
  /** A second run after a changed setting (不适用项记 0 分): what changed is written. */
  syncs: number;
  firstRunSyncs: number;
  /** A third run on the same settings: nothing differs, so it only reads. */
  quietRunSyncs: number;
  /** Largest request and response of the run, in bytes of JSON (Excel on the web refuses above 5 MB). */
  requestBytes: number;
  responseBytes: number;
  fitsExcelOnTheWeb: boolean;
  ms: number;
}

export async function officeSyncs(rows: number): Promise<OfficeSyncs> {
  const wb = rows === 36 ? await loadWorkbook(SAMPLE) : await bigWorkbook(rows);
  const excel = new FakeExcel(documentFrom(wb));
  excel.payloadLimit = Infinity; // measured here, judged against the web's limit below
  const first = await recalculate(excel.run, excel.settings);
  excel.syncs = [];
  const t0 = performance.now();
  const second = await recalculate(excel.run, excel.settings, { settings: CHANGED });
  const ms = Math.round(performance.now() - t0);
  const requestBytes = Math.max(...excel.syncs.map((s) => s.bytesOut));
  const responseBytes = Math.max(...excel.syncs.map((s) => s.bytesIn));
  const third = await recalculate(excel.run, excel.settings, { settings: CHANGED });
  return {
    bench: "office-syncs",
    rows,
    syncs: second.syncs,
    firstRunSyncs: first.syncs,
    quietRunSyncs: third.syncs,
    requestBytes,
    responseBytes,
    fitsExcelOnTheWeb: requestBytes <= WEB_LIMIT && responseBytes <= WEB_LIMIT,
    ms,
  };
}

/** The second run's setting: a change that rescores every unit with a 不适用 leaf and rebuilds the ranking. */
const CHANGED = { naPolicy: "zero" } as const;

export interface OfficeScale {
  bench: "office-scale";
  rows: number;
  /** context.sync() calls of a second run after a changed setting (the memory exists), and of the first. */
  syncs: number;
  firstRunSyncs: number;
  /** A third run on the same settings: it reads, and writes nothing. */
  quietRunSyncs: number;
  readSyncs: number;
  writeSyncs: number;
  /** Largest request and response of either run, in UTF-8 bytes of JSON; the target is 4 MB. */
  maxRequestBytes: number;
  maxResponseBytes: number;
  /** Time of the second run on the fake Excel (no network: Excel's own time is not in it). */
  ms: number;
}

/** A workbook of `rows` unit rows through the Office host, on the fake Excel held to a 4 MB payload limit: any request
 * or response above it fails the run, so the figures prove the blocks. */
export async function officeScale(rows: number): Promise<OfficeScale> {
  const excel = new FakeExcel(documentFrom(await bigWorkbook(rows)));
  excel.payloadLimit = 4 * 1024 * 1024;
  const first = await recalculate(excel.run, excel.settings);
  const firstSyncs = excel.syncs;
  excel.syncs = [];
  let readSyncs = 0;
  const t0 = performance.now();
  const second = await recalculate(excel.run, excel.settings, {
    settings: CHANGED,
    onStep: (step) => {
      if (step === "score") readSyncs = excel.syncs.length;
    },
  });
  const ms = Math.round(performance.now() - t0);
  const all = [...firstSyncs, ...excel.syncs];
  const third = await recalculate(excel.run, excel.settings, { settings: CHANGED });
  return {
    bench: "office-scale",
    rows,
    syncs: second.syncs,
    firstRunSyncs: first.syncs,
    quietRunSyncs: third.syncs,
    readSyncs,
    writeSyncs: second.syncs - readSyncs,
    maxRequestBytes: Math.max(...all.map((s) => s.bytesOut)),
    maxResponseBytes: Math.max(...all.map((s) => s.bytesIn)),
    ms,
  };
}

export interface Bundle {
  bench: "bundle";
  entry: string;
  bytes: number;
  gzipBytes: number;
}

/** Builds for production (into a temporary folder unless one is given) and measures every script the entry's page
 * loads from the build (office.js comes from Microsoft's CDN and is not counted). */
export function bundle(entry = "taskpane", built?: string): Bundle {
  const root = path.resolve(__dirname, "../..");
  const out = built ?? fs.mkdtempSync(path.join(os.tmpdir(), "xinyong-bench-"));
  try {
    if (!built) {
      const r = spawnSync(process.execPath, [require.resolve("webpack-cli/bin/cli.js"), "--mode", "production"], {
        cwd: root,
        env: { ...process.env, DEPLOY_URL: "https://bench.invalid/", BUILD_DIR: out },
        encoding: "utf8",
      });
      if (r.status !== 0) throw new Error(`webpack failed:\n${r.stdout}\n${r.stderr}`);
    }
    const html = fs.readFileSync(path.join(out, `${entry}.html`), "utf8");
    const scripts = [...html.matchAll(/<script[^>]*\ssrc=(?:"([^"]+)"|([^\s>]+))/g)]
      .map((m) => m[1] ?? m[2])
      .filter((s) => !/^https?:/.test(s));
    let bytes = 0;
    let gzipBytes = 0;
    for (const s of scripts) {
      const code = fs.readFileSync(path.join(out, s));
      bytes += code.length;
      gzipBytes += zlib.gzipSync(code, { level: 9 }).length;
    }
    return { bench: "bundle", entry, bytes, gzipBytes };
  } finally {
    if (!built) fs.rmSync(out, { recursive: true, force: true });
  }
}

async function main(): Promise<void> {
  const sizes = process.argv.slice(2).map(Number);
  for (const rows of sizes.length > 0 ? sizes : [36, 5000]) console.log(JSON.stringify(await officeSyncs(rows)));
  for (const rows of sizes.length > 0 ? sizes.filter((n) => n >= 5000) : [5000, 50_000]) {
    console.log(JSON.stringify(await officeScale(rows)));
  }
  console.log(JSON.stringify(bundle("taskpane")));
}

if (require.main === module) {
  main().catch((e: unknown) => {
    console.error(e);
    process.exitCode = 1;
  });
}
