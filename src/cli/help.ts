// Commander speaks English by default ("Usage:", "display help for command", "error: unknown option"); the office
// reads Chinese. This puts commander's own words into Chinese: the help's titles and usage, the help option, the
// choices and defaults, and the errors it raises before our code runs.
import { type Command, Help, type Option } from "commander";

const TITLES: Readonly<Record<string, string>> = {
  "Usage:": "用法：",
  "Arguments:": "参数：",
  "Options:": "选项：",
  "Commands:": "命令：",
  "Global Options:": "通用选项：",
};

/** Characters a terminal shows two columns wide: CJK, Hangul, full-width forms. */
const WIDE = /[\u1100-\u115f\u2e80-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6]/;

const quoted = (s: string): string => s.replace(/^'|'$/g, "");
const meant = (hint: string | undefined): string => (hint ? `（是否为 ${hint}？）` : "");

/** Commander's error lines, in Chinese; a line it does not know is kept as it is. */
export function chineseError(line: string): string {
  const text = line.replace(/\n$/, "");
  const rules: [RegExp, (m: RegExpExecArray) => string][] = [
    [/^error: unknown option '(.+?)'(?:\s*\(Did you mean (.+?)\?\))?$/s, (m) => `没有选项 ${m[1]}${meant(m[2])}`],
    [/^error: unknown command '(.+?)'(?:\s*\(Did you mean (.+?)\?\))?$/s, (m) => `没有命令 ${m[1]}${meant(m[2])}`],
    [/^error: missing required argument '(.+)'$/, (m) => `缺少参数 ${m[1]}`],
    [/^error: option '(.+?)' argument missing$/, (m) => `选项 ${m[1]} 后缺少值`],
    [
      /^error: option '(.+?)' argument '(.*?)' is invalid\. Allowed choices are (.+)\.$/s,
      (m) => `选项 ${m[1]} 的值“${m[2]}”无效，可选：${m[3].split(", ").join("、")}`,
    ],
    [/^error: option '(.+?)' argument '(.*?)' is invalid\. ?(.*)$/s, (m) => `选项 ${m[1]} 的值“${m[2]}”无效。${m[3]}`],
    [
      /^error: too many arguments(?: for '(.+?)')?\. Expected (\d+) arguments? but got (\d+)\.$/,
      (m) => `参数太多：${m[1] ? `命令 ${quoted(m[1])} ` : ""}应有 ${m[2]} 个，给了 ${m[3]} 个`,
    ],
  ];
  for (const [re, say] of rules) {
    const m = re.exec(text);
    if (m) return `错误：${say(m)}\n`;
  }
  return line;
}

function optionDescription(this: Help, option: Option): string {
  const extra: string[] = [];
  const choices = option.argChoices ?? [];
  // Our descriptions name their choices in words already ("full 记满分 | zero 记 0 分 …"); list them only if not.
  if (choices.length > 0 && !choices.every((c) => option.description.includes(c)))
    extra.push(`可选：${choices.join("、")}`);
  if (option.defaultValue !== undefined && (option.required || option.optional) && !/默认/.test(option.description))
    extra.push(`默认：${option.defaultValueDescription ?? String(option.defaultValue)}`);
  return extra.length > 0 ? `${option.description}（${extra.join("；")}）` : option.description;
}

/** Applies the Chinese help and errors to a program; its subcommands inherit them when made after this call. */
export function speakChinese(program: Command): Command {
  return program
    .helpOption("-h, --help", "显示帮助")
    .helpCommand("help [命令]", "显示某个命令的帮助")
    .configureHelp({
      styleTitle: (title: string) => TITLES[title] ?? title,
      commandUsage(this: Help, cmd: Command): string {
        return Help.prototype.commandUsage
          .call(this, cmd)
          .replace("[options]", "[选项]")
          .replace("[command]", "[命令]");
      },
      subcommandTerm(this: Help, cmd: Command): string {
        return Help.prototype.subcommandTerm.call(this, cmd).replace("[options]", "[选项]");
      },
      // Chinese characters take two columns in a terminal; commander counts one, and the columns would not line up.
      displayWidth: (s: string): number => {
        let w = 0;
        for (const ch of s) w += WIDE.test(ch) ? 2 : 1;
        return w;
      },
      optionDescription,
    });
}
