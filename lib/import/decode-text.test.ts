import { describe, expect, it } from "vitest";
import { decodeText } from "@/lib/import/decode-text";

async function* chunksOf(bytes: Uint8Array, size: number): AsyncGenerator<Uint8Array> {
  for (let at = 0; at < bytes.length; at += size) yield bytes.subarray(at, at + size);
}

async function decodeAll(bytes: Uint8Array, size = 1 << 16): Promise<string> {
  let text = "";
  for await (const piece of decodeText(chunksOf(bytes, size))) text += piece;
  return text;
}

const sample = '<tr><td>1\u00a0234.56</td><td>損益 😀</td></tr>\r\n';
const utf16be = (text: string) => Buffer.from(text, "utf16le").swap16();
const encodings: [string, Buffer][] = [
  ["UTF-16 LE with BOM", Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(sample, "utf16le")])],
  ["UTF-16 BE with BOM", Buffer.concat([Buffer.from([0xfe, 0xff]), utf16be(sample)])],
  ["UTF-8 with BOM", Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(sample, "utf8")])],
  ["UTF-8 without BOM", Buffer.from(sample, "utf8")],
  ["UTF-16 LE without BOM", Buffer.from(sample, "utf16le")],
  ["UTF-16 BE without BOM", utf16be(sample)],
];

describe("decodeText", () => {
  it.each(encodings)("decodes %s without emitting the BOM, in one piece and byte by byte", async (_name, bytes) => {
    expect(await decodeAll(bytes)).toBe(sample);
    expect(await decodeAll(bytes, 1)).toBe(sample);
    expect(await decodeAll(bytes, 3)).toBe(sample);
  });

  it("drops a stray odd last byte after UTF-16 text instead of writing U+FFFD", async () => {
    const bytes = Buffer.concat([encodings[0]![1], Buffer.from([0x0a])]);
    expect(await decodeAll(bytes)).toBe(sample);
    expect(await decodeAll(bytes, 1)).toBe(sample);
  });

  it("keeps a surrogate pair whole wherever the chunks split it", async () => {
    for (const [, bytes] of encodings) {
      for (let cut = 1; cut < bytes.length; cut++) {
        async function* twoPieces() {
          yield bytes.subarray(0, cut);
          yield bytes.subarray(cut);
        }
        let text = "";
        for await (const piece of decodeText(twoPieces())) text += piece;
        expect(text).toBe(sample);
      }
    }
  });

  it("replaces malformed UTF-8 with U+FFFD rather than failing", async () => {
    expect(await decodeAll(Buffer.from([0x61, 0xff, 0x62]))).toBe("a\ufffdb");
  });

  it("reads inputs shorter than the sniffed head", async () => {
    expect(await decodeAll(Buffer.from("a,b"))).toBe("a,b");
    expect(await decodeAll(Buffer.alloc(0))).toBe("");
    expect(await decodeAll(Buffer.from([0xff, 0xfe, 0x41]))).toBe("");
  });
});
