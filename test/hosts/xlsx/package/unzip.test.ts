// The zip layer on its own (src/hosts/xlsx/package/unzip.ts): parts as they were zipped, and each kind of hostile or broken
// zip refused with its own ZipError, before anything large is unpacked. The command line's messages for them are
// tested end to end in test/cli/hostile.test.ts.
import zlib from "node:zlib";
import { ZIP_LIMITS, ZipError, type ZipLimits, unzip, zipEntries } from "../../../../src/hosts/xlsx/package/unzip";

interface Part {
  name: string;
  data: Buffer;
  /** Stored instead of deflated. */
  stored?: boolean;
  /** The unpacked size the zip declares, when it lies. */
  declared?: number;
}

/** A zip of the parts, its sizes as declared. */
function zip(parts: readonly Part[]): Buffer {
  const local: Buffer[] = [];
  const central: Buffer[] = [];
  let at = 0;
  for (const p of parts) {
    const name = Buffer.from(p.name, "utf8");
    const packed = p.stored ? p.data : zlib.deflateRawSync(p.data);
    const fields = (b: Buffer, o: number) => {
      b.writeUInt16LE(20, o);
      b.writeUInt16LE(0x0800, o + 2);
      b.writeUInt16LE(p.stored ? 0 : 8, o + 4);
      b.writeUInt32LE(zlib.crc32(p.data), o + 10);
      b.writeUInt32LE(packed.length, o + 14);
      b.writeUInt32LE(p.declared ?? p.data.length, o + 18);
      b.writeUInt16LE(name.length, o + 22);
    };
    const head = Buffer.alloc(30);
    head.writeUInt32LE(0x04034b50, 0);
    fields(head, 4);
    const cd = Buffer.alloc(46);
    cd.writeUInt32LE(0x02014b50, 0);
    fields(cd, 6);
    cd.writeUInt32LE(at, 42);
    local.push(head, name, packed);
    central.push(cd, name);
    at += 30 + name.length + packed.length;
  }
  const cd = Buffer.concat(central);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(parts.length, 8);
  end.writeUInt16LE(parts.length, 10);
  end.writeUInt32LE(cd.length, 12);
  end.writeUInt32LE(at, 16);
  return Buffer.concat([...local, cd, end]);
}

const problem = (f: () => unknown): string | undefined => {
  try {
    f();
  } catch (e) {
    if (e instanceof ZipError) return e.problem;
    throw e;
  }
  return undefined;
};

/** Bytes that hardly pack, as a sheet of varied numbers does not. */
function noise(n: number): Buffer {
  const b = Buffer.alloc(n);
  for (let i = 0; i < n; i++) b[i] = (i * 7919 + ((i * i) >> 3)) % 251;
  return b;
}
const text = (n: number) => Buffer.from("<row>0123456789</row>".repeat(Math.ceil(n / 21)).slice(0, n));

it("unpacks deflated and stored parts, small and large, byte for byte, folders left out", () => {
  const parts = [
    { name: "[Content_Types].xml", data: text(300) },
    { name: "xl/", data: Buffer.alloc(0), stored: true },
    { name: "xl/worksheets/sheet1.xml", data: noise(2_000_000) },
    { name: "xl/media/image1.png", data: Buffer.from([1, 2, 3, 4]), stored: true },
    { name: "docProps/empty.xml", data: Buffer.alloc(0) },
    { name: "xl/中文.xml", data: text(10) },
  ];
  const out = unzip(zip(parts));
  expect([...out.keys()]).toEqual(parts.filter((p) => !p.name.endsWith("/")).map((p) => p.name));
  for (const p of parts.filter((x) => !x.name.endsWith("/"))) {
    expect(Buffer.from(out.get(p.name) as Uint8Array).equals(p.data)).toBe(true);
  }
});

it("reads a zip from Node's and the browser's views alike (a Uint8Array over part of a buffer)", () => {
  const bytes = zip([{ name: "a.xml", data: text(100) }]);
  const offset = new Uint8Array(bytes.length + 7);
  offset.set(bytes, 7);
  expect(unzip(offset.subarray(7)).get("a.xml")?.length).toBe(100);
  expect(zipEntries(new Uint8Array(bytes)).map((e) => e.name)).toEqual(["a.xml"]);
});

it.each<[string, () => Buffer, string, ZipLimits?]>([
  ["not a zip", () => Buffer.from("单位名称,分管领导\n"), "truncated"],
  [
    "a zip cut short",
    () => {
      const z = zip([{ name: "a.xml", data: noise(5000) }]);
      return z.subarray(0, Math.floor(z.length * 0.7));
    },
    "truncated",
  ],
  [
    "too many parts",
    () => zip(Array.from({ length: ZIP_LIMITS.entries + 1 }, (_, i) => ({ name: `p${i}`, data: text(1) }))),
    "entries",
  ],
  ["a part that packs like a zip bomb", () => zip([{ name: "s.xml", data: Buffer.alloc(8 * 1024 * 1024) }]), "ratio"],
  [
    "too much in all",
    () => zip(Array.from({ length: 3 }, (_, i) => ({ name: `s${i}.xml`, data: noise(2000) }))),
    "unpacked",
    { ...ZIP_LIMITS, unpackedBytes: 5000 },
  ],
  [
    "a small part that unpacks to more than it declares",
    () => zip([{ name: "s.xml", data: text(5000), declared: 100 }]),
    "lying",
  ],
  [
    "a large part that unpacks to more than it declares",
    () =>
      zip([
        {
          name: "s.xml",
          data: noise(3_000_000),
          declared: 1_000_000,
        },
      ]),
    "lying",
  ],
  [
    "a stored part longer than it declares",
    () => zip([{ name: "s.xml", data: text(50), stored: true, declared: 10 }]),
    "lying",
  ],
  [
    "a part that unpacks to less than it declares",
    () => zip([{ name: "s.xml", data: text(5000), declared: 6000 }]),
    "corrupt",
  ],
  [
    "a part whose data is not deflate",
    () => {
      const z = zip([{ name: "s.xml", data: text(5000) }]);
      z.fill(0xff, 30 + 5, 30 + 5 + 40);
      return z;
    },
    "corrupt",
  ],
])("refuses %s", (...[_what, make, expected, limits]) => {
  expect(problem(() => unzip(make(), limits))).toBe(expected);
});
