// Builds the add-in: the task pane, the ribbon's function file (commands) and its error dialog, the icons and the
// manifest with its URLs pointing at the deployment.
//   npm run build       production; DEPLOY_URL (the intranet server, e.g. https://oa.example.gov.cn/xinyong/) required
//   npm run build:dev   development, https://localhost:3000/
//   npm run dev-server  development over HTTPS with office-addin-dev-certs
// OFFICE_JS=local serves office.js from @microsoft/office-js (for networks that cannot reach Microsoft's CDN).
const path = require("node:path");
const HtmlWebpackPlugin = require("html-webpack-plugin");
const CopyWebpackPlugin = require("copy-webpack-plugin");
const tsRule = require("./scripts/ts-rule");
const { paneCsp } = require("./scripts/csp");

const DEV_URL = "https://localhost:3000/";
const CDN_OFFICE_JS = "https://appsforoffice.microsoft.com/lib/1/hosted/office.js";
const GUARD = path.resolve(__dirname, "src/guard/guard.js");

/** The guard (src/guard/guard.js, plain ES5) as an inline <script>, without its comment lines: the first script of the
 * task pane and of the function file, which tells a webview that cannot run the bundles (Trident, EdgeHTML) and says
 * so. */
function guardScript() {
  const code = require("node:fs")
    .readFileSync(GUARD, "utf8")
    .split("\n")
    .filter((line) => !/^\s*\/\//.test(line))
    .join("\n")
    .trim();
  if (code.includes("</")) throw new Error(`${GUARD} must not contain "</": it is inlined in a <script> element.`);
  return `<script>${code}</script>`;
}

function deployUrl(production) {
  const url = process.env.DEPLOY_URL;
  if (!url) {
    if (production) {
      throw new Error(
        "DEPLOY_URL is not set. Give the HTTPS address the add-in is served from, e.g. " +
          "DEPLOY_URL=https://oa.example.gov.cn/xinyong/ npm run build (npm run build:dev builds for https://localhost:3000/).",
      );
    }
    return DEV_URL;
  }
  if (!/^https:\/\/[^/]+/.test(url)) throw new Error(`DEPLOY_URL must be an https:// address, not "${url}".`);
  return url.endsWith("/") ? url : `${url}/`;
}

/** The manifest with every development URL (and the AppDomain) rewritten to the deployment. */
function rewriteManifest(xml, url) {
  const origin = new URL(url).origin;
  return xml.replaceAll(DEV_URL, url).replaceAll("https://localhost:3000<", `${origin}<`);
}

/** office-addin-dev-certs makes a localhost certificate and trusts its CA (Windows, macOS). Where it cannot install
 * the CA (Linux without sudo), the generated files are used as they are and the browser or Office must be told to
 * trust ~/.office-addin-dev-certs/ca.crt by hand. */
async function httpsOptions() {
  const devCerts = require("office-addin-dev-certs");
  try {
    return await devCerts.getHttpsServerOptions();
  } catch (e) {
    const fs = require("node:fs");
    const defaults = require("office-addin-dev-certs/lib/defaults");
    if (!fs.existsSync(defaults.localhostCertificatePath)) throw e;
    console.warn(`Could not install the development CA (${e.message.split("\n")[0]}).`);
    console.warn(`Serving with ${defaults.localhostCertificatePath}; trust ${defaults.caCertificatePath} by hand.`);
    return {
      ca: fs.readFileSync(defaults.caCertificatePath),
      cert: fs.readFileSync(defaults.localhostCertificatePath),
      key: fs.readFileSync(defaults.localhostKeyPath),
    };
  }
}

module.exports = async (env, argv) => {
  const production = argv.mode === "production";
  const url = deployUrl(production);
  const localOfficeJs = process.env.OFFICE_JS === "local";
  const officeJs = localOfficeJs ? "office-js/office.js" : CDN_OFFICE_JS;
  const outDir = process.env.BUILD_DIR ? path.resolve(process.env.BUILD_DIR) : path.resolve(__dirname, "dist/addin");
  const guard = guardScript();
  const html = (name, chunks, withGuard = false) =>
    new HtmlWebpackPlugin({
      filename: `${name}.html`,
      template: `./src/html/${name}.html`,
      chunks,
      templateParameters: { officeJs, csp: paneCsp({ localOfficeJs }) },
      scriptLoading: "defer",
      publicPath: "", // the pages name their scripts relative to themselves, as before

      guard: withGuard ? guard : "",
    });
  const copies = [
    { from: "assets/*.png", to: "assets/[name][ext]" },
    { from: "manifest.xml", to: "manifest.xml", transform: (content) => rewriteManifest(content.toString(), url) },
  ];
  if (localOfficeJs) copies.push({ from: "node_modules/@microsoft/office-js/dist", to: "office-js" });

  const config = {
    devtool: production ? false : "source-map",
    entry: {
      taskpane: "./src/taskpane/index.tsx",
      commands: "./src/commands/commands.ts",
      dialog: "./src/commands/dialog.ts",
    },
    // publicPath given, so the chunk loader carries no code to guess it (the engine chunk, loaded on first use)
    output: { path: outDir, filename: "[name].[contenthash:8].js", publicPath: url, clean: true },
    // a dynamic import names the module as Node's ESM resolution wants it ("./recalculate.js"): the .ts source
    resolve: { extensions: [".ts", ".tsx", ".js"], extensionAlias: { ".js": [".ts", ".tsx", ".js"] } },
    module: {
      rules: [
        tsRule(!production),
        // The core, the rules and the hosts run nothing when imported: what a bundle does not use of them is left out,
        // so the pane's first load does not carry the engine it loads on first use (hosts/office/workbook.ts).
        { test: /[\\/]src[\\/](core|rules|hosts)[\\/]/, sideEffects: false },
      ],
    },
    plugins: [
      html("taskpane", ["taskpane"], true),
      html("commands", ["commands"], true),
      html("dialog", ["dialog"]),
      new HtmlWebpackPlugin({ filename: "help.html", template: "./src/html/help.html", inject: false }),
      new CopyWebpackPlugin({ patterns: copies }),
    ],
    performance: { hints: false },
  };
  if (argv.env && argv.env.WEBPACK_SERVE) {
    config.devServer = {
      port: 3000,
      headers: { "Access-Control-Allow-Origin": "*" },
      server: { type: "https", options: await httpsOptions() },
    };
  }
  return config;
};
