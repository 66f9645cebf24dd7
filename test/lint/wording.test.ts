// Plain office Chinese (issue 13, docs/glossary.md "Wording"): no English word inside a Chinese message. Allowed:
// Excel, WPS, .xlsx and other file names, cell addresses, command-line flags and their values (the command's own name
// and subcommands, the policy words, the rulebook id, the one environment variable the memory message names).
// Two nets: every string literal in src that reads as Chinese, and what the command line really prints and reports.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import ts from "typescript";
import { chineseError } from "../../src/cli/help";
import { main } from "../../src/cli/main";
import { RULEBOOKS } from "../../src/rules";
import { NA_POLICIES, STEPS_POLICIES } from "../../src/rules/settings";
import { SAMPLE } from "../fakes/from-xlsx";

const ROOT = path.resolve(__dirname, "../..");
const CJK = /[\u3400-\u9fff]/g;
const ALLOWED = new Set([
  "Excel",
  "WPS",
  "xinyong",
  "score",
  "template",
  "demo",
  "help",
  "XINYONG_HEAP_MB",
  ...NA_POLICIES,
  ...STEPS_POLICIES,
]);
/** Rulebook ids (hengdong-2020) are the value of --rulebook. */
const IDS = new RegExp(RULEBOOKS.map((r) => r.id.replace(/[-]/g, "\\-")).join("|"), "g");
// Removed before looking for words: file names and paths (xl/workbook.xml, <输入名>.scored.xlsx, *.xlsx), flags,
// cell addresses and ranges (AT4, $B$2, A1:C3).
const FILE = /[\w<>*./\u3400-\u9fff-]*\.(?:xlsx|xls|json|xml|csv|md|zip)\b/g;
const FLAG = /(?<![\w-])--?[a-z][a-z-]*/g;
const CELL = /(?<![A-Za-z])\$?[A-Z]{1,3}\$?\d+(?::\$?[A-Z]{1,3}\$?\d+)?(?![A-Za-z])/g;

/** A message reads as Chinese when it has at least a third as many Chinese characters as ASCII letters; the English
 * strings of the pane quote Chinese terms ("the 核定调整 sheet") and are English. */
export function isChinese(text: string): boolean {
  const cjk = (text.match(CJK) ?? []).length;
  const latin = (text.match(/[A-Za-z]/g) ?? []).length;
  return cjk > 0 && cjk * 3 >= latin;
}

/** The English words left in a Chinese message once allowed things are taken out. */
export function asciiWords(text: string): string[] {
  if (!isChinese(text)) return [];
  const rest = text.replace(IDS, " ").replace(FILE, " ").replace(FLAG, " ").replace(CELL, " ");
  return (rest.match(/[A-Za-z][A-Za-z0-9_]*/g) ?? []).filter((w) => !ALLOWED.has(w));
}

function sources(dir: string, out: string[] = []): string[] {
  for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) sources(p, out);
    else if (/\.(ts|tsx|js)$/.test(e.name)) out.push(p);
  }
  return out;
}

/** Every string literal, template piece and JSX text in a file, with its line. */
function literals(file: string): { line: number; text: string }[] {
  const sf = ts.createSourceFile(file, fs.readFileSync(file, "utf8"), ts.ScriptTarget.Latest, true);
  const found: { line: number; text: string }[] = [];
  const visit = (n: ts.Node): void => {
    if (
      ts.isStringLiteral(n) ||
      ts.isNoSubstitutionTemplateLiteral(n) ||
      ts.isTemplateHead(n) ||
      ts.isTemplateMiddle(n) ||
      ts.isTemplateTail(n) ||
      ts.isJsxText(n)
    )
      found.push({ line: sf.getLineAndCharacterOfPosition(n.getStart()).line + 1, text: n.text });
    ts.forEachChild(n, visit);
  };
  visit(sf);
  return found;
}

describe("the test's own rule", () => {
  it("finds the words the issue named, and lets the allowed ones pass", () => {
    expect(asciiWords("不适用 full，第八项扣分 ceil")).toEqual([]); // policy words are flag values
    expect(asciiWords("可能是“ZIP 炸弹”")).toEqual(["ZIP"]);
    expect(asciiWords("信用考核助手需要 Excel API 1.9（Microsoft 365）")).toEqual(["API", "Microsoft"]);
    expect(asciiWords("见 JSON 报告")).toEqual(["JSON"]);
    expect(asciiWords("文件中没有 xl/workbook.xml，请在 Excel 或 WPS 中另存为 .xlsx")).toEqual([]);
    expect(asciiWords("AT4 总分 手工改为 95；见 考核表 $B$2:C3，用 --out 指定")).toEqual([]);
    expect(asciiWords("Register an adjustment (核定调整)")).toEqual([]); // an English message
  });

  it("puts commander's own errors into Chinese", () => {
    expect(chineseError("error: unknown command 'scor'\n(Did you mean score?)\n")).toBe(
      "错误：没有命令 scor（是否为 score？）\n",
    );
    expect(chineseError("error: missing required argument 'in.xlsx'\n")).toBe("错误：缺少参数 in.xlsx\n");
    expect(chineseError("something else\n")).toBe("something else\n");
  });
});

describe("no English words inside Chinese messages", () => {
  it("in the source: every Chinese string literal of src", () => {
    const offenders: string[] = [];
    for (const file of sources(path.join(ROOT, "src"))) {
      for (const { line, text } of literals(file)) {
        const words = asciiWords(text);
        if (words.length > 0) offenders.push(`${path.relative(ROOT, file)}:${line}: ${words.join(" ")} | ${text}`);
      }
    }
    expect(offenders).toEqual([]);
  });

  it("in what the command line prints: help, errors, the demo, a score with its report", async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "wording-"));
    const lines: string[] = [];
    const io = { out: (t: string) => lines.push(t), err: (t: string) => lines.push(t) };
    const runs = [
      ["--help"],
      ["score", "--help"],
      ["template", "--help"],
      ["score"],
      ["score", SAMPLE, "--na-policy", "满分"],
      ["score", SAMPLE, "--bonus-cap", "-1"],
      ["score", SAMPLE, "--bogus"],
      ["score", "a.xlsx", "b.xlsx"],
      ["score", path.join(dir, "none.xlsx")],
      ["score", SAMPLE, "--out", SAMPLE],
      ["demo", "--out", path.join(dir, "demo.xlsx")],
      ["score", SAMPLE, "--out", path.join(dir, "s.xlsx"), "--json", path.join(dir, "r.json"), "--na-policy", "scale"],
    ];
    for (const argv of runs) await main(argv, io);
    const report = JSON.parse(fs.readFileSync(path.join(dir, "r.json"), "utf8")) as {
      findings: { message: string }[];
      units: { findings: { message: string }[]; explanations?: Record<string, string> }[];
    };
    const messages = [
      ...lines.flatMap((t) => t.split("\n")),
      ...report.findings.map((f) => f.message),
      ...report.units.flatMap((u) => [...u.findings.map((f) => f.message), ...Object.values(u.explanations ?? {})]),
    ];
    expect(messages.length).toBeGreaterThan(300);
    expect(lines.join("")).toContain("用法：");
    const offenders = messages.filter((m) => asciiWords(m).length > 0);
    expect(offenders).toEqual([]);
    fs.rmSync(dir, { recursive: true, force: true });
  });
});
