import { createInflateRaw } from "node:zlib";
import type { Readable } from "node:stream";
import yauzl from "yauzl";
import type { Entry, ZipFile } from "yauzl";
import { decodeEntities } from "@/lib/import/decode-entities";
import { decodeText } from "@/lib/import/decode-text";
import type { ReportCell, ReportRow } from "@/lib/import/report-rows";

// A report sheet deflates about 20:1; far beyond that, or past 4 GiB, the zip is a bomb.
const maxRatio = 1000;
const maxUncompressedSize = 4 * 1024 ** 3;
const tailLength = 16;

const rowMarkup = /<row\b([^>]*?)(\/?)>/g;
const rowStart = /<row(?=[\s>/]|$)/g;
const cellMarkup = /<c\b([^>]*?)(?:\/>|>([\s\S]*?)<\/c>)/g;
const textMarkup = /<t\b[^>]*?(?:\/>|>([\s\S]*?)<\/t>)/g;
const phoneticRun = /<rPh\b[\s\S]*?<\/rPh>/g;
const sharedItem = /<si\b[^>]*?(?:\/>|>([\s\S]*?)<\/si>)/g;

function attribute(attributes: string, name: string): string | undefined {
  const match = new RegExp(`(?:^|\\s)${name}\\s*=\\s*(?:"([^"]*)"|'([^']*)')`).exec(attributes);
  return match ? (match[1] ?? match[2]) : undefined;
}

/** The text of rich or plain string markup (<si>, <is>): all <t> runs joined, phonetic hints left out. */
function stringItemText(xml: string): string {
  const plain = xml.includes("<rPh") ? xml.replace(phoneticRun, "") : xml;
  let text = "";
  textMarkup.lastIndex = 0;
  for (let match = textMarkup.exec(plain); match; match = textMarkup.exec(plain)) text += match[1] ?? "";
  return decodeEntities(text);
}

function cellValue(attributes: string, inner: string | undefined, sharedStrings: string[]): string {
  if (!inner) return "";
  const type = attribute(attributes, "t");
  if (type === "inlineStr") return stringItemText(inner);
  const value = /<v\b[^>]*>([\s\S]*?)<\/v>/.exec(inner)?.[1] ?? "";
  if (type === "s") return sharedStrings[Number(value)] ?? "";
  return decodeEntities(value);
}

function openZip(filePath: string): Promise<ZipFile> {
  return new Promise((resolve, reject) => {
    yauzl.open(filePath, { lazyEntries: true, autoClose: false }, (error, zip) => {
      if (error) reject(new Error(`Not an XLSX file (it is not a readable zip archive: ${error.message})`));
      else resolve(zip);
    });
  });
}

function listEntries(zip: ZipFile): Promise<Map<string, Entry>> {
  return new Promise((resolve, reject) => {
    const entries = new Map<string, Entry>();
    zip.on("entry", (entry: Entry) => {
      entries.set(entry.fileName, entry);
      zip.readEntry();
    });
    zip.on("end", () => resolve(entries));
    zip.on("error", (error: Error) => reject(new Error(`The XLSX zip archive is damaged: ${error.message}`)));
    zip.readEntry();
  });
}

function checkSize(entry: Entry): void {
  const size = entry.uncompressedSize;
  if (size > maxUncompressedSize || size > Math.max(entry.compressedSize, 1) * maxRatio) {
    throw new Error(
      `The XLSX part ${entry.fileName} would unpack from ${entry.compressedSize} to ${size} bytes; refusing it as a zip bomb`,
    );
  }
}

/** The part's bytes as they inflate, counting compressed bytes read and refusing more output than declared. */
async function* entryBytes(zip: ZipFile, entry: Entry, onCompressed?: (bytes: number) => void): AsyncGenerator<Uint8Array> {
  checkSize(entry);
  if (entry.compressionMethod !== 0 && entry.compressionMethod !== 8) {
    throw new Error(`The XLSX part ${entry.fileName} uses an unsupported compression method ${entry.compressionMethod}`);
  }
  // Inflating ourselves lets progress count the compressed bytes; yauzl refuses the option on stored parts.
  const options = entry.compressionMethod === 8 ? { decompress: false } : {};
  const raw = await new Promise<Readable>((resolve, reject) => {
    zip.openReadStream(entry, options, (error, stream) => (error ? reject(error) : resolve(stream)));
  });
  if (onCompressed) raw.on("data", (chunk: Buffer) => onCompressed(chunk.length));
  const output: Readable = entry.compressionMethod === 8 ? raw.pipe(createInflateRaw()) : raw;
  raw.on("error", (error) => output.destroy(error));
  let total = 0;
  try {
    for await (const chunk of output as AsyncIterable<Buffer>) {
      total += chunk.length;
      if (total > entry.uncompressedSize) throw new Error(`The XLSX part ${entry.fileName} unpacks to more bytes than it declares`);
      yield chunk;
    }
  } finally {
    output.destroy();
    raw.destroy();
  }
}

async function readPart(zip: ZipFile, entry: Entry): Promise<string> {
  let text = "";
  for await (const piece of decodeText(entryBytes(zip, entry))) text += piece;
  return text;
}

function resolveTarget(target: string): string {
  if (target.startsWith("/")) return target.slice(1);
  const parts = ["xl"];
  for (const part of target.split("/")) {
    if (part === "..") parts.pop();
    else if (part !== ".") parts.push(part);
  }
  return parts.join("/");
}

/** The first sheet in workbook order, through the workbook's relationships; sheet1.xml when those are missing. */
async function firstSheetPath(zip: ZipFile, entries: Map<string, Entry>): Promise<string> {
  const fallback = "xl/worksheets/sheet1.xml";
  const workbook = entries.get("xl/workbook.xml");
  const rels = entries.get("xl/_rels/workbook.xml.rels");
  if (!workbook || !rels) return fallback;
  const sheet = /<sheet\b([^>]*)>/.exec(await readPart(zip, workbook));
  const id = sheet ? /(?:^|\s)\w+:id\s*=\s*"([^"]*)"/.exec(sheet[1] ?? "")?.[1] : undefined;
  if (!id) return fallback;
  for (const match of (await readPart(zip, rels)).matchAll(/<Relationship\b([^>]*)>/g)) {
    const attributes = match[1] ?? "";
    if (attribute(attributes, "Id") === id) {
      const target = attribute(attributes, "Target");
      if (target) return resolveTarget(target);
    }
  }
  return fallback;
}

export function parseSharedStrings(xml: string): string[] {
  const strings: string[] = [];
  sharedItem.lastIndex = 0;
  for (let match = sharedItem.exec(xml); match; match = sharedItem.exec(xml)) strings.push(stringItemText(match[1] ?? ""));
  return strings;
}

function parseCells(rowXml: string, sharedStrings: string[]): ReportCell[] {
  const cells: ReportCell[] = [];
  cellMarkup.lastIndex = 0;
  for (let match = cellMarkup.exec(rowXml); match; match = cellMarkup.exec(rowXml)) {
    cells.push({ text: cellValue(match[1] ?? "", match[2], sharedStrings), hidden: false });
  }
  return cells;
}

/**
 * Reads the rows of the first worksheet of an XLSX report, streaming the sheet from the zip (never
 * to disk). Each <row> gives one row of the <c> cells it holds, in order, without padding gaps.
 */
export async function* readXlsxReportRows(
  filePath: string,
  options: { onProgress?: (fraction: number) => void } = {},
): AsyncGenerator<ReportRow> {
  const zip = await openZip(filePath);
  try {
    const entries = await listEntries(zip);
    const sheetPath = await firstSheetPath(zip, entries);
    const sheet = entries.get(sheetPath) ?? entries.get("xl/worksheets/sheet1.xml");
    if (!sheet) throw new Error(`Not an MT5 XLSX report: the zip holds no worksheet (looked for ${sheetPath})`);
    const sharedEntry = entries.get("xl/sharedStrings.xml");
    const sharedStrings = sharedEntry ? parseSharedStrings(await readPart(zip, sharedEntry)) : [];

    let consumed = 0;
    const onCompressed = options.onProgress
      ? (bytes: number) => {
          consumed += bytes;
          options.onProgress?.(sheet.compressedSize > 0 ? Math.min(1, consumed / sheet.compressedSize) : 1);
        }
      : undefined;

    let buffer = "";
    let lastRow = 0;
    const rows: ReportRow[] = [];
    for await (const text of decodeText(entryBytes(zip, sheet, onCompressed))) {
      buffer += text;
      let done = 0;
      let cut = -1;
      rowMarkup.lastIndex = 0;
      for (let match = rowMarkup.exec(buffer); match; match = rowMarkup.exec(buffer)) {
        let end = rowMarkup.lastIndex;
        let body = "";
        if (match[2] !== "/") {
          const close = buffer.indexOf("</row>", end);
          if (close === -1) {
            cut = match.index;
            break;
          }
          body = buffer.slice(end, close);
          end = close + 6;
        }
        const number = Number(attribute(match[1] ?? "", "r"));
        lastRow = Number.isInteger(number) && number > 0 ? number : lastRow + 1;
        rows.push({ line: lastRow, cells: parseCells(body, sharedStrings) });
        done = end;
        rowMarkup.lastIndex = end;
      }
      if (cut === -1) {
        // A <row tag cut by the end of this piece did not match; keep it whole for the next one.
        rowStart.lastIndex = done;
        cut = rowStart.exec(buffer)?.index ?? Math.max(done, buffer.length - tailLength);
      }
      const keepFrom = cut;
      buffer = buffer.slice(keepFrom);
      for (const row of rows) yield row;
      rows.length = 0;
    }
  } finally {
    zip.close();
  }
}
