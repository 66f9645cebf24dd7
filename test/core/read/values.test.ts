// workbook.md "Value kinds": evidence, yes/no, count, number.
import type { CellValue } from "../../../src/core/model";
import { readCount, readEvidence, readNumber, readYesNo, type Reading } from "../../../src/core/read/values";

const state = (r: Reading): string => r.state;

describe("evidence", () => {
  test.each<[string, CellValue]>([
    ["a document number", "发改发〔2020〕20号"],
    ["a person's name", "陈磊"],
    ["是", "是"],
    ["a number", 12],
    ["a date cell", { date: "2020-03-02" }],
    ["TRUE", true],
    ["text that merely contains 未 later", "已建立，未归档部分另附"],
  ])("%s is present", (_, v) => {
    expect(readEvidence(v).state).toBe("present");
  });

  test.each<[string, CellValue]>([
    ["无", "无"],
    ["否", "否"],
    ["未", "未"],
    ["×", "×"],
    ["/", "/"],
    ["-", "-"],
    ["--", "--"],
    ["—", "—"],
    ["——", "——"],
    ["N", "N"],
    ["no (case-insensitive)", "no"],
    ["No", "No"],
    ["ＮＯ (full-width)", "ＮＯ"],
    ["FALSE as text", "false"],
    ["FALSE", false],
    ["0", 0],
    ["'0'", "0"],
    ["不完整", "不完整"],
    ["未建立", "未建立"],
    ["未制定", "未制定"],
    ["暂无", "暂无"],
    ["暂无文件", "暂无文件"],
    ["尚未制定", "尚未制定"],
    ["没有", "没有"],
    ["没有出台", "没有出台"],
    ["a no-word with spaces", " 无 "],
  ])("%s is absent", (_, v) => {
    expect(readEvidence(v).state).toBe("absent");
  });

  test.each<CellValue>([null, "", "   ", "\u3000", "\n"])("%j is missing", (v) => {
    expect(readEvidence(v).state).toBe("missing");
  });

  test.each(["#N/A", "#VALUE!", "#REF!"])("error %s is invalid", (e) => {
    const r = readEvidence({ error: e });
    expect(r.state).toBe("invalid");
    if (r.state === "invalid") expect(r.reason).toContain(e);
  });
});

describe("yes/no", () => {
  const YES = ["是", "有", "已", "√", "✓", "✔", "Y", "YES", "TRUE", "1", "完整", "已盖章"];
  const NO = ["否", "无", "未", "×", "✗", "✘", "N", "NO", "FALSE", "0", "/", "-", "--", "—", "——", "不完整", "未盖章"];

  test.each(YES)("yes-word %s", (w) => {
    expect(readYesNo(w).state).toBe("present");
  });
  test.each(NO)("no-word %s", (w) => {
    expect(readYesNo(w).state).toBe("absent");
  });

  test.each<CellValue>(["yes", "Yes", "y", "true", "True", "ＹＥＳ", "ｙ", "１", " 是 ", 1, true])(
    "%j is yes (case-insensitive, full-width, spaces, numbers, booleans)",
    (v) => {
      expect(readYesNo(v).state).toBe("present");
    },
  );

  test.each<CellValue>(["no", "No", "n", "false", "ＮＯ", "０", "－", 0, false])("%j is no", (v) => {
    expect(readYesNo(v).state).toBe("absent");
  });

  test.each<CellValue>(["可能", "是的", "部分完整", "2", 2, 0.5, { date: "2020-03-02" }, { error: "#N/A" }, "已建立"])(
    "%j is invalid",
    (v) => {
      expect(readYesNo(v).state).toBe("invalid");
    },
  );

  test("blank is missing", () => {
    expect(readYesNo(null).state).toBe("missing");
    expect(readYesNo(" ").state).toBe("missing");
  });
});

describe("count", () => {
  test.each<[CellValue, number]>([
    [12, 12],
    [0, 0],
    [3.0, 3],
    ["12", 12],
    ["0", 0],
    ["3.0", 3],
    ["１２", 12], // full-width digits
    ["12项", 12],
    ["3条", 3],
    ["2次", 2],
    ["4家", 4],
    ["1份", 1],
    ["5个", 5],
    ["１２项", 12],
    [" 12 ", 12],
    ["12 项", 12],
  ])("%j → %i", (v, n) => {
    const r = readCount(v);
    expect(r).toEqual({ state: "present", count: n });
  });

  test.each<CellValue>([
    -1,
    3.5,
    "3.5",
    "-1",
    "+3",
    "1,000",
    "无", // 无则填0
    "否",
    "十二",
    "12项目", // only one trailing unit character
    "12分", // 分 is not a unit character of the spec
    "约12",
    "12 13", // two numbers, not one
    "1 000", // grouped, like "1,000"
    true,
    { date: "2020-03-02" },
    { error: "#N/A" },
    { error: "#VALUE!" },
    Number.NaN,
  ])("%j is invalid", (v) => {
    expect(readCount(v).state).toBe("invalid");
  });

  test("无 in a count says to fill 0", () => {
    const r = readCount("无");
    expect(r.state === "invalid" && r.reason).toContain("0");
  });

  test("blank is missing", () => {
    expect(readCount(null).state).toBe("missing");
    expect(readCount("").state).toBe("missing");
  });
});

describe("number (创新加分, 自评总分)", () => {
  const amount = (v: CellValue): number | string => {
    const r = readNumber(v);
    if (r.state !== "present" || !r.amount) return r.state;
    return Number(r.amount.n) / Number(r.amount.d);
  };

  test.each<[CellValue, number]>([
    [2, 2],
    [0, 0],
    [2.5, 2.5],
    ["2", 2],
    ["2.5", 2.5],
    ["２.５", 2.5],
    [95, 95],
  ])("%j → %d", (v, n) => {
    expect(amount(v)).toBe(n);
  });

  test.each<CellValue>([
    -1,
    "-1",
    "-0.5",
    "abc",
    "+2",
    "2,5",
    "2 5",
    "两分",
    true,
    { error: "#N/A" },
    { date: "2020-03-02" },
  ])("%j is invalid", (v) => {
    expect(state(readNumber(v))).toBe("invalid");
  });

  test("blank is missing", () => {
    expect(readNumber(null).state).toBe("missing");
  });

  // Found by the workbook fuzzer: an amount above 10⁹ was invalid as a number but read as text.
  test.each<CellValue>([1e12, "1000000000000", "99999999999999999999", "1000000000.01"])(
    "%j is too large, as a number and as text alike",
    (v) => {
      expect(readNumber(v)).toEqual({ state: "invalid", reason: expect.stringContaining("数值过大") });
    },
  );
  test.each<CellValue>([1e9, "1000000000", "999999999.99"])("%j is still an amount", (v) => {
    expect(readNumber(v).state).toBe("present");
  });
});

// workbook.md: "so is a text that says the document is not issued yet … A person's name such as 张中 stays present."
describe("evidence: a document not issued yet is absent", () => {
  test.each([
    "正在制定",
    "正在制定中",
    "拟于2021年出台",
    "待印发",
    "准备制定",
    "信用管理制度起草中",
    "修订中",
    "审批中",
    "审核中",
    "印发中",
    "征求意见中",
    "报批中",
    "研究中",
    "筹备中",
    "制定中",
    " 正在 制定 ",
  ])("%j", (text) => {
    expect(state(readEvidence(text))).toBe("absent");
  });

  test.each(["张中", "中心主任", "衡东发〔2020〕3号（已印发）"])("%j stays present", (text) => {
    expect(state(readEvidence(text))).toBe("present");
  });
});
