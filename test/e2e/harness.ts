// The end-to-end tests' surroundings: the browser preview built once per source state (test-output/preview-build/),
// served on a free loopback port, Debian's Chromium driven by playwright-core with a fresh profile, a record of every
// request the pages make (anything not on the local server is refused and fails the test), console errors and CSP
// violations collected, axe-core, screenshots in test-output/screenshots/, and the command line's own numbers.
import { spawnSync } from "node:child_process";
import crypto from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import AxeBuilder from "@axe-core/playwright";
import ExcelJS from "exceljs";
import { type BrowserContext, type Frame, type FrameLocator, type Page, chromium } from "playwright-core";
import type { Report } from "../../src/core";
import { type Io, main as cli } from "../../src/cli/main";

export const ROOT = path.resolve(__dirname, "../..");
export const SAMPLE = path.join(ROOT, "samples/sample-2020.xlsx");
export const OUTPUT = path.join(ROOT, "test-output");
export const SCREENSHOTS = path.join(OUTPUT, "screenshots");
const CHROMIUM = "/usr/bin/chromium";

// ------------------------------------------------------------------------------------------------ the build

/** Everything the preview is built from: a change to any of these rebuilds it. */
function sourceHash(): string {
  const files: string[] = [];
  const walk = (dir: string) => {
    for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
      const p = path.join(dir, e.name);
      if (e.isDirectory()) walk(p);
      else files.push(p);
    }
  };
  for (const dir of ["src", "test/fakes"]) walk(path.join(ROOT, dir));
  for (const f of ["webpack.preview.js", "scripts/csp.js", "package-lock.json", "samples/sample-2020.xlsx"])
    files.push(path.join(ROOT, f));
  const hash = crypto.createHash("sha256");
  for (const f of files.sort()) hash.update(path.relative(ROOT, f)).update("\0").update(fs.readFileSync(f));
  return hash.digest("hex").slice(0, 16);
}

/** The preview's build for the sources as they are: built once (webpack.preview.js), reused by every test file. */
export function previewBuild(): string {
  const base = path.join(OUTPUT, "preview-build");
  const hash = sourceHash();
  const dir = path.join(base, hash);
  if (fs.existsSync(path.join(dir, "index.html"))) return dir;
  fs.mkdirSync(base, { recursive: true });
  const tmp = `${dir}.tmp-${process.pid}`;
  const r = spawnSync(
    process.execPath,
    [require.resolve("webpack-cli/bin/cli.js"), "--config", "webpack.preview.js", "--mode", "production"],
    { cwd: ROOT, env: { ...process.env, PREVIEW_DIR: tmp }, encoding: "utf8" },
  );
  if (r.status !== 0) throw new Error(`preview build failed:\n${r.stdout}\n${r.stderr}`);
  try {
    fs.renameSync(tmp, dir);
  } catch {
    fs.rmSync(tmp, { recursive: true, force: true }); // another test file built the same sources meanwhile
  }
  for (const old of fs.readdirSync(base))
    if (old !== hash && !old.includes(".tmp-")) fs.rmSync(path.join(base, old), { recursive: true, force: true });
  return dir;
}

// ------------------------------------------------------------------------------------------------ server and browser

// eslint-disable-next-line @typescript-eslint/no-require-imports -- the CommonJS server `npm run preview` uses
const { startPreviewServer } = require("../../scripts/preview-server.js") as {
  startPreviewServer: (o: { root: string; port?: number }) => Promise<{ url: string; close: () => Promise<void> }>;
};

export interface Session {
  readonly url: string;
  readonly context: BrowserContext;
  readonly page: Page;
  /** Every URL the pages asked for. */
  readonly requests: string[];
  /** Requests to anywhere but the local server (refused). */
  readonly offsite: string[];
  /** Console errors, uncaught exceptions and CSP violations in the page and the pane. */
  readonly errors: string[];
  close(): Promise<void>;
}

export const FLAGS = [
  "--no-sandbox",
  "--disable-gpu",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
  "--no-first-run",
  "--disable-quic",
];

export async function openSession(): Promise<Session> {
  if (!fs.existsSync(CHROMIUM)) {
    throw new Error(
      `The browser tests drive Debian's Chromium at ${CHROMIUM}, which is not installed: ` +
        "apt-get install -y --no-install-recommends chromium fonts-noto-cjk (.ci/run does).",
    );
  }
  const server = await startPreviewServer({ root: previewBuild(), port: 0 });
  const origin = new URL(server.url).origin;
  const profile = fs.mkdtempSync(path.join(os.tmpdir(), "xinyong-chromium-"));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM,
    headless: true,
    args: FLAGS, // the profile given here is the fresh --user-data-dir
    viewport: { width: 1400, height: 900 },
    locale: "zh-CN",
  });
  const requests: string[] = [];
  const offsite: string[] = [];
  const errors: string[] = [];
  const local = (u: string) => u.startsWith(`${origin}/`) || u.startsWith("data:") || u.startsWith("blob:");
  context.on("request", (r) => {
    requests.push(r.url());
    if (!local(r.url())) offsite.push(r.url());
  });
  await context.route("**/*", (route) => (local(route.request().url()) ? route.continue() : route.abort()));
  await context.addInitScript(() => {
    document.addEventListener("securitypolicyviolation", (e) =>
      console.error(`CSP violation: ${e.violatedDirective} ${e.blockedURI}`),
    );
  });
  const page = context.pages()[0] ?? (await context.newPage());
  page.on("console", (m) => {
    if (m.type() === "error") errors.push(m.text());
  });
  page.on("pageerror", (e) => errors.push(`uncaught: ${e.message}`));
  return {
    url: server.url,
    context,
    page,
    requests,
    offsite,
    errors,
    async close() {
      await context.close();
      await server.close();
      fs.rmSync(profile, { recursive: true, force: true });
    },
  };
}

// ------------------------------------------------------------------------------------------------ the page

/** The task pane's frame. */
export function pane(page: Page): FrameLocator {
  return page.frameLocator('iframe[data-testid="pane"]');
}

export function paneFrame(page: Page): Frame {
  const f = page.frames().find((x) => x.url().endsWith("/taskpane.html"));
  if (!f) throw new Error("no task pane frame");
  return f;
}

/** Opens the preview and waits for the pane to be ready (its settings loaded from the workbook). */
export async function openPreview(s: Session, query = ""): Promise<void> {
  await s.page.goto(`${s.url}${query}`);
  await paneReady(s.page);
}

export async function paneReady(page: Page, settingsLabel = /评分设置|Scoring settings/): Promise<void> {
  await pane(page).getByText(settingsLabel).first().waitFor();
}

export interface GridCell {
  value?: string;
  fill?: string;
  text: string;
  selected: boolean;
}

/** The shown sheet as the grid draws it: address → value, fill, text. */
export async function gridCells(page: Page): Promise<{ sheet: string; cells: Record<string, GridCell> }> {
  return page.evaluate(() => {
    const table = document.querySelector<HTMLElement>('table[role="grid"]');
    const cells: Record<string, { value?: string; fill?: string; text: string; selected: boolean }> = {};
    for (const td of table?.querySelectorAll<HTMLElement>("td[data-cell]") ?? []) {
      cells[td.dataset.cell!] = {
        value: td.dataset.value,
        fill: td.dataset.fill,
        text: td.textContent ?? "",
        selected: td.getAttribute("aria-selected") === "true",
      };
    }
    return { sheet: table?.dataset.sheet ?? "", cells };
  });
}

export async function showSheet(page: Page, name: string): Promise<void> {
  await page.getByRole("tab", { name, exact: true }).click();
  await page.locator(`table[role="grid"][data-sheet="${name}"]`).waitFor();
}

/** Presses Tab until the focused element (in the page or the pane) matches, at most `max` times. */
export async function tabTo(
  page: Page,
  matches: (el: { name: string; role: string; tag: string }) => boolean,
  max = 60,
  key = "Tab",
): Promise<number> {
  for (let i = 1; i <= max; i++) {
    await page.keyboard.press(key);
    const el = await focused(page);
    if (el && matches(el)) return i;
  }
  throw new Error(`nothing matching was reached with ${max} × ${key}`);
}

/** The focused element, looking into the pane's frame when it has the focus. */
export async function focused(page: Page): Promise<{ name: string; role: string; tag: string } | null> {
  const describe = () => {
    // Text a screen reader reads: without what is aria-hidden (icons).
    const visibleText = (el: Element): string =>
      [...el.childNodes]
        .map((n) =>
          n.nodeType === Node.TEXT_NODE
            ? (n.textContent ?? "")
            : n instanceof Element && n.getAttribute("aria-hidden") !== "true"
              ? visibleText(n)
              : "",
        )
        .join("");
    const el = document.activeElement as HTMLElement | null;
    if (!el || el === document.body) return null;
    const labelled = el.getAttribute("aria-labelledby");
    const label =
      el.getAttribute("aria-label") ??
      (labelled ? document.getElementById(labelled)?.textContent : null) ??
      (el as HTMLInputElement).labels?.[0]?.textContent ??
      visibleText(el);
    return { name: label.trim(), role: el.getAttribute("role") ?? "", tag: el.tagName.toLowerCase() };
  };
  const top = await page.evaluate(describe);
  if (top?.tag === "iframe") return paneFrame(page).evaluate(describe);
  return top;
}

/** axe-core on the page and the pane's frame: serious and critical violations, each with where it is. */
export async function seriousViolations(page: Page): Promise<string[]> {
  // The grid's thousands of cells are the simulated Excel, not the add-in, and would take axe half a minute.
  const result = await new AxeBuilder({ page })
    .withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"])
    .exclude('table[role="grid"] tbody')
    .analyze();
  return result.violations
    .filter((v) => v.impact === "serious" || v.impact === "critical")
    .map((v) => `${v.id} (${v.impact}): ${v.help} — ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`);
}

export async function screenshot(page: Page, name: string, fullPane = false): Promise<string> {
  fs.mkdirSync(SCREENSHOTS, { recursive: true });
  const file = path.join(SCREENSHOTS, `${name}.png`);
  if (!fullPane) {
    await page.screenshot({ path: file });
    return file;
  }
  // The whole pane, however long: the page made tall enough that the pane's frame needs no scrolling.
  const size = page.viewportSize()!;
  const height = await paneFrame(page).evaluate(() => document.documentElement.scrollHeight);
  await page.setViewportSize({ width: size.width, height: Math.max(size.height, height + 200) });
  await page.locator("aside").screenshot({ path: file });
  await page.setViewportSize(size);
  return file;
}

/** Elements of the pane that stick out past its right edge (cut off at the pane's width). */
export async function cutOff(page: Page): Promise<string[]> {
  return paneFrame(page).evaluate(() => {
    const width = document.documentElement.clientWidth;
    const out: string[] = [];
    if (document.documentElement.scrollWidth > width)
      out.push(`page scrolls sideways (${document.documentElement.scrollWidth} > ${width})`);
    for (const el of document.body.querySelectorAll<HTMLElement>("*")) {
      const r = el.getBoundingClientRect();
      if (r.width === 0 || r.height === 0) continue;
      if (r.right > width + 0.5)
        out.push(`${el.tagName.toLowerCase()} "${(el.textContent ?? "").slice(0, 30)}" ends at ${Math.round(r.right)}`);
    }
    return out;
  });
}

/** The font families Chromium actually drew an element's text with (CDP CSS.getPlatformFontsForNode). */
export async function renderedFonts(page: Page, selector: string, inPane = false): Promise<string[]> {
  const cdp = await page.context().newCDPSession(page);
  try {
    await cdp.send("DOM.enable");
    await cdp.send("CSS.enable");
    const { root } = await cdp.send("DOM.getDocument", { depth: -1, pierce: true });
    let docId = root.nodeId;
    if (inPane) {
      const { nodeId: frameId } = await cdp.send("DOM.querySelector", {
        nodeId: root.nodeId,
        selector: 'iframe[data-testid="pane"]',
      });
      const { node } = await cdp.send("DOM.describeNode", { nodeId: frameId, depth: 1, pierce: true });
      const inner = node.contentDocument;
      if (!inner) throw new Error("the pane's document is not reachable");
      const pushed = await cdp.send("DOM.pushNodesByBackendIdsToFrontend", { backendNodeIds: [inner.backendNodeId] });
      docId = pushed.nodeIds[0];
    }
    const { nodeId } = await cdp.send("DOM.querySelector", { nodeId: docId, selector });
    const { fonts } = await cdp.send("CSS.getPlatformFontsForNode", { nodeId });
    return fonts.map((f) => f.familyName);
  } finally {
    await cdp.detach();
  }
}

// ------------------------------------------------------------------------------------------------ the command line

export interface CliRun {
  readonly code: number;
  readonly stderr: string;
  readonly report?: Report;
  /** The scored workbook the command line wrote. */
  readonly workbook?: ExcelJS.Workbook;
}

/** `xinyong score <file> [args]`, in-process, as the command line's tests run it. */
export async function cliScore(file: string, args: string[] = []): Promise<CliRun> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "xinyong-e2e-cli-"));
  try {
    const out = path.join(dir, "scored.xlsx");
    const json = path.join(dir, "report.json");
    let stderr = "";
    const io: Io = { out: () => undefined, err: (t) => void (stderr += t) };
    const code = await cli(["score", file, "--out", out, "--json", json, ...args], io);
    if (code !== 0) return { code, stderr };
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(out);
    return { code, stderr, report: JSON.parse(fs.readFileSync(json, "utf8")) as Report, workbook };
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

/** `xinyong template --out …`, in-process. */
export async function cliTemplate(): Promise<ExcelJS.Workbook> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "xinyong-e2e-cli-"));
  try {
    const out = path.join(dir, "template.xlsx");
    const code = await cli(["template", "--out", out], { out: () => undefined, err: () => undefined });
    if (code !== 0) throw new Error(`xinyong template exited ${code}`);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(out);
    return wb;
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

/** A cell value as the grid's data-value holds it (the simulated Excel's value, as text). */
export function valueText(v: ExcelJS.CellValue): string | undefined {
  if (v === null || v === undefined || v === "") return undefined;
  if (typeof v === "object" && "richText" in v) return v.richText.map((t) => t.text).join("");
  if (typeof v === "object" && "result" in v) return valueText(v.result as ExcelJS.CellValue);
  return String(v);
}

/** Every non-empty cell of a sheet: address → value text. */
export function sheetValues(ws: ExcelJS.Worksheet): Record<string, string> {
  const out: Record<string, string> = {};
  ws.eachRow((row) =>
    row.eachCell((cell) => {
      const v = valueText(cell.value);
      // A merged area's value is in its top-left cell only (ExcelJS repeats it in the others).
      if (v !== undefined && (!cell.isMerged || cell.master.address === cell.address)) out[cell.address] = v;
    }),
  );
  return out;
}

/** A copy of a workbook file with some cells changed, in a temporary folder. */
export async function edited(file: string, sheet: string, changes: Record<string, ExcelJS.CellValue>): Promise<string> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(file);
  const ws = wb.getWorksheet(sheet)!;
  for (const [a1, v] of Object.entries(changes)) ws.getCell(a1).value = v;
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "xinyong-e2e-"));
  const out = path.join(dir, path.basename(file));
  await wb.xlsx.writeFile(out);
  return out;
}

/** Polls `read` until `check` passes (it throws until then), as a user waits for the pane. */
export async function eventually<T>(read: () => Promise<T>, check: (v: T) => void, timeoutMs = 15_000): Promise<T> {
  const end = Date.now() + timeoutMs;
  for (;;) {
    const v = await read();
    try {
      check(v);
      return v;
    } catch (e) {
      if (Date.now() > end) throw e;
    }
    await new Promise((r) => setTimeout(r, 150));
  }
}
