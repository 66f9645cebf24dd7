// A zip's parts from its bytes, in Node and in the browser alike: the central directory read here, each part
// inflated by fflate. Hostile input is refused in bounded time and memory: too many parts, a part that packs
// implausibly well, too much in all (each by the sizes the zip declares, before anything is unpacked), and a part that
// unpacks to more than it declares (found while inflating, in small steps, so a lying zip bomb is stopped at once).
import { Inflate, inflateSync } from "fflate";
import { decodeLatin1, decodeUtf8 } from "./utf8";

const MB = 1024 * 1024;

/** What may be unpacked (README "Limits"). An assessment workbook of 50,000 unit rows is about 50 MB unpacked; a real
 * one of 36 units is under 1 MB. */
export const ZIP_LIMITS = {
  /** All its parts unpacked, by the sizes the zip declares and as they unpack. */
  unpackedBytes: 200 * MB,
  /** Parts in the zip. */
  entries: 10_000,
  /** Unpacked ÷ packed, for a part larger than 1 MB unpacked: a workbook's XML packs about 5–20 : 1, a zip bomb
   * 1000 : 1. */
  ratio: 100,
} as const;

export type ZipLimits = typeof ZIP_LIMITS;

export type ZipProblem =
  /** No central directory: not a zip, or a zip cut short. */
  | "truncated"
  | "entries"
  | "ratio"
  | "unpacked"
  /** A part unpacked to more than the zip declares for it. */
  | "lying"
  /** A part that does not unpack (bad data, an unknown method, encryption). */
  | "corrupt";

export class ZipError extends Error {
  constructor(
    readonly problem: ZipProblem,
    message: string,
    /** The part concerned, with its packed and declared unpacked sizes. */
    readonly entry?: ZipEntry,
  ) {
    super(message);
  }
}

export interface ZipEntry {
  readonly name: string;
  /** 0 stored, 8 deflated. */
  readonly method: number;
  readonly flags: number;
  readonly packedSize: number;
  /** The unpacked size the zip declares. */
  readonly size: number;
  /** Where its local header starts. */
  readonly offset: number;
}

const u16 = (b: Uint8Array, at: number): number => b[at] | (b[at + 1] << 8);
const u32 = (b: Uint8Array, at: number): number =>
  (b[at] | (b[at + 1] << 8) | (b[at + 2] << 16) | (b[at + 3] << 24)) >>> 0;
const u64 = (b: Uint8Array, at: number): number => u32(b, at) + u32(b, at + 4) * 0x1_0000_0000;

const truncated = (why: string): ZipError => new ZipError("truncated", `找不到完整的压缩包目录（${why}）`);

/** The entries of the central directory, in its order (ZIP64 understood). Nothing is unpacked. */
export function zipEntries(bytes: Uint8Array): ZipEntry[] {
  // the end of central directory record: 22 bytes plus a comment of up to 65,535
  let end = -1;
  for (let at = bytes.length - 22; at >= Math.max(0, bytes.length - 22 - 0xffff); at--) {
    if (u32(bytes, at) === 0x06054b50 && at + 22 + u16(bytes, at + 20) <= bytes.length) {
      end = at;
      break;
    }
  }
  if (end < 0) throw truncated("没有目录结尾记录");
  let count = u16(bytes, end + 10);
  let dir = u32(bytes, end + 16);
  if (end >= 20 && u32(bytes, end - 20) === 0x07064b50) {
    const z = u64(bytes, end - 12);
    if (z + 56 > bytes.length || u32(bytes, z) !== 0x06064b50) throw truncated("大文件目录记录不完整");
    count = u64(bytes, z + 32);
    dir = u64(bytes, z + 48);
  }
  const out: ZipEntry[] = [];
  let at = dir;
  for (let i = 0; i < count; i++) {
    if (at + 46 > bytes.length || u32(bytes, at) !== 0x02014b50) throw truncated("目录条目不完整");
    const flags = u16(bytes, at + 8);
    const nameLength = u16(bytes, at + 28);
    const extraLength = u16(bytes, at + 30);
    const next = at + 46 + nameLength + extraLength + u16(bytes, at + 32);
    if (next > bytes.length) throw truncated("目录条目不完整");
    const nameBytes = bytes.subarray(at + 46, at + 46 + nameLength);
    let packedSize = u32(bytes, at + 20);
    let size = u32(bytes, at + 24);
    let offset = u32(bytes, at + 42);
    // ZIP64: the sizes and offset that do not fit 32 bits are in the extra field, in this order
    for (let e = at + 46 + nameLength; e + 4 <= at + 46 + nameLength + extraLength;) {
      const id = u16(bytes, e);
      const len = u16(bytes, e + 2);
      if (id === 0x0001) {
        let f = e + 4;
        const end = e + 4 + len;
        if (size === 0xffffffff && f + 8 <= end) {
          size = u64(bytes, f);
          f += 8;
        }
        if (packedSize === 0xffffffff && f + 8 <= end) {
          packedSize = u64(bytes, f);
          f += 8;
        }
        if (offset === 0xffffffff && f + 8 <= end) offset = u64(bytes, f);
      }
      e += 4 + len;
    }
    out.push({
      // bit 11: UTF-8 names; otherwise code page 437, which equals Latin-1 on the ASCII names a package uses
      name: flags & 0x800 ? decodeUtf8(nameBytes) : decodeLatin1(nameBytes),
      method: u16(bytes, at + 10),
      flags,
      packedSize,
      size,
      offset,
    });
    at = next;
  }
  return out;
}

const mb = (bytes: number): string => `${(bytes / MB).toFixed(1)} MB`;

/** Refuses a directory over the limits, by the sizes it declares; the ZipError says which limit. */
export function checkEntries(entries: readonly ZipEntry[], limits: ZipLimits = ZIP_LIMITS): void {
  if (entries.length > limits.entries) {
    throw new ZipError("entries", `包含的部件超过 ${limits.entries} 个（${entries.length} 个）`);
  }
  let total = 0;
  for (const e of entries) {
    if (e.size > MB && e.size > limits.ratio * Math.max(1, e.packedSize)) {
      throw new ZipError("ratio", `“${e.name}”压缩比异常（${mb(e.packedSize)} 解压为 ${mb(e.size)}）`, e);
    }
    total += e.size;
    if (total > limits.unpackedBytes) {
      throw new ZipError("unpacked", `解压后超过 ${mb(limits.unpackedBytes)}`, e);
    }
  }
}

/** Compressed input handed to the streaming inflater at a time: at most about 1,000 times as much comes out of it. */
const STEP = 64 * 1024;
/** A part packed in at most this much is inflated in one call, into a buffer one byte longer than it declares (a byte
 * written there means it lies): whatever it holds, that is at most about 250 MB of inflating, a fraction of a second. */
const WHOLE = 256 * 1024;

/** One entry's bytes, unpacked: never more than it declares. */
export function unpackEntry(bytes: Uint8Array, e: ZipEntry): Uint8Array {
  const at = e.offset;
  if (at + 30 > bytes.length || u32(bytes, at) !== 0x04034b50) throw truncated(`“${e.name}”的本地头缺失`);
  const start = at + 30 + u16(bytes, at + 26) + u16(bytes, at + 28);
  const data = bytes.subarray(start, start + e.packedSize);
  if (start + e.packedSize > bytes.length) throw truncated(`“${e.name}”的数据不完整`);
  if (e.flags & 0x1) throw new ZipError("corrupt", `“${e.name}”已加密`, e);
  if (e.method === 0) {
    if (e.packedSize !== e.size) throw new ZipError("lying", `“${e.name}”的大小与声明不符`, e);
    return data.slice();
  }
  if (e.method !== 8) throw new ZipError("corrupt", `“${e.name}”使用了不支持的压缩方式 ${e.method}`, e);
  return data.length <= WHOLE ? inflateWhole(data, e) : inflateSteps(data, e);
}

function inflateWhole(data: Uint8Array, e: ZipEntry): Uint8Array {
  if (data.length === 0 && e.size === 0) return new Uint8Array(0);
  let out: Uint8Array;
  try {
    out = inflateSync(data, { out: new Uint8Array(e.size + 1) });
  } catch (err) {
    // a stored block that does not fit the buffer
    if (err instanceof RangeError) throw new ZipError("lying", `“${e.name}”解压后比声明的 ${e.size} 字节大`, e);
    throw new ZipError("corrupt", `“${e.name}”无法解压（${(err as Error).message}）`, e);
  }
  if (out.length > e.size) throw new ZipError("lying", `“${e.name}”解压后比声明的 ${e.size} 字节大`, e);
  if (out.length < e.size) {
    throw new ZipError("corrupt", `“${e.name}”解压后只有 ${out.length} 字节，声明为 ${e.size} 字节`, e);
  }
  return out.subarray(0, e.size);
}

function inflateSteps(data: Uint8Array, e: ZipEntry): Uint8Array {
  const out = new Uint8Array(e.size);
  let got = 0;
  let done = false;
  const inflater = new Inflate((chunk, final) => {
    if (got + chunk.length > e.size) {
      throw new ZipError("lying", `“${e.name}”解压后比声明的 ${e.size} 字节大`, e);
    }
    out.set(chunk, got);
    got += chunk.length;
    if (final) done = true;
  });
  try {
    for (let i = 0; i < data.length; i += STEP) inflater.push(data.subarray(i, i + STEP), i + STEP >= data.length);
  } catch (err) {
    if (err instanceof ZipError) throw err;
    throw new ZipError("corrupt", `“${e.name}”无法解压（${(err as Error).message}）`, e);
  }
  if (!done || got !== e.size) {
    throw new ZipError("corrupt", `“${e.name}”解压后只有 ${got} 字节，声明为 ${e.size} 字节`, e);
  }
  return out;
}

/** Every part of a zip, by name (folders left out), in the directory's order, within the limits. */
export function unzip(bytes: Uint8Array, limits: ZipLimits = ZIP_LIMITS): Map<string, Uint8Array> {
  const entries = zipEntries(bytes);
  checkEntries(entries, limits);
  const parts = new Map<string, Uint8Array>();
  for (const e of entries) {
    if (e.name.endsWith("/")) continue;
    parts.set(e.name.replace(/^\/+/, ""), unpackEntry(bytes, e));
  }
  return parts;
}
