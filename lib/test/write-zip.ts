import { crc32, deflateRawSync } from "node:zlib";

function gf2Times(matrix: number[], vector: number): number {
  let sum = 0;
  for (let i = 0, v = vector; v !== 0; i++, v >>>= 1) if (v & 1) sum ^= matrix[i] as number;
  return sum >>> 0;
}

function gf2Square(matrix: number[]): number[] {
  return matrix.map((row) => gf2Times(matrix, row));
}

/** CRC-32 of A followed by B from crc(A), crc(B) and B's length (zlib's crc32_combine). */
export function combineCrc32(crcA: number, crcB: number, lengthB: number): number {
  if (lengthB <= 0) return crcB === 0 ? crcA : (crcA ^ crcB) >>> 0;
  let odd = [0xedb88320];
  for (let n = 1, row = 1; n < 32; n++, row <<= 1) odd.push(row >>> 0);
  let even = gf2Square(odd);
  odd = gf2Square(even);
  let crc = crcA;
  let length = lengthB;
  for (;;) {
    even = gf2Square(odd);
    if (length % 2 === 1) crc = gf2Times(even, crc);
    length = Math.floor(length / 2);
    if (length === 0) break;
    odd = gf2Square(even);
    if (length % 2 === 1) crc = gf2Times(odd, crc);
    length = Math.floor(length / 2);
    if (length === 0) break;
  }
  return (crc ^ crcB) >>> 0;
}

/** Entry bytes already deflated (pieces ending in sync flushes), for a part written out of order. */
export interface DeflatedPieces {
  body: Buffer[];
  crc: number;
  size: number;
  compressedSize: number;
}

/** Deflates pieces one by one; join several results with joinDeflated, then pass as data. */
export function deflatePieces(pieces: Iterable<Buffer>): DeflatedPieces {
  const body: Buffer[] = [];
  let crc = 0;
  let size = 0;
  let compressedSize = 0;
  for (const piece of pieces) {
    crc = crc32(piece, crc);
    size += piece.length;
    // A sync flush ends each piece on a byte boundary without the final-block bit, so pieces concatenate.
    const out = deflateRawSync(piece, { finishFlush: 2 /* Z_SYNC_FLUSH */ });
    body.push(out);
    compressedSize += out.length;
  }
  return { body, crc, size, compressedSize };
}

export function joinDeflated(parts: DeflatedPieces[]): DeflatedPieces {
  return parts.reduce((a, b) => ({
    body: [...a.body, ...b.body],
    crc: combineCrc32(a.crc, b.crc, b.size),
    size: a.size + b.size,
    compressedSize: a.compressedSize + b.compressedSize,
  }));
}

export interface ZipEntry {
  name: string;
  /** The entry's bytes: whole, in pieces (deflated one by one to bound memory), or already deflated. */
  data: Buffer | Iterable<Buffer> | DeflatedPieces;
  /** Store uncompressed instead of deflating. */
  store?: boolean;
}

// 2023-06-26 17:03 in DOS time: a fixed stamp keeps written files byte-for-byte reproducible.
const dosTime = (17 << 11) | (3 << 5);
const dosDate = ((2023 - 1980) << 9) | (6 << 5) | 26;

function compress(entry: ZipEntry): DeflatedPieces {
  const { data } = entry;
  if (entry.store) {
    const bytes = Buffer.isBuffer(data) ? data : "body" in data ? Buffer.concat(data.body) : Buffer.concat([...data]);
    return { body: [bytes], crc: crc32(bytes), size: bytes.length, compressedSize: bytes.length };
  }
  const deflated = Buffer.isBuffer(data) ? deflatePieces([data]) : "body" in data ? data : deflatePieces(data);
  const end = deflateRawSync(Buffer.alloc(0));
  const result = { ...deflated, body: [...deflated.body, end], compressedSize: deflated.compressedSize + end.length };
  if (result.size >= 0xffffffff || result.compressedSize >= 0xffffffff) {
    throw new Error(`Zip entry ${entry.name} is too large without zip64`);
  }
  return result;
}

/** A plain zip archive (no zip64), built in memory; deflated entries unless store is set. */
export function writeZip(entries: ZipEntry[]): Buffer {
  const out: Buffer[] = [];
  const central: Buffer[] = [];
  let offset = 0;
  for (const entry of entries) {
    const name = Buffer.from(entry.name, "utf8");
    const { body, crc, size, compressedSize } = compress(entry);
    const method = entry.store ? 0 : 8;
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(0x0800, 6);
    local.writeUInt16LE(method, 8);
    local.writeUInt16LE(dosTime, 10);
    local.writeUInt16LE(dosDate, 12);
    local.writeUInt32LE(crc, 14);
    local.writeUInt32LE(compressedSize, 18);
    local.writeUInt32LE(size, 22);
    local.writeUInt16LE(name.length, 26);
    const header = Buffer.alloc(46);
    header.writeUInt32LE(0x02014b50, 0);
    header.writeUInt16LE(20, 4);
    header.writeUInt16LE(20, 6);
    header.writeUInt16LE(0x0800, 8);
    header.writeUInt16LE(method, 10);
    header.writeUInt16LE(dosTime, 12);
    header.writeUInt16LE(dosDate, 14);
    header.writeUInt32LE(crc, 16);
    header.writeUInt32LE(compressedSize, 20);
    header.writeUInt32LE(size, 24);
    header.writeUInt16LE(name.length, 28);
    header.writeUInt32LE(offset, 42);
    central.push(header, name);
    out.push(local, name, ...body);
    offset += local.length + name.length + compressedSize;
  }
  const centralSize = central.reduce((sum, part) => sum + part.length, 0);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(entries.length, 8);
  end.writeUInt16LE(entries.length, 10);
  end.writeUInt32LE(centralSize, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...out, ...central, end]);
}
