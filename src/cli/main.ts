// The command line: score .xlsx assessment workbooks without Excel, make a blank template, run the demo.
// Exit 0 when scored (findings included), 2 for input that is not a readable assessment workbook, never a stack trace.
// Startup is most of a small run's time: what only one command needs (ExcelJS for the template, cli-table3 for the
// demo's table, the JSON writer) is imported when that command runs.
import { promises as fs } from "node:fs";
import path from "node:path";
import { Command, CommanderError, InvalidArgumentError, Option } from "commander";
import {
  EXPLANATION_NOTES_MAX_UNITS,
  EXPLANATION_NOTES_SKIPPED,
  WorkbookError,
  address,
  buildReport,
  handEditFinding,
  handEdits,
} from "../core";
import { DEFAULT_RULEBOOK, RULEBOOKS, type Rulebook, findRulebook } from "../rules";
import {
  NA_POLICIES,
  type NotApplicablePolicy,
  type Settings,
  STEPS_POLICIES,
  type StepsPolicy,
} from "../rules/settings";
import { openPackage, scoreBook, scoreFile, temporaryPath, writeBook } from "../hosts/xlsx/workbook";
import { LIMITS, readInput, zipMessage } from "./inputs";
import { chineseError, speakChinese } from "./help";
import { handEditLines, selfGapLines, summaryLine } from "./print";

const MB = 1024 * 1024;

export const EXIT_OK = 0;
export const EXIT_BAD_INPUT = 2;

/** Where the demo's sample lives, from the compiled dist/cli or from src/cli under ts-jest. */
export const SAMPLE = path.resolve(__dirname, "..", "..", "samples", "sample-2020.xlsx");

export interface Io {
  out: (text: string) => void;
  err: (text: string) => void;
  /** Told the temporary file a write is about to go through, so whoever stops the run can remove it. */
  temp?: (file: string) => void;
}
export const processIo: Io = {
  out: (t) => process.stdout.write(t),
  err: (t) => process.stderr.write(t),
};

/** A user-facing failure: the message is printed as it is and the exit code is 2. */
export class InputError extends Error {}

function nonNegative(what: string): (value: string) => number {
  return (value) => {
    const n = Number(value);
    if (value.trim() === "" || !Number.isFinite(n) || n < 0)
      throw new InvalidArgumentError(`${what}应为不小于 0 的数。`);
    return n;
  };
}
const bonusCap = nonNegative("加分上限");
const selfGap = nonNegative("自评差距");

function rulebookOf(id: string): Rulebook {
  const r = findRulebook(id);
  if (!r) throw new InputError(`没有考核办法“${id}”：可用 ${RULEBOOKS.map((x) => x.id).join("、")}。`);
  return r;
}

const rulebookOption = (): Option =>
  new Option("--rulebook <编号>", "考核办法（评分规则）")
    .choices(RULEBOOKS.map((r) => r.id))
    .default(DEFAULT_RULEBOOK.id);

export function defaultOutput(input: string): string {
  const dir = path.dirname(input);
  const base = path.basename(input).replace(/\.xlsx$/i, "");
  return path.join(dir, `${base}.scored.xlsx`);
}

interface ScoreOptions {
  rulebook: string;
  out?: string;
  json?: string;
  naPolicy?: NotApplicablePolicy;
  steps?: StepsPolicy;
  bonusCap?: number;
  selfGap?: number;
}

async function runScore(input: string, opts: ScoreOptions, io: Io): Promise<void> {
  const read = await readInput(input);
  if ("problem" in read) throw new InputError(read.problem);
  const out = opts.out ?? defaultOutput(input);
  if (path.resolve(out) === path.resolve(input)) {
    throw new InputError(`输出文件不能与输入文件相同（${input}）：请用 --out 指定另一个文件名，原文件不会被覆盖。`);
  }
  const settings: Partial<Settings> = {
    ...(opts.naPolicy ? { naPolicy: opts.naPolicy } : {}),
    ...(opts.steps ? { steps: opts.steps } : {}),
    ...(opts.bonusCap !== undefined ? { bonusCap: opts.bonusCap } : {}),
    ...(opts.selfGap !== undefined ? { selfGap: opts.selfGap } : {}),
  };
  let opened;
  try {
    opened = await openPackage(read.bytes);
  } catch (e) {
    if (e instanceof WorkbookError) throw e;
    const zip = zipMessage(input, e);
    if (zip !== null) throw new InputError(zip);
    throw new InputError(`无法读取“${input}”：文件已损坏或不是 Excel 工作簿（.xlsx）。（${(e as Error).message}）`);
  }
  const assessment = scoreBook(opened, { rulebook: rulebookOf(opts.rulebook), settings });
  // Score cells typed over since the last run: written over here, and each named (workbook.md, hand edits).
  const edited = handEdits(assessment, opened.snapshot.memory);
  const edits = edited.map(handEditFinding);
  io.temp?.(temporaryPath(out));
  await writeBook(opened.book, out);
  if (opts.json) {
    const { writeReport } = await import("./json.js");
    await writeReport(buildReport(assessment, edits), opts.json, io.out);
  }
  if (assessment.units.length > EXPLANATION_NOTES_MAX_UNITS) io.err(`${EXPLANATION_NOTES_SKIPPED}\n`);
  if (edits.length) io.err(`${handEditLines(edited.map((e, i) => `${address(e.row, e.col)} ${edits[i].message}`))}\n`);
  const gaps = selfGapLines(assessment);
  io.err(
    `${summaryLine(assessment)}\n${gaps ? `${gaps}\n` : ""}已写入：${out}${opts.json && opts.json !== "-" ? `\n报告文件：${opts.json}` : ""}\n`,
  );
}

export function buildProgram(io: Io): Command {
  const program = speakChinese(new Command());
  program
    .name("xinyong")
    .description(
      "信用考核助手：按 东信建〔2020〕02号 附件2 为衡东县社会信用体系建设成员单位评分、排名（无需 Excel）。\n" +
        "Scores Hengdong County's social credit assessment workbooks (.xlsx) without Excel.",
    )
    .configureOutput({ writeOut: io.out, writeErr: io.err, outputError: (s, write) => write(chineseError(s)) })
    .exitOverride()
    .showHelpAfterError("（用 --help 查看用法）");

  program
    .command("score")
    .description("为考核工作簿评分：写出带得分、排名、标注和“考核排名”表的新工作簿，原文件不变")
    .argument("<in.xlsx>", "考核工作簿（.xlsx）")
    .option("-o, --out <out.xlsx>", "输出工作簿（默认：<输入名>.scored.xlsx，从不覆盖输入文件）")
    .option("-j, --json <report.json>", "同时写出报告文件（.json 格式；用 - 输出到标准输出）")
    .addOption(
      new Option(
        "--na-policy <方式>",
        "不适用项（应报数量为 0 的细项）的记分：full 记满分 | zero 记 0 分 | average 按平均分计 | scale 按比例折算（默认 full）",
      ).choices(NA_POLICIES),
    )
    .addOption(
      new Option(
        "--steps <方式>",
        "第八项差额不足 10 个百分点的部分：ceil 按 10 个百分点扣分 | floor 不扣分 | prorata 按比例扣分（默认 ceil）",
      ).choices(STEPS_POLICIES),
    )
    .option("--bonus-cap <分>", "创新加分上限（默认 10）", bonusCap)
    .option("--self-gap <分>", "自评总分与总分相差达到此分数时提示（默认 5）", selfGap)
    .addOption(rulebookOption())
    .addHelpText(
      "after",
      `\n限制：输入文件不超过 ${LIMITS.fileBytes / MB} 兆字节，解压后不超过 ${LIMITS.unpackedBytes / MB} 兆字节，` +
        `单个部件压缩比不超过 ${LIMITS.ratio}:1；超出的文件（如恶意构造的压缩包）不读取，退出码 2。\n` +
        `Limits: input file ≤ ${LIMITS.fileBytes / MB} MB, ≤ ${LIMITS.unpackedBytes / MB} MB unpacked; larger files are refused (exit 2).`,
    )
    .action(async (input: string, opts: ScoreOptions) => runScore(input, opts, io));

  program
    .command("template")
    .description("生成空白的考核工作簿模板（名单中的全部成员单位、字段表头、双公示台账）")
    .option("-o, --out <文件>", "输出文件（默认：考核模板-<年度>.xlsx）")
    .addOption(rulebookOption())
    .action(async (o: { out?: string; rulebook: string }) => {
      const rulebook = rulebookOf(o.rulebook);
      const opts = { out: o.out ?? `考核模板-${rulebook.year}.xlsx` };
      if (
        await fs
          .stat(opts.out)
          .then(() => true)
          .catch(() => false)
      ) {
        throw new InputError(`“${opts.out}”已存在，为免覆盖未写入：请用 --out 指定另一个文件名。`);
      }
      io.temp?.(temporaryPath(opts.out));
      const [{ templateWorkbook }, { saveWorkbook }] = await Promise.all([
        import("../hosts/xlsx/template.js"),
        import("../hosts/xlsx/exceljs.js"),
      ]);
      await saveWorkbook(templateWorkbook(rulebook), opts.out);
      io.err(`已生成模板：${opts.out}\n`);
    });

  program
    .command("demo")
    .description("为随附的示例工作簿评分，写出结果并在终端打印排名")
    .option("-o, --out <文件>", "输出文件", path.join("out", "sample-2020.scored.xlsx"))
    .action(async (opts: { out: string }) => {
      await fs.mkdir(path.dirname(path.resolve(opts.out)), { recursive: true });
      io.temp?.(temporaryPath(opts.out));
      const assessment = await scoreFile(SAMPLE, opts.out, { rulebook: DEFAULT_RULEBOOK });
      const { rankingTable } = await import("./table.js");
      io.out(`${rankingTable(assessment)}\n`);
      io.out(`${summaryLine(assessment)}\n示例：${path.relative(process.cwd(), SAMPLE)}\n已写入：${opts.out}\n`);
    });
  return program;
}

/** Runs the command line; returns the exit code. */
export async function main(argv: readonly string[], io: Io = processIo): Promise<number> {
  const program = buildProgram(io);
  if (argv.length === 0) {
    program.outputHelp();
    return EXIT_OK;
  }
  try {
    await program.parseAsync([...argv], { from: "user" });
    return EXIT_OK;
  } catch (e) {
    if (e instanceof CommanderError) {
      return e.code === "commander.helpDisplayed" || e.code === "commander.version" || e.exitCode === 0
        ? EXIT_OK
        : EXIT_BAD_INPUT;
    }
    if (e instanceof WorkbookError || e instanceof InputError) {
      io.err(`错误：${e.message}\n`);
      return EXIT_BAD_INPUT;
    }
    const err = e as NodeJS.ErrnoException;
    if (
      err &&
      typeof err.code === "string" &&
      ["ENOENT", "EACCES", "EISDIR", "EPERM", "ENOSPC", "EROFS"].includes(err.code)
    ) {
      io.err(`错误：无法读写文件（${err.code}）：${err.path ?? err.message}\n`);
      return EXIT_BAD_INPUT;
    }
    io.err(`内部错误：${err?.message ?? String(e)}\n请把输入文件和这条信息发给维护人员。\n`);
    return 1;
  }
}
