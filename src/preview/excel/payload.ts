// What a request carries: its size in bytes, as Excel on the web counts it against its 5 MB payload limit.
import { utf8Bytes } from "../../hosts/office/budget";

/** UTF-8 bytes of a string: the host's own counter (no Node Buffer, so the fake also runs in a browser). */
export const utf8Length = utf8Bytes;

/** Bytes of a value as it travels between the add-in and Excel: UTF-8 JSON. */
export function size(v: unknown): number {
  return utf8Length(JSON.stringify(v ?? null));
}
