// npm run preview: builds the browser preview (webpack.preview.js → dist/preview/) and serves it on
// http://127.0.0.1:3100/ (PORT to change it; another free port when that one is taken). --no-build serves what is
// already built. Stop with Ctrl+C.
const path = require("node:path");
const { spawnSync } = require("node:child_process");
const { startPreviewServer } = require("./preview-server");

const ROOT = path.resolve(__dirname, "..");
const OUT = path.join(ROOT, "dist/preview");

async function main() {
  if (!process.argv.includes("--no-build")) {
    console.log("Building the preview (webpack.preview.js → dist/preview/)…");
    const webpack = require.resolve("webpack-cli/bin/cli.js");
    const r = spawnSync(process.execPath, [webpack, "--config", "webpack.preview.js", "--mode", "production"], {
      cwd: ROOT,
      stdio: ["ignore", "ignore", "inherit"],
    });
    if (r.status !== 0) {
      console.error("The preview build failed; see the messages above.");
      process.exit(r.status ?? 1);
    }
  }
  const wanted = Number(process.env.PORT ?? 3100);
  let server;
  try {
    server = await startPreviewServer({ root: OUT, port: wanted });
  } catch (e) {
    if (e.code !== "EADDRINUSE") throw e;
    server = await startPreviewServer({ root: OUT, port: 0 });
    console.log(`Port ${wanted} is taken; using another.`);
  }
  console.log(`\n信用考核助手 · 浏览器预览 / browser preview: ${server.url}`);
  console.log("Open it in a browser. It runs the task pane over a simulated workbook (the bundled sample);");
  console.log("open or drop your own .xlsx there. Nothing leaves this computer. Stop with Ctrl+C.\n");
  const stop = () => server.close().then(() => process.exit(0));
  process.on("SIGINT", stop);
  process.on("SIGTERM", stop);
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
