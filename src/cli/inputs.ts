// Checks on the input file before ExcelJS sees it, so bad input gets a clear message (what was looked for).
import { promises as fs } from "node:fs";

const ZIP = Buffer.from([0x50, 0x4b, 0x03, 0x04]);
const OLE = Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);

/** Null when the file looks like an .xlsx; otherwise the reason, in Chinese. */
export async function readableProblem(file: string): Promise<string | null> {
  if (!/\.xlsx$/i.test(file)) return `“${file}”不是 .xlsx 文件：请在 Excel 中另存为“Excel 工作簿(*.xlsx)”后再评分。`;
  let head: Buffer;
  try {
    const stat = await fs.stat(file);
    if (!stat.isFile()) return `“${file}”不是文件。`;
    if (stat.size === 0) return `“${file}”是空文件。`;
    const fh = await fs.open(file, "r");
    try {
      head = Buffer.alloc(8);
      await fh.read(head, 0, 8, 0);
    } finally {
      await fh.close();
    }
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    return code === "ENOENT" ? `找不到文件“${file}”。` : `无法打开“${file}”（${code ?? (e as Error).message}）。`;
  }
  if (head.subarray(0, 8).equals(OLE)) {
    return `“${file}”是加密（设有打开密码）的工作簿或旧版 .xls 文件：请在 Excel 中取消密码、另存为 .xlsx 后再评分。`;
  }
  if (!head.subarray(0, 4).equals(ZIP)) {
    return `“${file}”不是有效的 .xlsx 工作簿（文件开头不是 .xlsx 的 ZIP 格式，可能是改了扩展名的 .csv 或其他文件）。`;
  }
  return null;
}
