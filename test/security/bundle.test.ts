// The production task-pane build runs no code made from strings (no eval, no new Function) and has no way to send
// anything off the machine (no fetch, XMLHttpRequest, WebSocket, sendBeacon, EventSource): README "Privacy and
// security". Built here with webpack --mode production into a temporary folder, as `npm run build` builds it.
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";

const ROOT = path.resolve(__dirname, "../..");

/** webpack's own runtime finds the global object with `new Function("return this")` only where globalThis is missing
 * (no Office webview: WebView2, WKWebView and Chromium all have it); it is dead code there, and the one exception. */
const WEBPACK_GLOBAL_FALLBACK = 'this||new Function("return this")()';

const CODE_FROM_STRINGS =
  /\beval\s*\(|\bnew\s+Function\s*\(|(?<![\w.$])Function\s*\(\s*["'`]|set(?:Timeout|Interval)\s*\(\s*["'`]/;
const NETWORK = /\bfetch\s*\(|XMLHttpRequest|WebSocket|sendBeacon|EventSource|importScripts/;

let out: string;
let scripts: { name: string; code: string }[];

beforeAll(() => {
  out = fs.mkdtempSync(path.join(os.tmpdir(), "xinyong-bundle-"));
  const r = spawnSync(process.execPath, [require.resolve("webpack-cli/bin/cli.js"), "--mode", "production"], {
    cwd: ROOT,
    env: { ...process.env, DEPLOY_URL: "https://security.invalid/", BUILD_DIR: out },
    encoding: "utf8",
  });
  if (r.status !== 0) throw new Error(`webpack failed:\n${r.stdout}\n${r.stderr}`);
  scripts = fs
    .readdirSync(out)
    .filter((f) => f.endsWith(".js"))
    .map((name) => ({ name, code: fs.readFileSync(path.join(out, name), "utf8") }));
}, 300_000);
afterAll(() => fs.rmSync(out, { recursive: true, force: true }));

const around = (code: string, re: RegExp): string => {
  const m = re.exec(code);
  return m ? code.slice(Math.max(0, m.index - 80), m.index + 80) : "";
};

describe("the production add-in bundle", () => {
  it("has the task pane, the ribbon's function file, its dialog, and the engine the pane loads on first use", () => {
    const names = scripts.map((s) => s.name.replace(/\.[0-9a-f]{8}\.js$/, ""));
    expect(names.sort()).toEqual(["commands", "dialog", "engine", "taskpane"]);
  });

  it("runs no code made from strings: no eval, no new Function", () => {
    for (const s of scripts) {
      const code = s.code.split(WEBPACK_GLOBAL_FALLBACK).join("");
      expect({ script: s.name, found: around(code, CODE_FROM_STRINGS) }).toEqual({ script: s.name, found: "" });
    }
  });

  it("has no way to send anything off the machine", () => {
    for (const s of scripts) {
      expect({ script: s.name, found: around(s.code, NETWORK) }).toEqual({ script: s.name, found: "" });
    }
  });

  it("loads no script but its own and office.js", () => {
    for (const page of fs.readdirSync(out).filter((f) => f.endsWith(".html"))) {
      const html = fs.readFileSync(path.join(out, page), "utf8");
      const external = [...html.matchAll(/<script[^>]*\ssrc=(?:"([^"]+)"|([^\s>]+))/g)]
        .map((m) => m[1] ?? m[2])
        .filter((src) => /^(https?:)?\/\//.test(src));
      for (const src of external)
        expect(src).toMatch(/^https:\/\/appsforoffice\.microsoft\.com\/lib\/1\/hosted\/office\.js$/);
    }
  });
});

describe("our own sources", () => {
  it("run no code made from strings anywhere (the command line and the engine included)", () => {
    const files: string[] = [];
    const walk = (d: string) => {
      for (const e of fs.readdirSync(d, { withFileTypes: true })) {
        const p = path.join(d, e.name);
        if (e.isDirectory()) walk(p);
        else if (/\.tsx?$/.test(e.name)) files.push(p);
      }
    };
    walk(path.join(ROOT, "src"));
    expect(files.length).toBeGreaterThan(20);
    for (const f of files) {
      const code = fs.readFileSync(f, "utf8");
      expect({ file: path.relative(ROOT, f), found: around(code, CODE_FROM_STRINGS) }).toEqual({
        file: path.relative(ROOT, f),
        found: "",
      });
    }
  });
});
