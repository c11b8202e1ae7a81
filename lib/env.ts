import { z } from "zod";
import { parseNetworks } from "@/lib/auth/networks";

// Empty values (common in .env files) mean "not set", so the default applies.
const unset = (value: unknown) => (value === "" ? undefined : value);

export const envSchema = z.object({
  DATABASE_URL: z.preprocess(
    unset,
    z
      .string()
      .regex(/^file:.+/, { error: 'must be a SQLite file URL such as "file:./data/journal.db"' })
      .default("file:./data/journal.db"),
  ),
  PORT: z.preprocess(unset, z.coerce.number().int().min(1).max(65535).default(3000)),
  HOST: z.preprocess(unset, z.string().default("127.0.0.1")),
  SQLITE_SYNCHRONOUS: z.preprocess(
    (value) => (typeof value === "string" ? unset(value.toUpperCase()) : value),
    z.enum(["NORMAL", "FULL"]).default("NORMAL"),
  ),
  SQLITE_BUSY_TIMEOUT_MS: z.preprocess(unset, z.coerce.number().int().min(0).max(600_000).default(5000)),
  SQLITE_CACHE_MB: z.preprocess(unset, z.coerce.number().int().min(2).max(16_384).default(64)),
  LEGACY_POSITION_TYPE: z.preprocess(unset, z.enum(["exit_deal", "position"]).default("exit_deal")),
  JOURNAL_PASSWORD: z.preprocess(
    unset,
    z.string().min(10, { error: "must be at least 10 characters (it guards the whole journal)" }).optional(),
  ),
  TRUST_PROXY: z.preprocess(unset, z.stringbool().default(false)),
  OPEN_INGEST_FROM: z.preprocess(
    unset,
    z
      .string()
      .default("")
      .transform((list, context) => {
        try {
          return parseNetworks(list);
        } catch (error) {
          context.addIssue({ code: "custom", message: (error as Error).message });
          return z.NEVER;
        }
      }),
  ),
  IMPORT_MAX_BYTES: z.preprocess(unset, z.coerce.number().int().min(1024).default(2 * 1024 ** 3)),
  RATE_LIMIT_PER_SECOND: z.preprocess(unset, z.coerce.number().int().min(1).max(1_000_000).default(5000)),
});

export type Env = z.infer<typeof envSchema>;

/** Parses configuration from the environment; throws one message naming every bad variable. */
export function parseEnv(source: Record<string, string | undefined> = process.env): Env {
  const result = envSchema.safeParse(source);
  if (result.success) return result.data;
  const lines = result.error.issues.map((issue) => `  ${issue.path.join(".")}: ${issue.message}`);
  throw new Error(`Invalid configuration in the environment:\n${lines.join("\n")}`);
}

let cached: Env | undefined;

/** The parsed configuration, read once per process. */
export function env(): Env {
  cached ??= parseEnv();
  return cached;
}
