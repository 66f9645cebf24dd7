// What other programs say of a file the tool wrote: the offline OOXML checker (../shared/tools/ooxml-check.py: schemas,
// package rules, what makes Excel offer to repair a file) and openpyxl (a second, strict spreadsheet reader). Both
// run under Debian's /usr/bin/python3, which has python3-lxml and python3-openpyxl; another python3 earlier on PATH
// may lack them.
import { type ChildProcess, type SpawnSyncReturns, spawn, spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";

export const PYTHON = "/usr/bin/python3";
/** The repository's root: the checker lives beside it, in ../shared (as in CI, where shared/ is cloned next to it). */
const REPO = path.resolve(__dirname, "../..");
export const CHECKER = path.resolve(REPO, "../shared/tools/ooxml-check.py");
const OPENPYXL_SCRIPT = path.join(__dirname, "openpyxl_read.py");
const WORKER_SCRIPT = path.join(__dirname, "ooxml_worker.py");
const INSTALL = "apt-get install python3-lxml python3-openpyxl";

export type Source = Buffer | string;

let ready: true | undefined;

/** Throws, saying what to install, unless /usr/bin/python3 with lxml and openpyxl and the checker are there. */
export function requireTools(): void {
  if (ready) return;
  if (!existsSync(PYTHON)) throw new Error(`${PYTHON} is missing: the OOXML checks need it (${INSTALL})`);
  const probe = spawnSync(PYTHON, ["-c", "import lxml.etree, openpyxl"], { encoding: "utf8" });
  if (probe.error || probe.status !== 0) {
    throw new Error(
      `${PYTHON} cannot import lxml and openpyxl (${INSTALL}): ${probe.error?.message ?? lastLines(probe.stderr)}`,
    );
  }
  if (!existsSync(CHECKER)) {
    throw new Error(`the OOXML checker is not at ${CHECKER}: the repository expects ../shared beside it`);
  }
  ready = true;
}

/** A file to hand to Python: the path as it is, or bytes written to a temporary file (removed by `done`). */
function asFile(src: Source): { file: string; done: () => void } {
  if (typeof src === "string") return { file: src, done: () => undefined };
  const dir = mkdtempSync(path.join(os.tmpdir(), "xinyong-ooxml-"));
  const file = path.join(dir, "book.xlsx");
  writeFileSync(file, src);
  return { file, done: () => rmSync(dir, { recursive: true, force: true }) };
}

function lastLines(text: string | undefined, n = 6): string {
  return (text ?? "").trim().split("\n").slice(-n).join("\n");
}

export interface CheckResult {
  /** No ERROR line and exit status 0. */
  readonly ok: boolean;
  /** The ERROR lines, as printed. */
  readonly errors: string[];
  /** Everything the checker printed. */
  readonly output: string;
}

const CHECK_ARGS = ["--no-notes", "--max", "20"];

function checkResult(status: number | null, stdout: string, stderr: string): CheckResult {
  // exit 1 means "found errors"; anything else (a traceback, a missing module) means the check itself did not run
  if (status !== 0 && status !== 1) {
    throw new Error(`ooxml-check.py failed (exit ${status}; ${INSTALL}?):\n${lastLines(stderr || stdout, 12)}`);
  }
  const errors = stdout.split("\n").filter((l) => l.startsWith("ERROR"));
  return { ok: status === 0 && errors.length === 0, errors, output: stdout };
}

/** Runs ../shared/tools/ooxml-check.py on a file or on bytes. */
export function ooxmlCheck(src: Source): CheckResult {
  requireTools();
  const { file, done } = asFile(src);
  try {
    const r: SpawnSyncReturns<string> = spawnSync(PYTHON, [CHECKER, file, ...CHECK_ARGS], {
      encoding: "utf8",
      maxBuffer: 64 * 1024 * 1024,
    });
    if (r.error) throw r.error;
    return checkResult(r.status, r.stdout, r.stderr);
  } finally {
    done();
  }
}

/** ooxmlCheck without blocking, in a long-lived Python process that parsed the schemas once (several at a time). */
export async function ooxmlCheckAsync(src: Source): Promise<CheckResult> {
  requireTools();
  const { file, done } = asFile(src);
  try {
    const answer = await ask({ op: "check", file });
    return checkResult(answer.status ?? null, answer.output ?? "", "");
  } finally {
    done();
  }
}

/** An ERROR line without where in the part it stands and without its excerpt: "ERROR part [rule] message". */
const errorKey = (line: string): string => line.replace(/^(ERROR \S+?):\d+ /, "$1 ").replace(/ \| .*$/, "");

/** The errors of `after` that `before` did not have (by part, rule and message): what scoring added to a file. */
export function addedErrors(before: CheckResult, after: CheckResult): string[] {
  const had = new Set(before.errors.map(errorKey));
  return after.errors.filter((e) => !had.has(errorKey(e)));
}

/** A message listing a failed check's ERROR lines (for an assertion's message). */
export function describeCheck(what: string, r: CheckResult): string {
  return `${what}: ooxml-check.py found ${r.errors.length} error(s):\n${r.errors.join("\n")}`;
}

// The long-lived Python processes (ooxml_worker.py): one JSON request per line in, one JSON answer per line out.
interface Answer {
  id: number;
  status?: number;
  output?: string;
  book?: OpenpyxlBook;
  error?: string;
}
interface PythonWorker {
  child: ChildProcess;
  pending: Map<number, { resolve: (a: Answer) => void; reject: (e: Error) => void }>;
}
const POOL = Math.max(1, Math.min(2, os.availableParallelism?.() ?? os.cpus().length));
const workers: PythonWorker[] = [];
let nextId = 1;

function startWorker(): PythonWorker {
  const child = spawn(PYTHON, [WORKER_SCRIPT, CHECKER], { stdio: ["pipe", "pipe", "pipe"] });
  const w: PythonWorker = { child, pending: new Map() };
  let stderr = "";
  let buffered = "";
  child.stderr?.setEncoding("utf8").on("data", (d: string) => (stderr += d));
  child.stdout?.setEncoding("utf8").on("data", (d: string) => {
    buffered += d;
    for (let nl = buffered.indexOf("\n"); nl >= 0; nl = buffered.indexOf("\n")) {
      const line = buffered.slice(0, nl);
      buffered = buffered.slice(nl + 1);
      if (!line.trim()) continue;
      const answer = JSON.parse(line) as Answer;
      const p = w.pending.get(answer.id);
      w.pending.delete(answer.id);
      if (w.pending.size === 0) hold(w, false);
      p?.resolve(answer);
    }
  });
  const fail = (why: string) => {
    const i = workers.indexOf(w);
    if (i >= 0) workers.splice(i, 1);
    for (const p of w.pending.values()) p.reject(new Error(`${why} (${INSTALL}?):\n${lastLines(stderr, 12)}`));
    w.pending.clear();
  };
  child.on("error", (e) => fail(`${PYTHON} ${WORKER_SCRIPT} could not start: ${e.message}`));
  child.on("exit", (code) => fail(`${WORKER_SCRIPT} exited (${code})`));
  hold(w, false);
  workers.push(w);
  return w;
}

/** An idle process does not keep Node running (it ends when its input does); one with requests pending does. */
function hold(w: PythonWorker, busy: boolean): void {
  const handles = [w.child, w.child.stdin, w.child.stdout, w.child.stderr] as unknown as ({
    ref?: () => void;
    unref?: () => void;
  } | null)[];
  for (const h of handles) (busy ? h?.ref : h?.unref)?.call(h);
}

async function ask(msg: { op: "check" | "openpyxl"; file: string; req?: OpenpyxlRequest }): Promise<Answer> {
  const w = workers.length < POOL ? startWorker() : workers.reduce((a, b) => (b.pending.size < a.pending.size ? b : a));
  const id = nextId++;
  const answer = await new Promise<Answer>((resolve, reject) => {
    w.pending.set(id, { resolve, reject });
    if (w.pending.size === 1) hold(w, true);
    w.child.stdin?.write(`${JSON.stringify({ id, ...msg })}\n`);
  });
  if (answer.error !== undefined) {
    const what = msg.op === "check" ? "ooxml-check.py failed on" : "openpyxl could not load";
    throw new Error(`${what} ${msg.file}:\n${lastLines(answer.error, 12)}`);
  }
  return answer;
}

/** Ends the long-lived Python processes (an afterAll's job; they also end with the test process). */
export function stopWorkers(): void {
  for (const w of workers.splice(0)) w.child.stdin?.end();
}

// ---------------------------------------------------------------------------------------------------------------------
// openpyxl

export interface OpenpyxlRequest {
  /** Cells to read, by sheet: A1 addresses. */
  readonly cells?: Readonly<Record<string, readonly string[]>>;
  /** Sheets to read whole: rows from row 1 and column A (values[r - 1][c - 1]). */
  readonly sheets?: readonly string[];
  /** Formulas as written ("=SUM(A1:B1)") instead of the values cached in the file. */
  readonly formulas?: boolean;
}

export interface OpenpyxlBook {
  /** The worksheets in workbook order, with their state (visible, hidden, veryHidden). */
  readonly sheets: { name: string; state: string }[];
  /** Values as openpyxl reads them: a number, a string, a boolean, null, a date as {date: ISO text}, or a formula's
   * text ("=SUM(A1:B1)") when formulas were asked for. */
  readonly cells: Record<string, Record<string, unknown>>;
  readonly values: Record<string, unknown[][]>;
  /** Warnings openpyxl gave while loading (an extension it does not read, say). */
  readonly warnings: string[];
}

function parseBook(status: number | null, stdout: string, stderr: string, what: string): OpenpyxlBook {
  if (status !== 0) {
    throw new Error(`openpyxl could not load ${what} (exit ${status}):\n${lastLines(stderr || stdout, 12)}`);
  }
  return JSON.parse(stdout) as OpenpyxlBook;
}

/** Loads a workbook with openpyxl and reads what is asked; throws, with openpyxl's error, if it cannot load it. */
export function openpyxlRead(src: Source, req: OpenpyxlRequest = {}): OpenpyxlBook {
  requireTools();
  const { file, done } = asFile(src);
  try {
    const r = spawnSync(PYTHON, [OPENPYXL_SCRIPT, file], {
      input: JSON.stringify(req),
      encoding: "utf8",
      maxBuffer: 256 * 1024 * 1024,
    });
    if (r.error) throw r.error;
    return parseBook(r.status, r.stdout, r.stderr, typeof src === "string" ? src : "the workbook");
  } finally {
    done();
  }
}

/** openpyxlRead without blocking, in a long-lived Python process. */
export async function openpyxlReadAsync(src: Source, req: OpenpyxlRequest = {}): Promise<OpenpyxlBook> {
  requireTools();
  const { file, done } = asFile(src);
  try {
    return (await ask({ op: "openpyxl", file, req })).book as OpenpyxlBook;
  } finally {
    done();
  }
}

/** The values (or formulas) of some cells of one sheet, as openpyxl reads them. */
export function openpyxlCells(
  src: Source,
  sheet: string,
  addresses: readonly string[],
  opts: { formulas?: boolean } = {},
): Record<string, unknown> {
  return openpyxlRead(src, { cells: { [sheet]: addresses }, formulas: opts.formulas }).cells[sheet];
}

/** A whole sheet's values as openpyxl reads them: values[r - 1][c - 1]. */
export function openpyxlSheetValues(src: Source, sheet: string, opts: { formulas?: boolean } = {}): unknown[][] {
  return openpyxlRead(src, { sheets: [sheet], formulas: opts.formulas }).values[sheet];
}
