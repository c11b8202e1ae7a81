type Encoding = "utf-8" | "utf-16le" | "utf-16be";

/** Answers the encoding of a text file's first bytes and how many of them are a byte order mark. */
export function sniffEncoding(head: Uint8Array): { encoding: Encoding; bomLength: number } {
  if (head[0] === 0xff && head[1] === 0xfe) return { encoding: "utf-16le", bomLength: 2 };
  if (head[0] === 0xfe && head[1] === 0xff) return { encoding: "utf-16be", bomLength: 2 };
  if (head[0] === 0xef && head[1] === 0xbb && head[2] === 0xbf) return { encoding: "utf-8", bomLength: 3 };
  // Without a BOM, ASCII markup in UTF-16 shows as a NUL beside every character ("<\0" or "\0<").
  if (head.length >= 2 && head[0] !== 0 && head[1] === 0) return { encoding: "utf-16le", bomLength: 0 };
  if (head.length >= 2 && head[0] === 0 && head[1] !== 0) return { encoding: "utf-16be", bomLength: 0 };
  return { encoding: "utf-8", bomLength: 0 };
}

const sniffLength = 4;

/**
 * Decodes a byte stream to text pieces: UTF-16 LE/BE or UTF-8 by BOM or guess, BOM not emitted.
 * Malformed input becomes U+FFFD, except an odd last byte of UTF-16 text, which is dropped: the
 * terminal has written reports with one stray byte after the text.
 */
export async function* decodeText(source: AsyncIterable<Uint8Array>): AsyncGenerator<string> {
  let head = new Uint8Array(0);
  let decoder: TextDecoder | undefined;
  let utf16 = false;
  let carry = -1;

  const decodePiece = (bytes: Uint8Array, dec: TextDecoder): string => {
    if (!utf16) return dec.decode(bytes, { stream: true });
    let text = "";
    let rest = bytes;
    if (carry >= 0 && rest.length > 0) {
      text = dec.decode(Uint8Array.of(carry, rest[0] as number), { stream: true });
      carry = -1;
      rest = rest.subarray(1);
    }
    // Feeding only whole code units keeps a final odd byte out of the decoder, so it never turns into U+FFFD.
    if (rest.length % 2 === 1) {
      carry = rest[rest.length - 1] as number;
      rest = rest.subarray(0, rest.length - 1);
    }
    return text + dec.decode(rest, { stream: true });
  };

  for await (const chunk of source) {
    let bytes = chunk;
    if (!decoder) {
      const joined = new Uint8Array(head.length + chunk.length);
      joined.set(head);
      joined.set(chunk, head.length);
      if (joined.length < sniffLength) {
        head = joined;
        continue;
      }
      const { encoding, bomLength } = sniffEncoding(joined);
      decoder = new TextDecoder(encoding, { fatal: false, ignoreBOM: true });
      utf16 = encoding !== "utf-8";
      bytes = joined.subarray(bomLength);
    }
    const text = decodePiece(bytes, decoder);
    if (text) yield text;
  }
  if (!decoder) {
    const { encoding, bomLength } = sniffEncoding(head);
    decoder = new TextDecoder(encoding, { fatal: false, ignoreBOM: true });
    utf16 = encoding !== "utf-8";
    const text = decodePiece(head.subarray(bomLength), decoder);
    if (text) yield text;
  }
  const last = decoder.decode();
  if (last) yield last;
}
