// The manifest, validated offline against the XML schemas, its resource ids and the files a production build emits;
// the build's URL rewriting, and the task pane's JavaScript against the 150 KB gzip target.
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import zlib from "node:zlib";

// eslint-disable-next-line @typescript-eslint/no-require-imports -- a CommonJS build script, shared with `npm run validate`
const { checkManifest, schemaDir, urls } = require("../../scripts/manifest-check.js") as {
  checkManifest: (file: string, o?: { buildDir?: string; deployUrl?: string }) => string[];
  schemaDir: () => string;
  urls: (xml: string) => string[];
};

const ROOT = path.resolve(__dirname, "../..");
const DEPLOY_URL = "https://oa.hengdong.example/xinyong/";
let out: string;

function webpack(env: Record<string, string | undefined>) {
  return spawnSync(process.execPath, [require.resolve("webpack-cli/bin/cli.js"), "--mode", "production"], {
    cwd: ROOT,
    env: { ...process.env, ...env },
    encoding: "utf8",
  });
}

beforeAll(() => {
  out = fs.mkdtempSync(path.join(os.tmpdir(), "xinyong-addin-"));
  const r = webpack({ DEPLOY_URL, BUILD_DIR: out });
  if (r.status !== 0) throw new Error(`webpack failed:\n${r.stdout}\n${r.stderr}`);
}, 240_000);

afterAll(() => fs.rmSync(out, { recursive: true, force: true }));

describe("manifest.xml", () => {
  it("validates against the schemas, and every resid resolves", () => {
    expect(fs.existsSync(path.join(schemaDir(), "OfficeAppManifestV1_1.xsd"))).toBe(true);
    expect(checkManifest(path.join(ROOT, "manifest.xml"))).toEqual([]);
  });

  it("asks for what the host code needs: Workbook, ReadWriteDocument, ExcelApi 1.9, both ribbon buttons", () => {
    const xml = fs.readFileSync(path.join(ROOT, "manifest.xml"), "utf8");
    expect(xml).toMatch(/<Host Name="Workbook"\/>/);
    expect(xml).toMatch(/<Permissions>ReadWriteDocument<\/Permissions>/);
    expect(xml).toMatch(/<Set Name="ExcelApi" MinVersion="1.9"\/>/);
    expect(xml).toMatch(/<DisplayName DefaultValue="信用考核助手">\s*<Override Locale="en-US"/);
    expect(xml).toMatch(/<OfficeTab id="TabHome">/);
    expect(xml).toMatch(/DefaultValue="打开考核助手"/);
    expect(xml).toMatch(/DefaultValue="重新计算"/);
    expect(xml).toMatch(/<Action xsi:type="ExecuteFunction">\s*<FunctionName>recalculate<\/FunctionName>/);
  });

  it("catches a dangling resid and a schema violation", () => {
    const bad = path.join(out, "bad.xml");
    const xml = fs.readFileSync(path.join(ROOT, "manifest.xml"), "utf8");
    fs.writeFileSync(bad, xml.replace('resid="Recalculate.Tooltip"', 'resid="Nope"').replace("<Version>", "<Versio>"));
    const problems = checkManifest(bad);
    expect(problems.some((p) => p.includes('resid "Nope"'))).toBe(true);
    expect(problems.some((p) => p.startsWith("xmllint"))).toBe(true);
  });
});

describe("production build", () => {
  it("rewrites every URL to DEPLOY_URL and emits every file the manifest names", () => {
    const built = path.join(out, "manifest.xml");
    expect(checkManifest(built, { buildDir: out, deployUrl: DEPLOY_URL })).toEqual([]);
    const xml = fs.readFileSync(built, "utf8");
    expect(xml).not.toContain("localhost");
    expect(
      urls(xml)
        .map((u) => u.slice(DEPLOY_URL.length))
        .sort(),
    ).toEqual([
      "assets/icon-16.png",
      "assets/icon-32.png",
      "assets/icon-64.png",
      "assets/icon-80.png",
      "commands.html",
      "help.html",
      "taskpane.html",
    ]);
    // no AppDomain beyond the deployment's own, and no permission beyond ReadWriteDocument
    expect([...xml.matchAll(/<AppDomain>([^<]*)<\/AppDomain>/g)].map((m) => m[1])).toEqual([
      "https://oa.hengdong.example",
    ]);
    expect([...xml.matchAll(/<Permissions>([^<]*)<\/Permissions>/g)].map((m) => m[1])).toEqual(["ReadWriteDocument"]);
    for (const size of [16, 32, 64, 80, 128])
      expect(fs.existsSync(path.join(out, `assets/icon-${size}.png`))).toBe(true);
  });

  it("loads office.js from Microsoft's CDN and the function file defines recalculate", () => {
    const html = fs.readFileSync(path.join(out, "taskpane.html"), "utf8");
    expect(html).toContain("https://appsforoffice.microsoft.com/lib/1/hosted/office.js");
    // Its Content-Security-Policy lets scripts come from the add-in's server and that CDN only, and connections go
    // to the add-in's server only.
    const csp = /http-equiv="?Content-Security-Policy"?\s+content="([^"]+)"/.exec(html)?.[1] ?? "";
    expect(csp).toContain("script-src 'self' https://appsforoffice.microsoft.com;");
    expect(csp).toContain("connect-src 'self';");
    expect(csp).toContain("default-src 'self';");
    const commands = fs.readdirSync(out).find((f) => /^commands\..*\.js$/.test(f))!;
    expect(fs.readFileSync(path.join(out, commands), "utf8")).toContain("recalculate");
  });

  it("keeps the task pane's JavaScript under 150 KB gzip", () => {
    const html = fs.readFileSync(path.join(out, "taskpane.html"), "utf8");
    // Minified HTML may leave attribute values unquoted.
    const scripts = [...html.matchAll(/<script[^>]*\ssrc=(?:"([^"]+)"|([^\s>]+))/g)]
      .map((m) => m[1] ?? m[2])
      .filter((s) => !/^https?:/.test(s));
    expect(scripts.length).toBeGreaterThan(0);
    const gz = scripts.reduce((n, s) => n + zlib.gzipSync(fs.readFileSync(path.join(out, s)), { level: 9 }).length, 0);
    expect(gz).toBeLessThan(150 * 1024);
  });

  it("refuses a production build without DEPLOY_URL, saying what to set", () => {
    const r = webpack({ DEPLOY_URL: "", BUILD_DIR: path.join(out, "none") });
    expect(r.status).not.toBe(0);
    expect(`${r.stdout}${r.stderr}`).toContain("DEPLOY_URL is not set");
  }, 120_000);
});
