import { z } from "zod";
import { errorStatus, type ErrorCode } from "@/lib/http/api-error";
import {
  accountResource,
  balanceOperationResource,
  batchResponse,
  breakdownResource,
  createTradeResponse,
  dailyResource,
  distributionResource,
  equityResource,
  pageInfo,
  strategyResource,
  summaryResource,
  tradeResource,
} from "@/lib/schemas/responses";
import type { FuzzRequest } from "@/lib/test/fuzz-arbitraries";
import { byteOrderMark, tradeCsvHeader } from "@/lib/trades/trades-csv";

/** What came back for a fuzzed request, read in full (a CSV stream that breaks off fails here). */
export interface FuzzAnswer {
  status: number;
  contentType: string;
  body: string;
}

/** The body as text, a leading byte order mark kept (Response.text() would drop the CSV's). */
export function decodeBody(bytes: Uint8Array): string {
  return new TextDecoder("utf-8", { ignoreBOM: true }).decode(bytes);
}

const list = (item: z.ZodType) => z.object({ data: z.array(item), page: pageInfo });
const one = (item: z.ZodType) => z.object({ data: item });

/** The 2xx bodies the OpenAPI document promises (lib/schemas/responses.ts), by "METHOD route". */
const successBodies: Record<string, z.ZodType> = {
  "GET trades": list(tradeResource),
  "POST trades": createTradeResponse,
  "POST trades/batch": batchResponse,
  "GET trades/[id]": one(tradeResource),
  "PATCH trades/[id]": one(tradeResource),
  "GET analytics/summary": one(summaryResource),
  "GET analytics/equity": one(equityResource),
  "GET analytics/daily": one(dailyResource),
  "GET analytics/breakdown": one(breakdownResource),
  "GET analytics/distribution": one(distributionResource),
  "GET tags": list(z.object({ tag: z.string(), trades: z.int() })),
  "GET accounts": list(accountResource),
  "GET strategies": list(strategyResource),
  "GET balance-operations": list(balanceOperationResource),
  "POST balance-operations": z.object({ duplicate: z.boolean(), enriched: z.array(z.string()).optional(), data: balanceOperationResource }),
};

/**
 * The contract every fuzzed answer keeps (notes/api-conventions.md): 2xx or 4xx, never 5xx; an
 * error is JSON in the envelope with a code of the one table that maps to its status; a success
 * is the JSON the OpenAPI document describes, or the CSV download for trades.csv. Throws naming
 * the breach and the request.
 */
export function checkAnswer(request: FuzzRequest, answer: FuzzAnswer): void {
  const problem = answerProblem(request, answer);
  if (problem) {
    const sent = typeof request.body === "string" ? request.body.slice(0, 2_000) : request.body && `${request.body.length} bytes`;
    throw new Error(
      `${problem}\n  request: ${request.method} ${request.path.slice(0, 2_000)} (content-type ${request.contentType})` +
        `${sent === undefined ? "" : `\n  body: ${JSON.stringify(sent)}`}\n  answer: ${answer.status} ${answer.body.slice(0, 2_000)}`,
    );
  }
}

function answerProblem(request: FuzzRequest, answer: FuzzAnswer): string | null {
  const { status, contentType, body } = answer;
  const success = status >= 200 && status < 300;
  if (!success && !(status >= 400 && status < 500)) return `status ${status} is neither 2xx nor 4xx`;
  if (success && request.route === "trades.csv") {
    if (!contentType.startsWith("text/csv")) return `a CSV export answered content-type ${contentType}`;
    if (!body.startsWith(byteOrderMark + tradeCsvHeader())) return "a CSV export does not start with the BOM and the header";
    return null;
  }
  if (!contentType.startsWith("application/json")) return `content-type ${contentType || "(none)"} is not JSON`;
  let json: unknown;
  try {
    json = JSON.parse(body);
  } catch {
    return "the body is not JSON";
  }
  if (typeof json !== "object" || json === null || Array.isArray(json)) return "the body is not a JSON object";
  if (success) {
    if ("error" in json) return "a 2xx answer carries an error";
    const documented = successBodies[`${request.method} ${request.route}`]?.safeParse(json);
    if (documented && !documented.success) {
      const where = documented.error.issues.slice(0, 3).map((issue) => `${issue.path.join(".")}: ${issue.message}`);
      return `the 2xx body is not the documented one (${where.join("; ")})`;
    }
    return null;
  }
  return envelopeProblem(json as Record<string, unknown>, status);
}

function envelopeProblem(json: Record<string, unknown>, status: number): string | null {
  const error = json.error as Record<string, unknown> | undefined;
  if (Object.keys(json).join() !== "error" || typeof error !== "object" || error === null) {
    return "a 4xx body is not {\"error\": {...}}";
  }
  const extra = Object.keys(error).filter((key) => !["code", "message", "details"].includes(key));
  if (extra.length > 0) return `the error has unknown members: ${extra.join(", ")}`;
  if (typeof error.code !== "string" || !Object.hasOwn(errorStatus, error.code)) return `unknown error code ${String(error.code)}`;
  if (errorStatus[error.code as ErrorCode] !== status) return `code ${error.code} does not go with status ${status}`;
  if (typeof error.message !== "string" || error.message === "") return "the error has no message";
  if (error.details !== undefined) {
    const details = error.details;
    const wellFormed =
      Array.isArray(details) &&
      details.every(
        (detail: unknown) =>
          typeof detail === "object" &&
          detail !== null &&
          typeof (detail as { field?: unknown }).field === "string" &&
          typeof (detail as { message?: unknown }).message === "string",
      );
    if (!wellFormed) return "error.details is not a list of {field, message}";
  }
  return null;
}
