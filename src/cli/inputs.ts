// Checks on the input file before the reader sees it, so bad input gets a clear message (what was looked for), and a
// hostile file (a zip bomb, a huge file) is refused in bounded time and memory instead of being unpacked whole. The
// file's size and first bytes are looked at here, then its zip directory (hosts/xlsx/package/unzip.ts: the sizes the parts
// declare); a part that unpacks to more than it declares stops the reader itself, and zipMessage says so in Chinese.
import { promises as fs } from "node:fs";
import { ZIP_LIMITS, ZipError, checkEntries, zipEntries } from "../hosts/xlsx/package/unzip";

const ZIP = Buffer.from([0x50, 0x4b, 0x03, 0x04]);
const OLE = Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);
const MB = 1024 * 1024;

/** What the command line reads (README "Limits"). An assessment workbook of 50,000 unit rows is about 9 MB on disk
 * and 50 MB unpacked; a real one of 36 units is under 100 KB. */
export const LIMITS = {
  /** The .xlsx file as it is on disk. */
  fileBytes: 20 * MB,
  /** All its parts unpacked, parts in the zip, and the packing ratio of a part over 1 MB (hosts/xlsx/package/unzip.ts). */
  ...ZIP_LIMITS,
} as const;

const mb = (bytes: number): string => `${(bytes / MB).toFixed(1)} 兆字节`;

/** The stream and storage names in an OLE compound file's directory (MS-CFB), read from the file's bytes. An .xls
 * has a Workbook (or Book) stream; an encrypted .xlsx is an OLE file with EncryptionInfo and EncryptedPackage. */
export function oleNames(buf: Buffer): Set<string> {
  const names = new Set<string>();
  if (buf.length < 512) return names;
  const shift = buf.readUInt16LE(30);
  if (shift !== 9 && shift !== 12) return names;
  const size = 1 << shift;
  const sector = (n: number) => (n + 1) * size;
  // The FAT's own sectors, from the header's first 109 (enough for the directory of any workbook-sized file).
  const fatSectors: number[] = [];
  for (let i = 0; i < 109; i++) {
    const s = buf.readUInt32LE(76 + 4 * i);
    if (s >= 0xfffffffa) break;
    fatSectors.push(s);
  }
  const next = (n: number): number => {
    const per = size / 4;
    const fat = fatSectors[Math.floor(n / per)];
    const at = fat === undefined ? -1 : sector(fat) + 4 * (n % per);
    return at < 0 || at + 4 > buf.length ? 0xfffffffe : buf.readUInt32LE(at);
  };
  let dir = buf.readUInt32LE(48);
  for (let hops = 0; dir < 0xfffffffa && hops < 10_000; hops++) {
    const start = sector(dir);
    if (start + size > buf.length) break;
    for (let e = start; e < start + size; e += 128) {
      const len = buf.readUInt16LE(e + 64);
      if (len >= 2 && len <= 64) names.add(buf.toString("utf16le", e, e + len - 2));
    }
    dir = next(dir);
  }
  return names;
}

function oleProblem(file: string, buf: Buffer): string {
  const names = oleNames(buf);
  if (names.has("EncryptedPackage") || names.has("EncryptionInfo")) {
    return `“${file}”是设有打开密码的（加密）工作簿，无法读取：请在 Excel 中打开它，在“文件 → 信息 → 保护工作簿 → 用密码进行加密”中删除密码并保存后再评分。`;
  }
  if (names.has("Workbook") || names.has("Book")) {
    return `“${file}”是旧版 Excel 97-2003 工作簿（.xls），只是扩展名改成了 .xlsx：请在 Excel 中另存为“Excel 工作簿(*.xlsx)”后再评分。`;
  }
  return `“${file}”是旧版办公软件的复合文档，不是 .xlsx 工作簿：请在 Excel 中另存为“Excel 工作簿(*.xlsx)”后再评分。`;
}

/** A text file (a .csv renamed .xlsx, say): no NUL byte in its first bytes. */
const looksLikeText = (head: Buffer): boolean => head.length > 0 && !head.includes(0);

/** The message for a zip the reader refused (a ZipError), or null for any other error. */
export function zipMessage(file: string, e: unknown): string | null {
  if (!(e instanceof ZipError)) return null;
  const part = e.entry?.name ?? "";
  switch (e.problem) {
    case "truncated":
      return `无法读取“${file}”：文件不完整或已损坏，找不到 .xlsx 文件（一种压缩包）的目录，可能只下载或复制了一部分。请重新获取完整的文件。`;
    case "entries":
      return `“${file}”包含的部件超过 ${LIMITS.entries} 个，不像考核工作簿，未读取。`;
    case "ratio":
      return (
        `“${file}”中的“${part}”压缩比异常（${mb(e.entry?.packedSize ?? 0)} 解压为 ${mb(e.entry?.size ?? 0)}），` +
        `可能是恶意构造的压缩包，未读取。`
      );
    case "unpacked":
      return (
        `“${file}”解压后超过 ${mb(LIMITS.unpackedBytes)}（命令行可读的上限，见 README.md 的“限制”），未读取：` +
        `请删去不需要的工作表、图片或多余的行后再评分。`
      );
    case "lying":
      return `“${file}”中有部件解压后比声明的大得多，可能是恶意构造的压缩包，未读取。`;
    default:
      return `无法读取“${file}”：文件已损坏，无法解压（${e.message}）。请在 Excel 中打开并另存为 .xlsx 后再评分。`;
  }
}

/** The zip's directory within the limits and naming a workbook's parts: nothing is unpacked. */
function zipProblem(file: string, bytes: Uint8Array): string | null {
  try {
    const entries = zipEntries(bytes);
    checkEntries(entries);
    const names = new Set(entries.map((e) => e.name));
    if (!names.has("[Content_Types].xml") || !names.has("xl/workbook.xml")) {
      return `“${file}”是压缩包，但不是 Excel 工作簿（其中没有 xl/workbook.xml，可能是文字处理文档、WPS 文档或其他压缩包）。`;
    }
    return null;
  } catch (e) {
    return zipMessage(file, e) ?? `无法读取“${file}”：文件已损坏，无法解压（${(e as Error).message}）。`;
  }
}

/** The file's bytes when it looks like an .xlsx within the limits; otherwise the reason, in Chinese. */
export async function readInput(file: string): Promise<{ bytes: Buffer } | { problem: string }> {
  const problem = await fileProblem(file);
  if (problem !== null) return { problem };
  let bytes: Buffer;
  try {
    bytes = await fs.readFile(file);
  } catch (e) {
    return { problem: `无法打开“${file}”（${(e as NodeJS.ErrnoException).code ?? (e as Error).message}）。` };
  }
  if (bytes.subarray(0, 8).equals(OLE)) return { problem: oleProblem(file, bytes) };
  const zip = zipProblem(file, bytes);
  return zip === null ? { bytes } : { problem: zip };
}

/** What is wrong with the file before it is read whole: its name, size and first bytes. */
async function fileProblem(file: string): Promise<string | null> {
  if (!/\.xlsx$/i.test(file)) return `“${file}”不是 .xlsx 文件：请在 Excel 中另存为“Excel 工作簿(*.xlsx)”后再评分。`;
  let head: Buffer;
  try {
    const stat = await fs.stat(file);
    if (!stat.isFile()) return `“${file}”不是文件。`;
    if (stat.size === 0) return `“${file}”是空文件。`;
    if (stat.size > LIMITS.fileBytes) {
      return (
        `“${file}”有 ${mb(stat.size)}，超过命令行可读的上限 ${mb(LIMITS.fileBytes)}（见 README.md 的“限制”），未读取：` +
        `请删去不需要的工作表、图片或多余的行后再评分。`
      );
    }
    const fh = await fs.open(file, "r");
    try {
      head = Buffer.alloc(Math.min(stat.size, 512));
      await fh.read(head, 0, head.length, 0);
    } finally {
      await fh.close();
    }
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    return code === "ENOENT" ? `找不到文件“${file}”。` : `无法打开“${file}”（${code ?? (e as Error).message}）。`;
  }
  if (head.subarray(0, 8).equals(OLE)) return null;
  if (!head.subarray(0, 4).equals(ZIP)) {
    return looksLikeText(head)
      ? `“${file}”不是有效的 .xlsx 工作簿：它是文本文件（可能是改了扩展名的 .csv）。请在 Excel 中打开后另存为“Excel 工作簿(*.xlsx)”。`
      : `“${file}”不是有效的 .xlsx 工作簿（文件开头不是 .xlsx 的格式），可能已损坏或是其他类型的文件。`;
  }
  return null;
}
