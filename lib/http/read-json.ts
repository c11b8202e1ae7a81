import { ApiError } from "@/lib/http/api-error";

export const kib = 1024;

/**
 * Reads a JSON body of at most `limitBytes`, counting what actually arrives (a Content-Length
 * can lie or be absent). Tolerates what MQL5's StringToCharArray leaves: a trailing NUL byte.
 */
export async function readJsonBody(request: Request, limitBytes: number): Promise<unknown> {
  const type = request.headers.get("content-type") ?? "";
  const mediaType = type.split(";")[0]!.trim().toLowerCase();
  if (mediaType !== "application/json" && !mediaType.endsWith("+json")) {
    throw new ApiError(
      "unsupported_media_type",
      `Content-Type must be application/json (got ${mediaType === "" ? "none" : JSON.stringify(mediaType)})`,
    );
  }
  const declared = Number(request.headers.get("content-length") ?? "");
  if (Number.isFinite(declared) && declared > limitBytes) throw tooLarge(limitBytes);

  const bytes = await readLimited(request, limitBytes);
  let text: string;
  try {
    text = new TextDecoder("utf-8", { fatal: true }).decode(bytes);
  } catch {
    throw new ApiError("invalid_json", "Body is not valid UTF-8");
  }
  text = text.replace(/^\uFEFF/, "").replace(/\0+$/, "");
  if (text.trim() === "") throw new ApiError("invalid_json", "Body is empty; expected a JSON object");
  let value: unknown;
  try {
    // Only a \uD800-\uDFFF escape can make a string that is not Unicode text: check those bodies.
    value = JSON.parse(text, /\\u[dD][89a-fA-F]/.test(text) ? rejectLoneSurrogates : undefined);
  } catch (error) {
    if (error instanceof ApiError) throw error;
    throw new ApiError("invalid_json", `Body is not valid JSON: ${(error as Error).message}`);
  }
  return value;
}

/**
 * A lone surrogate escape ("\ud800") parses to a string SQLite would store as invalid UTF-8, read
 * back as other text: refused like a body that is not UTF-8.
 */
function rejectLoneSurrogates(key: string, value: unknown): unknown {
  if (!key.isWellFormed() || (typeof value === "string" && !value.isWellFormed())) {
    throw new ApiError("invalid_json", "Body is not valid Unicode text: a \\u escape is half of a surrogate pair");
  }
  return value;
}

async function readLimited(request: Request, limitBytes: number): Promise<Uint8Array> {
  if (!request.body) return new Uint8Array();
  const reader = request.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > limitBytes) {
      await reader.cancel();
      throw tooLarge(limitBytes);
    }
    chunks.push(value);
  }
  const body = new Uint8Array(size);
  let offset = 0;
  for (const chunk of chunks) {
    body.set(chunk, offset);
    offset += chunk.byteLength;
  }
  return body;
}

function tooLarge(limitBytes: number): ApiError {
  return new ApiError("payload_too_large", `Body is larger than ${limitBytes / kib} KiB`);
}
