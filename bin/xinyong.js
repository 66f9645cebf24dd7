#!/usr/bin/env node
// Entry of the command line: the compiled TypeScript lives in dist/ (built by `npm ci` through "prepare").
// The job runs in a worker thread with a bounded heap: a workbook too large for memory ends with a Chinese message
// and exit code 2, not with V8's fatal out-of-memory trace. A closed pipe (`xinyong demo | head`) ends quietly.
const { Worker: WorkerThread, isMainThread, parentPort } = require("node:worker_threads");

/** Heap for the scoring job; the machine's memory, not a workbook, should be what limits it. */
const HEAP_MB = Number(process.env.XINYONG_HEAP_MB) || 6144;

if (isMainThread) {
  process.stdout.on("error", (e) => {
    if (e.code === "EPIPE") process.exit(0);
    throw e;
  });
  const worker = new WorkerThread(__filename, {
    argv: process.argv.slice(2),
    resourceLimits: { maxOldGenerationSizeMb: HEAP_MB },
  });
  // Temporary files the job announced: a run stopped by Ctrl-C or a kill signal takes them away (only SIGKILL,
  // which nothing can catch, leaves one behind; never a half-written output).
  const temps = new Set();
  worker.on("message", (m) => {
    if (m && typeof m.temp === "string") temps.add(m.temp);
    else process.exitCode = m;
  });
  for (const [signal, code] of [
    ["SIGINT", 130],
    ["SIGTERM", 143],
    ["SIGHUP", 129],
  ]) {
    process.on(signal, () => {
      const removeTemps = () => {
        for (const t of temps) require("node:fs").rmSync(t, { force: true });
      };
      void worker.terminate().finally(() => {
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
  worker.on("error", (e) => {
    if (e && e.code === "ERR_WORKER_OUT_OF_MEMORY") {
      process.stderr.write(
        `错误：工作簿太大，评分所需内存超过上限（${HEAP_MB} MB）。请删去多余的行列、拆分工作簿，` +
          `或设置环境变量 XINYONG_HEAP_MB 提高上限后再试。\n`,
      );
      process.exitCode = 2;
    } else {
      process.stderr.write(
        `内部错误：${e && e.message ? e.message : String(e)}\n请把输入文件和这条信息发给维护人员。\n`,
      );
      process.exitCode = 1;
    }
  });
} else {
  const cli = require("../dist/cli/main.js");
  cli
    .main(process.argv.slice(2), { ...cli.processIo, temp: (file) => parentPort.postMessage({ temp: file }) })
    .then((code) => parentPort.postMessage(code));
}
