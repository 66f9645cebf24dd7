// The arrows of the house are kept by lint (eslint.config.mjs, no-restricted-imports): an import against them fails.
// ESLint loads its flat config as an ES module, which Jest's module system cannot: it runs in a child Node, once.
import { spawnSync } from "node:child_process";
import path from "node:path";

const ROOT = path.resolve(__dirname, "../..");

const BAD: [string, string][] = [
  ["src/core/x.ts", 'import { HINT_SHEET } from "../hosts/office/env";\nexport const x = HINT_SHEET;\n'],
  ["src/rules/x.ts", 'import { assess } from "../core";\nexport const x = assess;\n'],
  ["src/hosts/xlsx/x.ts", 'import { HINT_SHEET } from "../office/env";\nexport const x = HINT_SHEET;\n'],
  ["src/hosts/office/x.ts", 'import { openPackage } from "../xlsx/package";\nexport const x = openPackage;\n'],
  ["src/taskpane/x.ts", 'import { main } from "../cli/main";\nexport const x = main;\n'],
  // (the path is put together so that no tool that rewrites import paths mistakes it for this file's own import)
  [
    "src/preview/x.ts",
    `import { fakeEnv } from "${["..", "..", "test", "fakes", "env"].join("/")}";\nexport const x = 1;\n`,
  ],
];
const GOOD: [string, string][] = [
  ["src/core/x.ts", 'import { HENGDONG_2020 } from "../rules/hengdong-2020";\nexport const x = HENGDONG_2020;\n'],
  ["src/hosts/office/x.ts", 'import { assess } from "../../core";\nexport const x = assess;\n'],
  ["src/taskpane/x.ts", 'import { HINT_SHEET } from "../hosts/office/env";\nexport const x = HINT_SHEET;\n'],
];

const SCRIPT = `
import { ESLint } from "eslint";
const cases = JSON.parse(process.argv[1]);
const eslint = new ESLint({ cwd: process.cwd() });
const out = [];
for (const [file, code] of cases) {
  const [r] = await eslint.lintText(code, { filePath: file });
  out.push(r.messages.filter((m) => m.ruleId === "no-restricted-imports").map((m) => m.message));
}
console.log(JSON.stringify(out));
`;

let found: string[][] = [];
beforeAll(() => {
  const cases = [...BAD, ...GOOD].map(([f, c]) => [path.join(ROOT, f), c]);
  const r = spawnSync(process.execPath, ["--input-type=module", "-e", SCRIPT, JSON.stringify(cases)], {
    cwd: ROOT,
    encoding: "utf8",
  });
  if (r.status !== 0) throw new Error(r.stderr);
  found = JSON.parse(r.stdout) as string[][];
}, 60_000);

function problems(file: string, code: string): string[] {
  const i = [...BAD, ...GOOD].findIndex(([f, c]) => f === file && c === code);
  return found[i];
}

describe("the arrows of the house", () => {
  it.each(BAD)("%s may not import against them", (file, code) => {
    expect(problems(file, code)).toEqual([expect.stringContaining("arrows of the house")]);
  });

  it.each(GOOD)("%s may import what lies below it", (file, code) => {
    expect(problems(file, code)).toEqual([]);
  });
});
