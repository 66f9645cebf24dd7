#!/usr/bin/env node
// Entry of the command line: the compiled TypeScript lives in dist/ (built by `npm ci` through "prepare").
// A job that might need much memory runs in a worker thread with a bounded heap: a workbook too large for memory ends
// with a Chinese message and exit code 2, not with V8's fatal out-of-memory trace. A job that cannot (no file named on
// the command line over SMALL_FILE: the sample scores in a few MB of heap) runs in this thread, saving the worker's
// start (about a fifth of a small run). A closed pipe (`xinyong demo | head`) ends quietly.
const { Worker: WorkerThread, isMainThread, parentPort } = require("node:worker_threads");
const fs = require("node:fs");

/** Heap for the scoring job; the machine's memory, not a workbook, should be what limits it. */
const HEAP_MB = Number(process.env.XINYONG_HEAP_MB) || 6144;
/** An .xlsx up to this size unpacks to a few MB: its job needs no bound on its heap. */
const SMALL_FILE = 256 * 1024;

/** Whether the job can run in this thread: no heap bound asked for, and every file named is small. */
function small(args) {
  if (process.env.XINYONG_HEAP_MB) return false;
  return args.every((a) => {
    try {
      const s = fs.statSync(a, { throwIfNoEntry: false });
      return !s || !s.isFile() || s.size <= SMALL_FILE;
    } catch {
      return true;
    }
  });
}

if (isMainThread) {
  process.stdout.on("error", (e) => {
    if (e.code === "EPIPE") process.exit(0);
    throw e;
  });
  const args = process.argv.slice(2);
  // Temporary files the job announced: a run stopped by Ctrl-C or a kill signal takes them away (only SIGKILL,
  // which nothing can catch, leaves one behind; never a half-written output).
  const temps = new Set();
  const internalError = (e) => {
    process.stderr.write(`内部错误：${e && e.message ? e.message : String(e)}\n请把输入文件和这条信息发给维护人员。\n`);
    process.exitCode = 1;
  };
  let stop;
  if (small(args)) {
    const cli = require("../dist/cli/main.js");
    stop = () => Promise.resolve();
    cli
      .main(args, { ...cli.processIo, temp: (file) => temps.add(file) })
      .then((code) => (process.exitCode = code), internalError);
  } else {
    const worker = new WorkerThread(__filename, { argv: args, resourceLimits: { maxOldGenerationSizeMb: HEAP_MB } });
    stop = () => worker.terminate();
    worker.on("message", (m) => {
      if (m && typeof m.temp === "string") temps.add(m.temp);
      else process.exitCode = m;
    });
    worker.on("error", (e) => {
      if (e && e.code === "ERR_WORKER_OUT_OF_MEMORY") {
        process.stderr.write(
          `错误：工作簿太大，评分所需内存超过上限（${HEAP_MB} 兆字节）。请删去多余的行列、拆分工作簿，` +
            `或设置环境变量 XINYONG_HEAP_MB 提高上限后再试。\n`,
        );
        process.exitCode = 2;
      } else internalError(e);
    });
  }
  for (const [signal, code] of [
    ["SIGINT", 130],
    ["SIGTERM", 143],
    ["SIGHUP", 129],
  ]) {
    process.on(signal, () => {
      const removeTemps = () => {
        for (const t of temps) fs.rmSync(t, { force: true });
      };
      void stop().finally(() => {
        removeTemps();
        // a file open the job queued before it stopped may still land: look once more before leaving
        setTimeout(() => {
          removeTemps();
          process.stderr.write("已中止（不会留下写了一半的文件）。\n");
          process.exit(code);
        }, 300);
      });
    });
  }
} else {
  const cli = require("../dist/cli/main.js");
  cli
    .main(process.argv.slice(2), { ...cli.processIo, temp: (file) => parentPort.postMessage({ temp: file }) })
    .then((code) => parentPort.postMessage(code));
}
