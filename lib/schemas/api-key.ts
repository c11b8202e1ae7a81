import { z } from "zod";

export const keyScopes = ["write", "read"] as const;
export const keyScope = z
  .enum(keyScopes)
  .meta({ description: "write: store and change trades, and read; read: read only" });
export type KeyScope = z.infer<typeof keyScope>;

/** A new key, from the settings form or `npm run key:create`. */
export const createApiKeyInput = z.strictObject({
  name: z.string().trim().min(1, "give the key a name, e.g. the machine it is for").max(64),
  scope: keyScope.default("write"),
  account_id: z.coerce
    .number<string | number>()
    .int()
    .min(1, "must be an account id (see GET /api/v1/accounts)")
    .nullable()
    .default(null),
});
export type CreateApiKeyInput = z.infer<typeof createApiKeyInput>;

export const apiKeyIdInput = z.strictObject({ id: z.coerce.number<string | number>().int().min(1) });
