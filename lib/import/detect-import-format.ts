import { sniffEncoding } from "@/lib/import/decode-text";

export type ImportFormat = "mt5-html" | "xlsx" | "csv" | "unknown";

/** Tells an upload's format from its first bytes (about 4 KiB; a cut-off character is fine). */
export function detectImportFormat(head: Uint8Array): ImportFormat {
  if (head[0] === 0x50 && head[1] === 0x4b && head[2] === 0x03 && head[3] === 0x04) return "xlsx";
  const { encoding, bomLength } = sniffEncoding(head);
  let bytes = head.subarray(bomLength);
  if (encoding !== "utf-8" && bytes.length % 2 === 1) bytes = bytes.subarray(0, bytes.length - 1);
  const text = new TextDecoder(encoding, { fatal: false, ignoreBOM: true }).decode(bytes);
  if (/<html|<table/i.test(text)) return "mt5-html";
  if (text.includes("\0")) return "unknown";
  const firstLine = text.split(/\r\n|\n|\r/, 1)[0] ?? "";
  return /[,;\t]/.test(firstLine) ? "csv" : "unknown";
}
