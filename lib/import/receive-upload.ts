import { randomBytes } from "node:crypto";
import { createWriteStream, mkdirSync, rmSync } from "node:fs";
import path from "node:path";
import { Readable } from "node:stream";
import { pipeline } from "node:stream/promises";
import type { ReadableStream as NodeWebStream } from "node:stream/web";
import busboy from "busboy";
import { syncFile } from "@/lib/db/backup-database";
import { ApiError } from "@/lib/http/api-error";

export interface Upload {
  filePath: string;
  fileName: string;
  size: number;
  /** The form's other fields, as text. */
  fields: Record<string, string>;
}

const maxFieldBytes = 64 * 1024;

/**
 * Streams a multipart upload's one file to `directory` (never holding it in memory) and collects
 * the form's text fields. The file is fsynced before this returns, so a 202 means it is on disk.
 */
export async function receiveUpload(request: Request, directory: string, maxBytes: number): Promise<Upload> {
  const contentType = request.headers.get("content-type") ?? "";
  if (!/^multipart\/form-data/i.test(contentType)) {
    throw new ApiError("unsupported_media_type", "Send the file as multipart/form-data (a form field named file)");
  }
  if (!request.body) throw new ApiError("validation_error", "Invalid import: file", [{ field: "file", message: "is required" }]);
  mkdirSync(directory, { recursive: true });
  const filePath = path.join(directory, `${Date.now()}-${randomBytes(6).toString("hex")}.upload`);
  const fields: Record<string, string> = {};
  let file: { name: string; size: number; written: Promise<void> } | null = null;
  let tooLarge = false;

  let parser: busboy.Busboy;
  try {
    parser = busboy({
      headers: { "content-type": contentType },
      limits: { files: 1, fileSize: maxBytes, fieldSize: maxFieldBytes, fields: 20 },
    });
  } catch {
    throw new ApiError("validation_error", "Invalid import: the multipart body has no boundary", [
      { field: "file", message: "the body is not valid multipart/form-data" },
    ]);
  }
  parser.on("field", (name, value) => {
    fields[name] = value;
  });
  parser.on("file", (name, stream, info) => {
    if (name !== "file" || file !== null) {
      stream.resume();
      return;
    }
    const entry = { name: info.filename || "upload", size: 0, written: Promise.resolve() };
    stream.on("data", (chunk: Buffer) => {
      entry.size += chunk.length;
    });
    stream.on("limit", () => {
      tooLarge = true;
    });
    const target = createWriteStream(filePath, { flags: "wx" });
    entry.written = pipeline(stream, target).then(() => syncFile(filePath));
    file = entry;
  });

  try {
    await pipeline(Readable.fromWeb(request.body as unknown as NodeWebStream<Uint8Array>), parser);
    const received = file as { name: string; size: number; written: Promise<void> } | null;
    if (received) await received.written;
    if (tooLarge) {
      throw new ApiError("payload_too_large", `The file is larger than the import limit of ${maxBytes} bytes (IMPORT_MAX_BYTES)`);
    }
    if (!received) throw new ApiError("validation_error", "Invalid import: file", [{ field: "file", message: "is required" }]);
    if (received.size === 0) {
      throw new ApiError("validation_error", "Invalid import: file", [{ field: "file", message: "is empty" }]);
    }
    return { filePath, fileName: received.name.slice(0, 255), size: received.size, fields };
  } catch (error) {
    rmSync(filePath, { force: true });
    if (error instanceof ApiError) throw error;
    throw new ApiError("validation_error", "Invalid import: the upload could not be read", [
      { field: "file", message: error instanceof Error ? error.message : "the multipart body is malformed" },
    ]);
  }
}

