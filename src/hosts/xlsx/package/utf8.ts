// UTF-8 for the package's text parts, through fflate: the platform's TextEncoder/TextDecoder where there is one (Node,
// browsers), fflate's own code where there is none (a test environment such as jsdom).
import { strFromU8, strToU8 } from "fflate";

/** Node's Buffer where there is one: it measures UTF-8 exactly before writing (a 50 MB sheet takes 50 MB once, not
 * a guess grown by doubling), and decodes as fast as TextDecoder. */
const NodeBuffer = (globalThis as { Buffer?: typeof Buffer }).Buffer;

/** Bytes as text; a byte order mark is not part of the text. */
export function decodeUtf8(bytes: Uint8Array): string {
  const s = NodeBuffer
    ? NodeBuffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString("utf8")
    : strFromU8(bytes);
  return s.charCodeAt(0) === 0xfeff ? s.slice(1) : s;
}

/** Latin-1 (a zip's code page 437 names, which are ASCII in a package). */
export const decodeLatin1 = (bytes: Uint8Array): string => strFromU8(bytes, true);

export const encodeUtf8 = (text: string): Uint8Array => strToU8(text);

let encoder: TextEncoder | null | undefined;

/** Pieces of text encoded straight into one buffer (no string of the whole is made). */
export function encodePieces(pieces: readonly string[]): Uint8Array {
  if (NodeBuffer) {
    let size = 0;
    for (const p of pieces) size += NodeBuffer.byteLength(p, "utf8");
    const buf = NodeBuffer.allocUnsafe(size);
    let at = 0;
    for (const p of pieces) at += buf.write(p, at, "utf8");
    return buf;
  }
  encoder ??= typeof TextEncoder === "undefined" ? null : new TextEncoder();
  if (encoder === null) {
    const parts = pieces.map((p) => strToU8(p));
    const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
    let at = 0;
    for (const p of parts) {
      out.set(p, at);
      at += p.length;
    }
    return out;
  }
  let length = 0;
  for (const p of pieces) length += p.length;
  let buf = new Uint8Array(Math.ceil(length * 1.25) + 1024);
  let at = 0;
  for (const p of pieces) {
    // UTF-8 takes at most 3 bytes per UTF-16 unit: grow when a piece might not fit
    if (buf.length - at < 3 * p.length) {
      const grown = new Uint8Array(Math.max(at + 3 * p.length, 2 * buf.length));
      grown.set(buf.subarray(0, at));
      buf = grown;
    }
    at += encoder.encodeInto(p, buf.subarray(at)).written;
  }
  return buf.subarray(0, at);
}
