// The guard (src/guard/guard.js) in a real browser: the add-in's own pages (webpack.config.js, a production build made
// once here, its JavaScript left unminified to build in a third of the time), served as the preview is, in Debian's
// Chromium. A webview that cannot run the bundle is
// played by a bundle that does not parse (page.route answers its request with a syntax error) or by missing
// built-ins; the real office.js (the @microsoft/office-js package, answering for Microsoft's CDN) plays a browser
// outside Office; a stub Office (addInitScript) records what the function file does for the ribbon.
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { parse } from "acorn"; // webpack's own parser, here to hold the guard to ES5
import { type Browser, type BrowserContext, type Page, chromium } from "playwright-core";
import { FLAGS, ROOT, eventually } from "./harness";

// eslint-disable-next-line @typescript-eslint/no-require-imports -- the CommonJS server the harness uses
const { startPreviewServer } = require("../../scripts/preview-server.js") as {
  startPreviewServer: (o: { root: string; port?: number }) => Promise<{ url: string; close: () => Promise<void> }>;
};

jest.setTimeout(60_000);

const OFFICE_CDN = "https://appsforoffice.microsoft.com/lib/1/hosted/";
const OFFICE_DIST = path.join(ROOT, "node_modules/@microsoft/office-js/dist");
const GUARD_ZH = "此版本的 Excel 无法运行信用考核助手。请更新 Excel，或请信息技术人员安装微软的网页运行组件";
const GUARD_EN = "This version of Office cannot run the assistant.";
const LOADING = "正在加载";
const BROKEN = "const x = ;"; // a bundle the webview cannot parse

let out: string;
let server: { url: string; close: () => Promise<void> };
let browser: Browser;

beforeAll(async () => {
  out = fs.mkdtempSync(path.join(os.tmpdir(), "xinyong-guard-"));
  const r = spawnSync(
    process.execPath,
    [require.resolve("webpack-cli/bin/cli.js"), "--mode", "production", "--no-optimization-minimize"],
    { cwd: ROOT, env: { ...process.env, DEPLOY_URL: "https://guard.invalid/", BUILD_DIR: out }, encoding: "utf8" },
  );
  if (r.status !== 0) throw new Error(`webpack failed:\n${r.stdout}\n${r.stderr}`);
  server = await startPreviewServer({ root: out, port: 0 });
  browser = await chromium.launch({ executablePath: "/usr/bin/chromium", headless: true, args: FLAGS });
}, 180_000);

afterAll(async () => {
  await browser?.close();
  await server?.close();
  if (out) fs.rmSync(out, { recursive: true, force: true });
});

interface Tab {
  readonly context: BrowserContext;
  readonly page: Page;
  /** Uncaught exceptions in the page. */
  readonly uncaught: string[];
  /** Content-Security-Policy violations: directive and what was blocked. */
  readonly csp: string[];
}

type OfficeJs = "real" | "missing" | "stub";

/** A fresh context: office.js as asked, the named bundles broken, nothing else off the local server. */
async function open(officeJs: OfficeJs, broken: string[] = [], init?: () => void): Promise<Tab> {
  const context = await browser.newContext({ locale: "zh-CN" });
  const local = (u: string) => u.startsWith(server.url);
  await context.route("**/*", async (route) => {
    const url = route.request().url();
    const file = new URL(url).pathname.split("/").pop() ?? "";
    if (local(url)) {
      if (broken.some((name) => file.startsWith(`${name}.`) && file.endsWith(".js")))
        return route.fulfill({ contentType: "text/javascript", body: BROKEN });
      return route.continue();
    }
    if (url.startsWith(OFFICE_CDN)) {
      if (officeJs === "missing") return route.fulfill({ status: 404, body: "" });
      if (officeJs === "stub") return route.fulfill({ contentType: "text/javascript", body: "" }); // init's Office
      const real = path.join(OFFICE_DIST, url.slice(OFFICE_CDN.length).split("?")[0]);
      if (fs.existsSync(real)) return route.fulfill({ path: real, contentType: "text/javascript" });
    }
    return route.abort();
  });
  await context.addInitScript(() => {
    document.addEventListener("securitypolicyviolation", (e) =>
      console.error(`CSP violation: ${e.violatedDirective} ${e.blockedURI}`),
    );
  });
  if (init) await context.addInitScript(init);
  const page = await context.newPage();
  const uncaught: string[] = [];
  const csp: string[] = [];
  page.on("pageerror", (e) => uncaught.push(e.message));
  page.on("console", (m) => {
    if (m.type() === "error" && m.text().startsWith("CSP violation")) csp.push(m.text());
  });
  return { context, page, uncaught, csp };
}

const rootText = (page: Page) => page.locator("#root").innerText();
const failure = (page: Page) => page.evaluate(() => document.documentElement.getAttribute("data-guard-failed"));

/** The inline scripts of a built page. */
function inlineScripts(html: string): string[] {
  return [...html.matchAll(/<script(?![^>]*\ssrc=)[^>]*>([\s\S]*?)<\/script>/g)].map((m) => m[1]);
}

/** A stand-in for Office in the function file: records what is associated, the dialogs asked for, completions. */
function stubOffice() {
  const calls = { associated: [] as string[], dialogs: [] as string[], completed: 0 };
  const handlers: Record<string, (event: { completed: () => void }) => unknown> = {};
  Object.assign(window, {
    calls,
    handlers,
    Office: {
      onReady: (cb?: (info: unknown) => void) => {
        const info = { host: "Excel", platform: "PC" };
        return Promise.resolve(info).then((i) => (cb?.(i), i));
      },
      actions: {
        associate: (name: string, f: (event: { completed: () => void }) => unknown) => {
          calls.associated.push(name);
          handlers[name] = f;
        },
      },
      context: {
        displayLanguage: "zh-CN",
        ui: {
          displayDialogAsync: (url: string, _options: unknown, cb?: (r: unknown) => void) => {
            calls.dialogs.push(url);
            setTimeout(() => cb?.({ status: "succeeded" }), 0);
          },
        },
      },
    },
  });
}

interface CommandCalls {
  associated: string[];
  dialogs: string[];
  completed: number;
}
const commandCalls = (page: Page) =>
  page.evaluate(() => (window as unknown as { calls: CommandCalls }).calls) as Promise<CommandCalls>;

describe("the guard in the built pages", () => {
  it("is plain ES5, inlined first in the task pane (before its CSP) and the function file; dialog.html's too", () => {
    const es5 = (code: string) => parse(code, { ecmaVersion: 5, sourceType: "script" });
    expect(() => es5(fs.readFileSync(path.join(ROOT, "src/guard/guard.js"), "utf8"))).not.toThrow();
    for (const name of ["taskpane", "commands", "dialog"]) {
      const html = fs.readFileSync(path.join(out, `${name}.html`), "utf8");
      const inline = inlineScripts(html);
      expect({ name, inline: inline.length }).toEqual({ name, inline: 1 });
      expect(() => es5(inline[0])).not.toThrow();
      if (name === "dialog") continue;
      // Before every other script; in the pane before the Content-Security-Policy, which then needs no inline script.
      const guardAt = html.indexOf(inline[0]);
      expect(guardAt).toBeLessThan(html.search(/<script[^>]*\ssrc=/));
      if (name === "taskpane") {
        expect(guardAt).toBeLessThan(html.search(/<meta[^>]*Content-Security-Policy/));
        expect(html).toMatch(/script-src 'self' https:\/\/appsforoffice\.microsoft\.com;/);
      }
    }
  });
});

describe("task pane", () => {
  it("a bundle that does not parse: the guard's message replaces 正在加载", async () => {
    const t = await open("real", ["taskpane"]);
    try {
      await t.page.goto(`${server.url}taskpane.html`);
      const text = await eventually(
        () => rootText(t.page),
        (s) => expect(s).toContain(GUARD_ZH),
      );
      expect(text).toContain(GUARD_EN);
      expect(text.indexOf(GUARD_ZH)).toBeLessThan(text.indexOf(GUARD_EN)); // Chinese first, then English
      expect(text).not.toContain(LOADING);
      expect(await failure(t.page)).toBe("error");
      expect(t.uncaught.join("\n")).toMatch(/SyntaxError|Unexpected token/);
      expect(t.csp).toEqual([]);
    } finally {
      await t.context.close();
    }
  });

  it("a webview without the built-ins the bundle needs: the message, and the bundle does not start", async () => {
    const t = await open("real", [], () => {
      delete (Object as { fromEntries?: unknown }).fromEntries;
    });
    try {
      await t.page.goto(`${server.url}taskpane.html`); // resolves on load: the bundle has run by then
      const text = await rootText(t.page);
      expect(text).toContain(GUARD_ZH);
      expect(text).not.toContain(LOADING);
      expect(await failure(t.page)).toBe("features");
      expect(await t.page.evaluate(() => "__xinyongStarted" in window)).toBe(false);
      expect(t.uncaught).toEqual([]);
    } finally {
      await t.context.close();
    }
  });

  it("outside Office (the real office.js in a browser): 请在 Excel 中打开此加载项, and no guard message", async () => {
    const t = await open("real");
    try {
      await t.page.goto(`${server.url}taskpane.html`);
      const text = await eventually(
        () => rootText(t.page),
        (s) => expect(s).toContain("请在 Excel 中打开此加载项"),
      );
      expect(text).toContain("Please open this add-in in Excel");
      expect(text).not.toContain(GUARD_ZH);
      expect(text).not.toContain(LOADING);
      expect(await failure(t.page)).toBeNull();
      expect(t.uncaught).toEqual([]);
      // office.js outside Office may try to frame its telemetry page, which the policy refuses; nothing else is.
      expect(t.csp.filter((v) => !v.startsWith("CSP violation: frame-src"))).toEqual([]);
    } finally {
      await t.context.close();
    }
  });

  it("where office.js did not load: the same message, and no guard message", async () => {
    const t = await open("missing");
    try {
      await t.page.goto(`${server.url}taskpane.html`);
      const text = await eventually(
        () => rootText(t.page),
        (s) => expect(s).toContain("请在 Excel 中打开此加载项"),
      );
      expect(text).not.toContain(GUARD_ZH);
      expect(await failure(t.page)).toBeNull();
      expect(t.uncaught).toEqual([]);
    } finally {
      await t.context.close();
    }
  });
});

describe("function file (commands.html)", () => {
  it("a bundle that does not parse: 重新计算 shows the message in dialog.html and completes", async () => {
    const t = await open("stub", ["commands", "dialog"], stubOffice);
    try {
      await t.page.goto(`${server.url}commands.html`);
      expect(await failure(t.page)).toBe("error");
      await eventually(
        () => commandCalls(t.page),
        (c) => expect(c.associated).toEqual(["recalculate"]),
      );
      // The ribbon's call, through Office.actions and through the global the manifest names.
      for (const how of ["actions", "global"]) {
        await t.page.evaluate((via) => {
          const w = window as unknown as {
            calls: CommandCalls;
            handlers: Record<string, (e: { completed: () => void }) => void>;
            recalculate: (e: { completed: () => void }) => void;
          };
          const event = { completed: () => void w.calls.completed++ };
          (via === "actions" ? w.handlers.recalculate : w.recalculate)(event);
        }, how);
      }
      const calls = await eventually(
        () => commandCalls(t.page),
        (c) => expect(c.completed).toBe(2),
      );
      expect(calls.dialogs).toHaveLength(2);
      const dialog = new URL(calls.dialogs[0]);
      expect(dialog.href.startsWith(`${server.url}dialog.html?m=`)).toBe(true);
      const message = dialog.searchParams.get("m") ?? "";
      expect(message).toContain(GUARD_ZH);
      expect(message.split("\n")[1]).toContain(GUARD_EN);
      // The dialog shows it without its bundle (broken here too): dialog.html's own ES5 script.
      await t.page.goto(dialog.href);
      expect(await t.page.locator("#message").innerText()).toBe(message);
    } finally {
      await t.context.close();
    }
  });

  it("a bundle that runs: the bundle's own 重新计算, and the guard stays out of the way", async () => {
    const t = await open("stub", [], stubOffice);
    try {
      await t.page.goto(`${server.url}commands.html`);
      await eventually(
        () => commandCalls(t.page),
        (c) => expect(c.associated).toEqual(["recalculate"]),
      );
      expect(await failure(t.page)).toBeNull();
      expect(t.uncaught).toEqual([]);
    } finally {
      await t.context.close();
    }
  });

  it("dialog.html shows the same text with or without its bundle, as commands.ts encodes it", async () => {
    const text = "工作表“考核表”受保护 a+b\nSheet is protected";
    const url = new URL(`${server.url}dialog.html`);
    url.searchParams.set("m", text); // as commands.ts passes it: spaces as +
    for (const broken of [[], ["dialog"]]) {
      const t = await open("stub", broken);
      try {
        await t.page.goto(url.href);
        expect({ broken, text: await t.page.locator("#message").innerText() }).toEqual({ broken, text });
      } finally {
        await t.context.close();
      }
    }
  });
});
