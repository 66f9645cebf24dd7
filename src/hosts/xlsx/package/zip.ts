// Writing a package as a zip, in Node (yazl, deflating on zlib's threads): every part in its order, each deflated (a
// part over 4 MB at a faster level) with a fixed time. Reading is unzip.ts, which runs in the browser too.
import { createWriteStream } from "node:fs";
import yazl from "yazl";
import type { XlsxPackage } from "./package";

/** Parts carry a fixed time, so the same workbook scored twice gives the same bytes. */
const FIXED_TIME = new Date("2020-01-01T00:00:00Z");

function zip(pkg: XlsxPackage): yazl.ZipFile {
  const z = new yazl.ZipFile();
  for (const [name, content] of pkg.entries()) {
    const buf =
      typeof content === "string"
        ? Buffer.from(content, "utf8")
        : Buffer.from(content.buffer, content.byteOffset, content.byteLength);
    z.addBuffer(buf, name, { compressionLevel: buf.length > 4 * 1024 * 1024 ? 1 : 6, mtime: FIXED_TIME });
  }
  z.end();
  return z;
}

/** The package as zip bytes written to a file. */
export async function writePackage(pkg: XlsxPackage, file: string): Promise<void> {
  const z = zip(pkg);
  await new Promise<void>((resolve, reject) => {
    const out = createWriteStream(file);
    out.on("error", reject);
    z.outputStream.on("error", reject);
    out.on("close", () => resolve());
    z.outputStream.pipe(out);
  });
}

/** The package as zip bytes. */
export async function packageBytes(pkg: XlsxPackage): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of zip(pkg).outputStream) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}
