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
  worker.on("message", (code) => {
    process.exitCode = code;
  });
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
  require("../dist/cli/main.js")
    .main(process.argv.slice(2))
    .then((code) => parentPort.postMessage(code));
}
