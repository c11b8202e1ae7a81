import type { z } from "zod";
import { validationError } from "@/lib/http/api-error";

// A missing required value says so, instead of zod's "expected number, received undefined".
const requiredMessage = (issue: { code: string; input?: unknown }) =>
  issue.code === "invalid_type" && issue.input === undefined ? "is required" : undefined;

/** Parses with zod and returns the issues in the API's wording. */
export function safeValidate<T extends z.ZodType>(schema: T, input: unknown) {
  return schema.safeParse(input, { error: requiredMessage });
}

/** Parses or throws the 422 validation_error naming each bad field. */
export function validate<T extends z.ZodType>(schema: T, input: unknown, where: string): z.output<T> {
  const result = safeValidate(schema, input);
  if (!result.success) throw validationError(result.error, where);
  return result.data;
}
