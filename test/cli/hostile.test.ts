// Hostile and broken files through the real command line, in a child process with a 1 GB heap: not a zip, a truncated
// .xlsx, a password-protected workbook (an OLE file with EncryptionInfo), an .xls and a .csv renamed .xlsx, a zip that
// is no workbook, two zip bombs (honest and lying sizes), a 50 MB workbook. Each ends with exit 2 and a Chinese message
// saying what is wrong, never a stack trace, within the test's timeout and the heap. Every file is made here, in a
// temporary folder; none is committed. Also: a run whose writing fails leaves neither the output nor its temporary file.
import { spawn, spawnSync } from "node:child_process";
import { randomBytes } from "node:crypto";
import { promises as fs, readFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import zlib from "node:zlib";
import ExcelJS from "exceljs";
import { LIMITS } from "../../src/cli/inputs";
import { syntheticSnapshot, writeSyntheticXlsx } from "../../src/bench/synthetic";
import { openPackage, saveWorkbook } from "../../src/hosts/xlsx/workbook";
import { SAMPLE, load } from "../hosts/xlsx/util";

const ROOT = path.resolve(__dirname, "../..");
const BIN = path.join(ROOT, "bin", "xinyong.js");
const PRELOAD = path.join(ROOT, "dist", "bench", "maxrss.js");
const MB = 1024 * 1024;

let dir: string;
beforeAll(async () => {
  // the command line runs from dist/, as installed
  const tsc = spawnSync(process.execPath, [require.resolve("typescript/bin/tsc"), "-p", "tsconfig.cli.json"], {
    cwd: ROOT,
    encoding: "utf8",
  });
  if (tsc.status !== 0) throw new Error(`build:cli failed:\n${tsc.stdout}${tsc.stderr}`);
  dir = await fs.mkdtemp(path.join(os.tmpdir(), "xinyong-hostile-"));
}, 120_000);
afterAll(async () => {
  await fs.rm(dir, { recursive: true, force: true });
});

interface Run {
  code: number | null;
  stderr: string;
  ms: number;
  maxRssMB: number;
}

let runs = 0;
/** `node --max-old-space-size=1024 bin/xinyong.js score <file>` with its peak memory measured. */
function score(file: string, ...more: string[]): Run {
  const rss = path.join(dir, `rss-${runs++}.txt`);
  const t0 = Date.now();
  const r = spawnSync(
    process.execPath,
    [
      "--max-old-space-size=1024",
      "--require",
      PRELOAD,
      BIN,
      "score",
      file,
      "--out",
      path.join(dir, "out.xlsx"),
      ...more,
    ],
    // the scoring job runs in a worker thread whose heap XINYONG_HEAP_MB bounds (bin/xinyong.js)
    { encoding: "utf8", env: { ...process.env, XINYONG_MAXRSS_FILE: rss, XINYONG_HEAP_MB: "1024" }, timeout: 100_000 },
  );
  const maxRssMB = Number(readFileSync(rss, "utf8"));
  return { code: r.status, stderr: r.stderr, ms: Date.now() - t0, maxRssMB };
}

// ---------------------------------------------------------------------------------------------------------------
// Files

/** A minimal OLE compound file (MS-CFB, 512-byte sectors): header, one FAT sector, one directory sector holding the
 * root and the named streams (empty). Enough for anything that reads the directory, as Excel and our check do. */
function cfb(streams: readonly string[]): Buffer {
  const buf = Buffer.alloc(512 * 3, 0);
  Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]).copy(buf, 0);
  buf.writeUInt16LE(0x3e, 24); // minor version
  buf.writeUInt16LE(3, 26); // major version 3: 512-byte sectors
  buf.writeUInt16LE(0xfffe, 28); // byte order
  buf.writeUInt16LE(9, 30); // sector shift
  buf.writeUInt16LE(6, 32); // mini sector shift
  buf.writeUInt32LE(1, 44); // FAT sectors
  buf.writeUInt32LE(1, 48); // first directory sector
  buf.writeUInt32LE(4096, 56); // mini stream cutoff
  buf.writeUInt32LE(0xfffffffe, 60); // no mini FAT
  buf.writeUInt32LE(0xfffffffe, 68); // no DIFAT sectors
  buf.writeUInt32LE(0, 76); // the FAT is sector 0
  for (let i = 1; i < 109; i++) buf.writeUInt32LE(0xffffffff, 76 + 4 * i);
  const fat = 512;
  buf.writeUInt32LE(0xfffffffd, fat); // sector 0: FAT
  buf.writeUInt32LE(0xfffffffe, fat + 4); // sector 1: directory, end of chain
  for (let i = 2; i < 128; i++) buf.writeUInt32LE(0xffffffff, fat + 4 * i);
  const entry = (i: number, name: string, type: number, child: number, right: number) => {
    const at = 1024 + 128 * i;
    buf.write(`${name}\0`, at, "utf16le");
    buf.writeUInt16LE((name.length + 1) * 2, at + 64);
    buf[at + 66] = type; // 5 root, 2 stream
    buf[at + 67] = 1; // black
    buf.writeUInt32LE(0xffffffff, at + 68);
    buf.writeUInt32LE(right, at + 72);
    buf.writeUInt32LE(child, at + 76);
    buf.writeUInt32LE(0xfffffffe, at + 116); // start sector: none (empty stream)
  };
  entry(0, "Root Entry", 5, streams.length ? 1 : 0xffffffff, 0xffffffff);
  streams.forEach((s, i) => entry(i + 1, s, 2, 0xffffffff, i + 2 <= streams.length ? i + 2 : 0xffffffff));
  return buf;
}

interface ZipPart {
  name: string;
  /** Deflated data, written in pieces (a piece may repeat: see zipBomb). */
  pieces: Iterable<Buffer>;
  crc: number;
  size: number;
  /** What the zip declares as the unpacked size (a lying zip declares less). */
  declared?: number;
}

/** Writes a zip file part by part, streaming, with the sizes each part declares. */
async function writeZip(file: string, parts: readonly ZipPart[]): Promise<void> {
  const fh = await fs.open(file, "w");
  let at = 0;
  const central: Buffer[] = [];
  try {
    for (const p of parts) {
      const name = Buffer.from(p.name, "utf8");
      const head = Buffer.alloc(30);
      const offset = at;
      await fh.write(Buffer.concat([head, name]), 0, 30 + name.length, at);
      at += 30 + name.length;
      let packed = 0;
      for (const piece of p.pieces) {
        await fh.write(piece, 0, piece.length, at);
        at += piece.length;
        packed += piece.length;
      }
      const fields = (b: Buffer, o: number) => {
        b.writeUInt16LE(20, o); // version needed
        b.writeUInt16LE(0x0800, o + 2); // UTF-8 names
        b.writeUInt16LE(8, o + 4); // deflate
        b.writeUInt16LE(0, o + 6);
        b.writeUInt16LE(0x21, o + 8); // 1980-01-01
        b.writeUInt32LE(p.crc >>> 0, o + 10);
        b.writeUInt32LE(packed, o + 14);
        b.writeUInt32LE(p.declared ?? p.size, o + 18);
        b.writeUInt16LE(name.length, o + 22);
      };
      head.writeUInt32LE(0x04034b50, 0);
      fields(head, 4);
      await fh.write(head, 0, 30, offset);
      const cd = Buffer.alloc(46);
      cd.writeUInt32LE(0x02014b50, 0);
      cd.writeUInt16LE(20, 4); // version made by
      fields(cd, 6);
      cd.writeUInt32LE(offset, 42);
      central.push(cd, name);
    }
    const cd = Buffer.concat(central);
    const end = Buffer.alloc(22);
    end.writeUInt32LE(0x06054b50, 0);
    end.writeUInt16LE(parts.length, 8);
    end.writeUInt16LE(parts.length, 10);
    end.writeUInt32LE(cd.length, 12);
    end.writeUInt32LE(at, 16);
    await fh.write(Buffer.concat([cd, end]), 0, cd.length + 22, at);
  } finally {
    await fh.close();
  }
}

const small = (name: string, text: string): ZipPart => {
  const data = Buffer.from(text, "utf8");
  return { name, pieces: [zlib.deflateRawSync(data)], crc: zlib.crc32(data), size: data.length };
};
const WORKBOOK_PARTS = [
  small(
    "[Content_Types].xml",
    '<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>',
  ),
  small("xl/workbook.xml", '<?xml version="1.0"?><workbook/>'),
];

/** A workbook whose sheet unpacks to `gb` GB of zeros from about 1/1000 of that: a full-flushed deflate segment of
 * 16 MB of zeros has no back-references, so it can be repeated, then closed with an empty final block. The file is
 * written in pieces; neither the test nor the command line ever holds the unpacked sheet. */
async function zipBomb(file: string, gb: number, declared?: number): Promise<void> {
  const zero = Buffer.alloc(16 * MB);
  const segment = zlib.deflateRawSync(zero, { level: 9, finishFlush: zlib.constants.Z_FULL_FLUSH });
  const times = Math.ceil((gb * 1024) / 16);
  let crc = 0;
  for (let i = 0; i < times; i++) crc = zlib.crc32(zero, crc);
  function* pieces(): Iterable<Buffer> {
    for (let i = 0; i < times; i++) yield segment;
    yield Buffer.from([0x03, 0x00]);
  }
  const sheet: ZipPart = {
    name: "xl/worksheets/sheet1.xml",
    pieces: pieces(),
    crc,
    size: times * zero.length,
    declared,
  };
  await writeZip(file, [...WORKBOOK_PARTS, sheet]);
}

/** A real workbook of more than 50 MB: a 考核表 header and rows of long, hardly compressible text, streamed to disk. */
async function bigWorkbook(file: string): Promise<number> {
  const wb = new ExcelJS.stream.xlsx.WorkbookWriter({ filename: file, useSharedStrings: false, useStyles: false });
  const ws = wb.addWorksheet("考核表");
  ws.addRow(["单位名称", "分管领导", "牵头股室", "责任股室", "联络员", "信用承诺数", "备注"]).commit();
  const text = (n: number) => {
    const random = randomBytes(2 * n);
    let s = "";
    // CJK ideographs, 3 bytes each in UTF-8, chosen at random: deflate packs them to about 60 %
    for (let i = 0; i < n; i++) s += String.fromCharCode(0x4e00 + (random.readUInt16LE(2 * i) % 20000));
    return s;
  };
  for (let r = 0; r < 3400; r++) ws.addRow([`县单位${r}`, "张三", "信用股", "信用股", "李四", r, text(9000)]).commit();
  ws.commit();
  await wb.commit();
  return (await fs.stat(file)).size;
}

// ---------------------------------------------------------------------------------------------------------------

const NO_STACK = /\n\s+at /;

describe("hostile and broken files: exit 2, a clear message, no stack trace, bounded time and memory", () => {
  it.each<[string, () => Promise<string>, RegExp]>([
    [
      "not a zip (binary)",
      async () => {
        const f = path.join(dir, "binary.xlsx");
        await fs.writeFile(f, Buffer.concat([Buffer.from("\x89PNG\r\n\x1a\n", "latin1"), Buffer.alloc(4096)]));
        return f;
      },
      /不是有效的 \.xlsx 工作簿（文件开头不是 \.xlsx 的格式）/,
    ],
    [
      "a truncated .xlsx",
      async () => {
        const f = path.join(dir, "truncated.xlsx");
        const buf = await fs.readFile(SAMPLE);
        await fs.writeFile(f, buf.subarray(0, Math.floor(buf.length * 0.7)));
        return f;
      },
      /无法读取.*文件不完整或已损坏/,
    ],
    [
      "a password-protected workbook (OLE with EncryptionInfo)",
      async () => {
        const f = path.join(dir, "encrypted.xlsx");
        await fs.writeFile(f, cfb(["\u0006DataSpaces", "EncryptionInfo", "EncryptedPackage"]));
        return f;
      },
      /设有打开密码的（加密）工作簿.*删除密码/,
    ],
    [
      "an .xls renamed .xlsx",
      async () => {
        const f = path.join(dir, "old.xlsx");
        await fs.writeFile(f, cfb(["Workbook", "\u0005SummaryInformation"]));
        return f;
      },
      /Excel 97-2003 工作簿（\.xls）.*另存为/,
    ],
    [
      "a .csv renamed .xlsx",
      async () => {
        const f = path.join(dir, "table.xlsx");
        await fs.writeFile(f, "单位名称,分管领导,信用承诺数\n县发改局,陈磊,12\n");
        return f;
      },
      /文本文件（可能是改了扩展名的 \.csv）/,
    ],
    [
      "a zip that is no workbook",
      async () => {
        const f = path.join(dir, "doc.xlsx");
        await writeZip(f, [small("word/document.xml", "<w:document/>")]);
        return f;
      },
      /不是 Excel 工作簿（其中没有 xl\/workbook\.xml/,
    ],
    [
      "a zip bomb: 2.2 GB of sheet from 2 MB, sizes declared",
      async () => {
        const f = path.join(dir, "bomb.xlsx");
        await zipBomb(f, 2.2);
        return f;
      },
      /压缩比异常.*恶意构造的压缩包/,
    ],
    [
      "a zip bomb that declares 1 KB for 2.2 GB",
      async () => {
        const f = path.join(dir, "liar.xlsx");
        await zipBomb(f, 2.2, 1024);
        return f;
      },
      /解压后比声明的大得多.*恶意构造的压缩包/,
    ],
    [
      "a 50 MB workbook",
      async () => {
        const f = path.join(dir, "big.xlsx");
        expect(await bigWorkbook(f)).toBeGreaterThan(50 * MB);
        return f;
      },
      new RegExp(`超过命令行可读的上限 ${LIMITS.fileBytes / MB}\\.0 兆字节`),
    ],
  ])(
    "%s",
    async (_what, make, message) => {
      const file = await make();
      const run = score(file);
      if (process.env.HOSTILE_FIGURES) process.stdout.write(`${JSON.stringify({ file: _what, ...run })}\n`);
      expect(run.code).toBe(2);
      expect(run.stderr).toMatch(/^错误：/);
      expect(run.stderr).toMatch(message);
      expect(run.stderr).not.toMatch(NO_STACK);
      expect(run.maxRssMB).toBeLessThan(1024);
      await expect(fs.stat(path.join(dir, "out.xlsx"))).rejects.toThrow();
      await fs.rm(file, { force: true });
    },
    120_000,
  );

  it("a workbook with no assessment sheet: exit 2 naming what was looked for", async () => {
    const f = path.join(dir, "other.xlsx");
    const wb = new ExcelJS.Workbook();
    wb.addWorksheet("通讯录").addRow(["姓名", "电话"]);
    await wb.xlsx.writeFile(f);
    const run = score(f);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/这不是考核工作簿.*单位名称/);
    expect(run.stderr).not.toMatch(NO_STACK);
  }, 60_000);

  it("an output folder that does not exist: exit 2, and nothing written anywhere", async () => {
    const gone = path.join(dir, "gone");
    const rss = path.join(dir, "rss-gone.txt");
    const r = spawnSync(
      process.execPath,
      ["--require", PRELOAD, BIN, "score", SAMPLE, "--out", path.join(gone, "o.xlsx")],
      { encoding: "utf8", env: { ...process.env, XINYONG_MAXRSS_FILE: rss }, timeout: 60_000 },
    );
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/无法读写文件（ENOENT）/);
    expect(r.stderr).not.toMatch(NO_STACK);
    await expect(fs.stat(gone)).rejects.toThrow();
  }, 60_000);
});

describe("an interrupted write leaves no half file", () => {
  let out: string;
  beforeEach(async () => {
    out = await fs.mkdtemp(path.join(dir, "save-"));
  });
  afterEach(() => jest.restoreAllMocks());

  it("a write that fails midway leaves neither the output nor its temporary file", async () => {
    const wb = await load();
    const target = path.join(out, "结果.xlsx");
    jest.spyOn(wb.xlsx, "writeFile").mockImplementation(async (file: string) => {
      await fs.writeFile(file, Buffer.alloc(4096, 1)); // half a file on disk, then the disk fills up
      throw Object.assign(new Error("ENOSPC: no space left on device, write"), { code: "ENOSPC" });
    });
    await expect(saveWorkbook(wb, target)).rejects.toThrow(/ENOSPC/);
    expect(await fs.readdir(out)).toEqual([]);
  });

  it("a rename that fails leaves the earlier output as it was, and no temporary file", async () => {
    const wb = await load();
    const target = path.join(out, "结果.xlsx");
    await fs.writeFile(target, "the earlier output");
    jest.spyOn(fs, "rename").mockRejectedValueOnce(Object.assign(new Error("EXDEV"), { code: "EXDEV" }));
    await expect(saveWorkbook(wb, target)).rejects.toThrow(/EXDEV/);
    expect(await fs.readdir(out)).toEqual(["结果.xlsx"]);
    expect(await fs.readFile(target, "utf8")).toBe("the earlier output");
  });

  it("a successful write leaves only the output, complete", async () => {
    const wb = await load();
    const target = path.join(out, "结果.xlsx");
    await saveWorkbook(wb, target);
    expect(await fs.readdir(out)).toEqual(["结果.xlsx"]);
    const back = await openPackage(target);
    expect(back.snapshot.sheets.map((s) => s.name)).toContain("考核表");
  });
});

it("--help states the input limits", async () => {
  const r = spawnSync(process.execPath, [BIN, "score", "--help"], { encoding: "utf8" });
  expect(r.status).toBe(0);
  expect(r.stdout).toContain(
    `输入文件不超过 ${LIMITS.fileBytes / MB} 兆字节，解压后不超过 ${LIMITS.unpackedBytes / MB} 兆字节`,
  );
});

describe("a workbook too large for the memory the job may use", () => {
  it("ends with exit 2 and a Chinese message, not V8's out-of-memory trace", async () => {
    // 20,000 unit rows need far more than 32 MB of heap: the bound is hit mid-job, as a huge workbook would hit 6 GB
    // (a bound so small that it is hit while the worker starts up can make V8 abort the whole process instead)
    const input = path.join(dir, "oom-20000.xlsx");
    await writeSyntheticXlsx(syntheticSnapshot((await openPackage(SAMPLE)).snapshot, 20_000), input);
    const r = spawnSync(process.execPath, [BIN, "score", input, "--out", path.join(dir, "oom.xlsx")], {
      encoding: "utf8",
      env: { ...process.env, XINYONG_HEAP_MB: "32" },
      timeout: 100_000,
    });
    expect({ status: r.status, signal: r.signal, stderr: r.stderr.slice(0, 300) }).toMatchObject({ status: 2 });
    expect(r.stderr).toMatch(/^错误：工作簿太大，评分所需内存超过上限（32 兆字节）/);
    expect(r.stderr).not.toMatch(/\n\s+at |FATAL|JavaScript heap/);
  });

  it("scores as usual within the default bound", () => {
    const r = spawnSync(process.execPath, [BIN, "score", SAMPLE, "--out", path.join(dir, "ok.xlsx")], {
      encoding: "utf8",
      timeout: 100_000,
    });
    expect(r.status).toBe(0);
    expect(r.stderr).toContain("已评分 36 个单位");
  });
});

describe("a run stopped by a signal leaves no half file and no temporary file", () => {
  it("SIGTERM at any moment: the output is absent or complete, and nothing hidden is left beside it", async () => {
    const sample = (await openPackage(SAMPLE)).snapshot;
    const input = path.join(dir, "stop-5000.xlsx");
    await writeSyntheticXlsx(syntheticSnapshot(sample, 5000), input);
    const outcomes: string[] = [];
    for (const delay of [150, 400, 700, 1000, 1300, 1700]) {
      const out = await fs.mkdtemp(path.join(dir, "stop-"));
      const target = path.join(out, "结果.xlsx");
      const child = spawn(process.execPath, [BIN, "score", input, "--out", target], { stdio: "pipe" });
      const exited = new Promise<number | null>((resolve) => child.on("exit", (code) => resolve(code)));
      await new Promise((r) => setTimeout(r, delay));
      child.kill("SIGTERM");
      const code = await exited;
      const left = await fs.readdir(out);
      expect(left.filter((f) => f.endsWith(".tmp"))).toEqual([]);
      if (left.includes("结果.xlsx")) {
        // a run that finished before the signal, or renamed just before it: a whole workbook
        const back = await openPackage(target);
        expect(back.snapshot.sheets.map((s) => s.name)).toContain("考核排名");
        outcomes.push(`complete (exit ${code})`);
      } else {
        expect(left).toEqual([]);
        // 143: stopped by the handler; null: the signal came before node had set the handler up
        expect([143, null]).toContain(code);
        outcomes.push("absent");
      }
    }
    // at least one stop landed while the job ran
    expect(outcomes).toContain("absent");
  }, 120_000);
});
