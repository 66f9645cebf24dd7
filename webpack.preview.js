// Builds the browser preview (npm run preview; the end-to-end tests in test/e2e): index.html with the simulated
// workbook, and beside it the add-in's own task pane page (src/html/taskpane.html and src/taskpane/index.tsx) with
// office-shim.js in office.js's place, so the pane and its Office host run unchanged and office.js is never loaded.
// Output: dist/preview/, or PREVIEW_DIR. Both pages carry a Content-Security-Policy that allows their own origin only.
const path = require("node:path");
const HtmlWebpackPlugin = require("html-webpack-plugin");
const CopyWebpackPlugin = require("copy-webpack-plugin");
const tsRule = require("./scripts/ts-rule");
const { previewCsp } = require("./scripts/csp");

const SHIM = "office-shim.js";

module.exports = (_env, argv) => {
  const production = (argv.mode ?? "production") === "production";
  const csp = previewCsp();
  return {
    mode: production ? "production" : "development",
    devtool: false,
    entry: {
      preview: "./src/preview/main.tsx",
      "office-shim": "./src/preview/office-shim.ts",
      taskpane: "./src/taskpane/index.tsx",
    },
    output: {
      path: process.env.PREVIEW_DIR ? path.resolve(process.env.PREVIEW_DIR) : path.resolve(__dirname, "dist/preview"),
      filename: (data) => (data.chunk.name === "office-shim" ? SHIM : "[name].[contenthash:8].js"),
      clean: true,
    },
    // a dynamic import names the module as Node's ESM resolution wants it ("./recalculate.js"): the .ts source
    resolve: { extensions: [".ts", ".tsx", ".js"], extensionAlias: { ".js": [".ts", ".tsx", ".js"] } },
    module: {
      // ExcelJS's browser build is already minified and self-contained.
      noParse: /exceljs[\\/]dist[\\/]exceljs\.min\.js$/,
      rules: [tsRule(false)],
    },
    plugins: [
      new HtmlWebpackPlugin({
        filename: "index.html",
        template: "./src/preview/preview.html",
        chunks: ["preview"],
        templateParameters: { csp },
        scriptLoading: "defer",
      }),
      new HtmlWebpackPlugin({
        filename: "taskpane.html",
        template: "./src/html/taskpane.html",
        chunks: ["taskpane"],
        templateParameters: { officeJs: SHIM, csp },
        scriptLoading: "defer",
      }),
      new CopyWebpackPlugin({
        patterns: [
          { from: "samples/sample-2020.xlsx", to: "sample-2020.xlsx" },
          { from: "assets/icon-32.png", to: "icon-32.png" },
        ],
      }),
    ],
    performance: { hints: false },
  };
};
