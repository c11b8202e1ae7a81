import type { z } from "zod";

/** The one table of error codes and statuses (notes/api-conventions.md); nothing else picks statuses. */
export const errorStatus = {
  invalid_json: 400,
  unauthorized: 401,
  forbidden: 403,
  not_found: 404,
  conflict: 409,
  payload_too_large: 413,
  unsupported_media_type: 415,
  validation_error: 422,
  invalid_cursor: 422,
  rate_limited: 429,
  internal_error: 500,
  unavailable: 503,
} as const;

export type ErrorCode = keyof typeof errorStatus;

export interface ErrorDetail {
  field: string;
  message: string;
}

export class ApiError extends Error {
  readonly status: number;

  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly details?: ErrorDetail[],
    readonly headers?: Record<string, string>,
  ) {
    super(message);
    this.name = "ApiError";
    this.status = errorStatus[code];
  }

  toBody() {
    return { error: { code: this.code, message: this.message, ...(this.details ? { details: this.details } : {}) } };
  }
}

/** Flattens zod issues into {field, message} pairs; `prefix` roots them (e.g. "trades.3"). */
export function issueDetails(error: z.ZodError, prefix: (string | number)[] = []): ErrorDetail[] {
  return error.issues.flatMap((issue) => {
    const path = [...prefix, ...issue.path.map(String)];
    if (issue.code === "unrecognized_keys") {
      return issue.keys.map((key) => ({ field: [...path, key].join("."), message: "is not a known field" }));
    }
    return [{ field: path.join(".") || "(body)", message: issue.message }];
  });
}

export function validationError(error: z.ZodError, where: string, prefix: (string | number)[] = []): ApiError {
  const details = issueDetails(error, prefix);
  const fields = [...new Set(details.map((detail) => detail.field))];
  return new ApiError("validation_error", `Invalid ${where}: ${fields.join(", ")}`, details);
}
